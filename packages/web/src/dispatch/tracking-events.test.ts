import { describe, expect, it } from 'vitest';
import { eventView, lastEventAt, timeline } from './tracking-events.js';
import type { ShipmentEvent } from './shipment-types.js';

const ZONE = 'Asia/Shanghai';
const event = (kind: ShipmentEvent['kind'], detail: Record<string, unknown>): ShipmentEvent => ({
  kind,
  at: '2026-12-07T00:30:00.000Z',
  by: 'Li Na',
  detail,
});

describe('tracking events', () => {
  it('says what was packed and loaded', () => {
    expect(eventView(event('packed', { package: 'PK-1', orders: ['a', 'b'] }), ZONE)).toEqual({
      title: 'Packed',
      detail: 'package PK-1 · 2 doses',
      attention: false,
    });
    expect(
      eventView(
        event('loaded', { vehicle: '京A·12345', packages: ['PK-1'], transportIndexSum: 0.3 }),
        ZONE,
      ).detail,
    ).toBe('on 京A·12345 · 1 package scanned · Σ TI 0.3');
  });

  it('names the courier who signed for the packages', () => {
    expect(eventView(event('picked-up', { signedBy: 'Zhang Wei' }), ZONE).detail).toBe(
      'signed for by Zhang Wei',
    );
    expect(eventView(event('picked-up', {}), ZONE).detail).toBe('signed for by Li Na');
  });

  it('gives a delay’s reason, new arrival in the zone and the doses it puts out of tolerance', () => {
    const view = eventView(
      event('delayed', {
        reason: 'accident on the ring road',
        expectedArrivalAt: '2026-12-07T02:45:00.000Z',
        minutes: 90,
        doses: [{ ok: true }, { ok: false }],
      }),
      ZONE,
    );
    expect(view).toEqual({
      title: 'Delayed',
      detail:
        'accident on the ring road · now expected 7 Dec 10:45 (+1 h 30 min) · 1 dose out of tolerance',
      attention: true,
    });
  });

  it('reads a detail it does not recognise without failing', () => {
    expect(eventView(event('delayed', { reason: 3, doses: 'x' }), ZONE)).toEqual({
      title: 'Delayed',
      detail: 'no reason given',
      attention: false,
    });
    expect(eventView(event('delivered', {}), ZONE).detail).toBe('');
  });

  it('finds the last event of a kind', () => {
    const events = [
      { ...event('delayed', {}), at: 'a' },
      { ...event('delayed', {}), at: 'b' },
    ];
    expect(lastEventAt(events, 'delayed')).toBe('b');
    expect(lastEventAt(events, 'delivered')).toBeUndefined();
  });

  it('orders the timeline by time, then as a shipment passes its states', () => {
    const t = '2026-12-07T00:30:00.000Z';
    const events = [
      { ...event('picked-up', {}), at: t },
      { ...event('loaded', {}), at: t },
      { ...event('packed', { package: 'B' }), at: '2026-12-07T00:10:00.000Z' },
      { ...event('delayed', { reason: 'first' }), at: t },
      { ...event('delayed', { reason: 'second' }), at: t },
    ];
    expect(timeline(events).map((e) => [e.kind, e.detail['reason']].join(''))).toEqual([
      'packed',
      'loaded',
      'picked-up',
      'delayedfirst',
      'delayedsecond',
    ]);
  });
});
