import { describe, expect, it } from 'vitest';
import { SUMMARY } from '../dispatch/shipment-test-fixture.js';
import type { ShipmentEvent, ShipmentSummary } from '../dispatch/shipment-types.js';
import { canReportDelay, nextStep, runStops, sortRuns, stateTimes } from './run-stops.js';

const ev = (kind: ShipmentEvent['kind'], at: string): ShipmentEvent => ({
  kind,
  at,
  by: 'Zhang Wei',
  detail: {},
});

describe('a courier’s run', () => {
  it('has two stops: the pick-up at the site, then the delivery at the hospital', () => {
    const run: ShipmentSummary = { ...SUMMARY, status: 'in-transit', delayMinutes: 40 };
    const stops = runStops(run, [ev('loaded', 'L'), ev('picked-up', 'P')]);
    expect(stops.map((s) => [s.n, s.kind, s.title, s.dueLabel, s.doneAt, s.note])).toEqual([
      [1, 'pick-up', 'Pick-up at Beijing radiopharmacy', 'Planned departure', 'P', undefined],
      [
        2,
        'delivery',
        'Delivery at Peking Union Medical College Hospital',
        'Expected arrival',
        undefined,
        '40 min late',
      ],
    ]);
    expect(stops[0]?.dueAt).toBe(SUMMARY.departAt);
    expect(stops[1]?.zone).toBe(SUMMARY.hospitalZone);
  });

  it('says when each state was reached, a delay only when there was one', () => {
    const events = [
      ev('loaded', 'L'),
      ev('picked-up', 'P'),
      ev('delayed', 'D1'),
      ev('delayed', 'D2'),
    ];
    expect(stateTimes(SUMMARY, events).map((t) => [t.label, t.at])).toEqual([
      ['Loaded', 'L'],
      ['Picked up', 'P'],
      ['Delay reported', 'D2'],
      ['Delivered', undefined],
    ]);
    expect(stateTimes(SUMMARY, []).map((t) => t.label)).toEqual([
      'Loaded',
      'Picked up',
      'Delivered',
    ]);
  });

  it('knows the next step', () => {
    expect(nextStep('loaded')).toBe('pick-up');
    expect(nextStep('in-transit')).toBe('deliver');
    expect(nextStep('delivered')).toBe('done');
    expect(nextStep('packed')).toBe('not-loaded');
    expect(canReportDelay('loaded')).toBe(true);
    expect(canReportDelay('delivered')).toBe(false);
  });

  it('lists the runs to do by departure, then the delivered ones latest first', () => {
    const run = (key: string, status: ShipmentSummary['status'], departAt: string) => ({
      ...SUMMARY,
      key,
      status,
      departAt,
      expectedArrivalAt: departAt,
    });
    const { active, delivered } = sortRuns([
      run('c', 'delivered', '2026-12-06T01:00:00Z'),
      run('b', 'in-transit', '2026-12-07T02:00:00Z'),
      run('a', 'loaded', '2026-12-07T01:00:00Z'),
      run('d', 'delivered', '2026-12-07T00:00:00Z'),
    ]);
    expect(active.map((r) => r.key)).toEqual(['a', 'b']);
    expect(delivered.map((r) => r.key)).toEqual(['d', 'c']);
  });
});
