import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIMENS, regimenByCode, type Regimen } from '../regimens/regimen.js';
import {
  changeRefusal,
  cyclesToOrder,
  keepsInterval,
  scheduleCycles,
  type CycleChange,
  type CycleFact,
} from './cycles.js';
import { daysBetween, shiftDate } from './local-date.js';

const pluvicto = regimenByCode('PLUVICTO')!;
const plan = (changes: CycleChange[] = [], facts: CycleFact[] = []) =>
  scheduleCycles({
    regimen: pluvicto,
    firstOn: '2026-01-05',
    level: { kind: 'standard' },
    changes,
    facts,
    weightKg: 80,
  });

describe('therapy cycles', () => {
  it('schedules Pluvicto every 6 weeks, six cycles of 7.4 GBq', () => {
    const s = plan();
    expect(s.cycles.map((c) => c.dueOn)).toEqual([
      '2026-01-05',
      '2026-02-16',
      '2026-03-30',
      '2026-05-11',
      '2026-06-22',
      '2026-08-03',
    ]);
    expect(s.cycles.every((c) => c.activityBq === 7.4e9)).toBe(true);
    expect(s.cycles[1]).toMatchObject({ earliestOn: '2026-02-09', latestOn: '2026-02-23' });
  });

  it('counts each cycle from the day the one before was given, and a delay moves later cycles', () => {
    const s = plan(
      [{ kind: 'delay', cycle: 3, days: 14, reason: 'grade 3 thrombocytopenia' }],
      [
        { cycle: 1, administeredOn: '2026-01-05' },
        { cycle: 2, administeredOn: '2026-02-19' },
      ],
    );
    expect(s.cycles[2]).toMatchObject({ dueOn: '2026-04-16', gapDays: 56 });
    expect(s.cycles[2]!.reasons).toEqual(['grade 3 thrombocytopenia']);
    expect(s.cycles[3]!.dueOn).toBe('2026-05-28');
    expect(keepsInterval(pluvicto, s.cycles[2]!)).toBe(true);
  });

  it('reduces to 5.9 GBq from the reduced cycle on, and stops before a stopped cycle', () => {
    const s = plan([
      { kind: 'reduce', cycle: 4, reason: 'xerostomia grade 2' },
      { kind: 'stop', cycle: 6, reason: 'progression' },
    ]);
    expect(s.cycles.map((c) => c.activityBq / 1e9)).toEqual([7.4, 7.4, 7.4, 5.9, 5.9]);
    expect(s.stopped).toEqual({ cycle: 6, reason: 'progression' });
  });

  it("warns when a delay is longer than the label's four weeks", () => {
    const s = plan([{ kind: 'delay', cycle: 2, days: 35, reason: 'anaemia' }]);
    expect(s.warnings[0]).toMatch(/35 days, more than 28/);
  });

  it('doses per kg from the latest weight, and refuses what the source does not allow', () => {
    const ac = regimenByCode('AC225-PSMA-KG')!;
    const s = scheduleCycles({
      regimen: ac,
      firstOn: '2026-01-05',
      level: { kind: 'standard' },
      changes: [],
      facts: [],
      weightKg: 72.5,
    });
    expect(s.cycles[0]!.activityBq).toBeCloseTo(7.25e6, 0);
    expect(() =>
      scheduleCycles({
        regimen: ac,
        firstOn: '2026-01-05',
        level: { kind: 'standard' },
        changes: [],
        facts: [],
        weightKg: null,
      }),
    ).toThrow(/weight/);
    expect(changeRefusal(ac, { kind: 'reduce', cycle: 2, reason: 'AE' }, [])).toMatch(
      /no reduced dose/,
    );
    expect(changeRefusal(pluvicto, { kind: 'delay', cycle: 2, days: 7, reason: '  ' }, [])).toMatch(
      /^reason/,
    );
    expect(changeRefusal(pluvicto, { kind: 'delay', cycle: 2, days: 90, reason: 'x' }, [])).toMatch(
      /^days/,
    );
    expect(changeRefusal(pluvicto, { kind: 'delay', cycle: 7, days: 7, reason: 'x' }, [])).toMatch(
      /^cycle/,
    );
    expect(
      changeRefusal(pluvicto, { kind: 'delay', cycle: 1, days: 7, reason: 'x' }, [
        { cycle: 1, administeredOn: '2026-01-05' },
      ]),
    ).toMatch(/already given/);
  });

  it('orders a cycle within the lead time, once the cycle before was given, never two ahead', () => {
    const s = plan([], [{ cycle: 1, administeredOn: '2026-01-05' }]);
    expect(cyclesToOrder(s, new Set([1]), '2026-01-20').map((c) => c.cycle)).toEqual([]);
    expect(cyclesToOrder(s, new Set([1]), '2026-02-02').map((c) => c.cycle)).toEqual([2]);
    expect(cyclesToOrder(s, new Set([1, 2]), '2026-12-31').map((c) => c.cycle)).toEqual([]);
  });

  /**
   * The property the issue asks for: however delays, reductions, stops, attempted changes without
   * a reason and late or early administrations come, every dose the schedule orders lies within the
   * regimen's interval ± window of the cycle before, unless a reason is recorded for that cycle.
   */
  it("never orders a dose outside the regimen's interval without a recorded reason", () => {
    const regimenArb = fc.constantFrom(...REGIMENS);
    const stepArb = fc.record({
      offset: fc.integer({ min: -10, max: 10 }),
      delay: fc.option(fc.integer({ min: -5, max: 100 }), { nil: undefined }),
      reason: fc.constantFrom('', ' ', 'neutropenia grade 3', 'patient request'),
      reduce: fc.boolean(),
      stop: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(regimenArb, fc.array(stepArb, { maxLength: 8 }), (regimen: Regimen, steps) => {
        const changes: CycleChange[] = [];
        const facts: CycleFact[] = [];
        const orders: { cycle: number; on: string }[] = [];
        const input = () => ({
          regimen,
          firstOn: '2026-03-02',
          level: { kind: 'standard' } as const,
          changes,
          facts,
          weightKg: 70,
        });
        let today = '2026-02-20';
        for (const step of steps) {
          const cycle = facts.length + 1;
          if (cycle > regimen.maxCycles) break;
          const propose = (change: CycleChange) => {
            if (changeRefusal(regimen, change, facts) === undefined) changes.push(change);
          };
          if (step.delay !== undefined)
            propose({ kind: 'delay', cycle, days: step.delay, reason: step.reason });
          if (step.reduce) propose({ kind: 'reduce', cycle, reason: step.reason });
          if (step.stop > 0.9) propose({ kind: 'stop', cycle, reason: step.reason });
          // A reason-less change is never recorded.
          expect(changes.every((c) => c.reason.trim() !== '')).toBe(true);
          const schedule = scheduleCycles(input());
          const due = schedule.cycles.find((c) => c.cycle === cycle);
          if (due === undefined) break; // stopped
          // Order everything the schedule releases on the days up to the due day.
          for (let d = today; daysBetween(d, due.dueOn) >= 0; d = shiftDate(d, 1)) {
            for (const c of cyclesToOrder(schedule, new Set(orders.map((o) => o.cycle)), d)) {
              orders.push({ cycle: c.cycle, on: c.dueOn });
              expect(keepsInterval(regimen, c)).toBe(true);
            }
          }
          // The dose is given on some day around the due day.
          const given = shiftDate(due.dueOn, step.offset);
          facts.push({ cycle, administeredOn: given });
          today = given;
        }
        // Every ordered dose: within the window of the previous given dose, or with a reason.
        for (const order of orders) {
          if (order.cycle === 1) continue;
          const before = facts.find((f) => f.cycle === order.cycle - 1)!.administeredOn!;
          const gap = daysBetween(before, order.on);
          const reasons = changes.filter((c) => c.cycle === order.cycle && c.kind === 'delay');
          expect(
            Math.abs(gap - regimen.intervalDays) <= regimen.windowDays || reasons.length > 0,
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
