import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '@halflife/domain';
import { checkPlan } from '../check/check-plan.js';
import { generateInstance } from '../generate/generate-instance.js';
import type { PlanningInstance } from '../instance.js';
import { loadSolver } from '../load-solver.js';
import { planNetwork } from './plan-network.js';

const MINUTE = 60_000;
/** The demo zone's offset: local dates of the generated instances are read at +08:00. */
const localDate = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 60 * MINUTE).toISOString().slice(0, 10);

/** The instance with every site closed on `closed` (a site calendar's closed day). */
function closedOn(instance: PlanningInstance, closed: string): PlanningInstance {
  return {
    ...instance,
    sites: instance.sites.map((s) => ({
      ...s,
      open: s.open.filter((o) => localDate(o.start) !== closed),
    })),
  };
}

describe('planning a horizon of several days', () => {
  it('never uses a dose past its shelf life or a batch on a closed day', async () => {
    const highs = await loadSolver();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 2, max: 4 }),
        // Thursday to Sunday: horizons over a closed Sunday, and beginning on one.
        fc.constantFrom('2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'),
        fc.boolean(),
        (seed, days, date, closeLast) => {
          const base = generateInstance({ tier: 'M', seed, date, days });
          const last = addDays(date, days - 1);
          const instance = closeLast ? closedOn(base, last) : base;
          const plan = planNetwork(highs, instance, {
            timeLimitSeconds: 2,
            now: () => performance.now(),
          });
          const products = new Map(instance.products.map((p) => [p.id, p]));
          const orders = new Map(instance.orders.map((o) => [o.id, o]));
          const batches = new Map(plan.batches.map((b) => [b.id, b]));
          for (const dose of plan.doses) {
            const batch = batches.get(dose.batch)!;
            const order = orders.get(dose.order)!;
            const age = (Date.parse(order.calibrationAt) - Date.parse(batch.eosAt)) / MINUTE;
            expect(age).toBeGreaterThanOrEqual(0);
            expect(age).toBeLessThanOrEqual(products.get(order.product)!.shelfLifeMinutes);
          }
          for (const batch of plan.batches) {
            const day = localDate(batch.startAt);
            expect(isoWeekday(day), `${batch.id} on ${day}`).not.toBe(7);
            if (closeLast) expect(day, batch.id).not.toBe(last);
            const site = instance.sites.find((s) => s.id === batch.site)!;
            const inside = site.open.some(
              (o) =>
                Date.parse(o.start) <= Date.parse(batch.startAt) &&
                Date.parse(batch.releaseAt) <= Date.parse(o.end),
            );
            expect(inside, `${batch.id} inside the site's hours`).toBe(true);
          }
          expect(checkPlan(instance, plan).violations).toEqual([]);
        },
      ),
      { numRuns: 5, seed: 18 },
    );
  }, 180_000);

  it('serves an order of a day its sites are closed from a batch of an earlier day', async () => {
    const highs = await loadSolver();
    // Saturday to Monday, the sites closed on Sunday and Monday: Monday's Lu-177 (shelf life 120 h)
    // can only come from Saturday's batches; nothing else can be made for Monday.
    const base = generateInstance({ tier: 'M', seed: 1, date: '2026-12-05', days: 3 });
    const instance = closedOn(base, '2026-12-07');
    const plan = planNetwork(highs, instance, {
      timeLimitSeconds: 5,
      now: () => performance.now(),
    });
    const monday = instance.orders.filter((o) => localDate(o.calibrationAt) === '2026-12-07');
    const served = new Set(plan.doses.map((d) => d.order));
    const lu = monday.filter((o) => o.product === 'LU177-PSMA617');
    expect(lu.length).toBeGreaterThan(0);
    expect(lu.every((o) => served.has(o.id))).toBe(true);
    expect(monday.filter((o) => o.product !== 'LU177-PSMA617' && served.has(o.id))).toEqual([]);
    const batchDay = new Map(plan.batches.map((b) => [b.id, localDate(b.startAt)]));
    for (const d of plan.doses.filter((x) => lu.some((o) => o.id === x.order)))
      expect(batchDay.get(d.batch)).toBe('2026-12-05');
    expect(checkPlan(instance, plan).violations).toEqual([]);
  }, 60_000);
});
