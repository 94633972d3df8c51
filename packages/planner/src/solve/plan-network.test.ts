import fc from 'fast-check';
import { loadSolver, type Highs } from '../load-solver.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallInstance } from '../../test/small-instance.js';
import { checkPlan } from '../check/check-plan.js';
import type { PlanningInstance } from '../instance.js';
import { replanInstance } from '../replan.js';
import { planNetwork } from './plan-network.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadSolver();
});
const now = () => performance.now();

describe('planNetwork on a small Ga-68 network', () => {
  it('proves its plan optimal, serves every order that can be reached, and the checker agrees', () => {
    const instance = smallInstance();
    const plan = planNetwork(highs, instance, { method: 'milp', now });
    expect(checkPlan(instance, plan).violations).toEqual([]);
    expect(plan.summary.served).toBe(10);
    expect(plan.summary.gap).toBeLessThanOrEqual(1e-3);
    expect(plan.unserved.map((u) => u.order).sort()).toEqual(['o12', 'o6']);
    for (const u of plan.unserved)
      expect(u.reason).toMatch(/no site can reach Hospital Far within Ga-68 PSMA-11's shelf life/);
    for (const dose of plan.doses)
      expect(
        dose.calibrationActivityBq / instance.orders.find((o) => o.id === dose.order)!.activityBq,
      ).toBeCloseTo(1, 9);
  });

  it('beats the greedy baseline: fewer batches and less isotope for as many orders', () => {
    const instance = smallInstance();
    const best = planNetwork(highs, instance, { method: 'milp', now });
    const greedy = planNetwork(highs, instance, { method: 'greedy', now });
    expect(checkPlan(instance, greedy).violations).toEqual([]);
    expect(best.summary.served).toBeGreaterThanOrEqual(greedy.summary.served);
    expect(best.summary.batches).toBeLessThan(greedy.summary.batches);
    expect(best.summary.startActivityBq).toBeLessThan(greedy.summary.startActivityBq);
    expect(best.summary.cost.total).toBeLessThan(greedy.summary.cost.total);
  });

  it('the decomposition gives a valid plan no better than the proven optimum', () => {
    const instance = smallInstance();
    const best = planNetwork(highs, instance, { method: 'milp', now });
    const plan = planNetwork(highs, instance, { method: 'decomposition', now });
    expect(checkPlan(instance, plan).violations).toEqual([]);
    expect(plan.summary.objective).toBeGreaterThanOrEqual(best.summary.objective - 1e-6);
    expect(plan.summary.lowerBound).toBeLessThanOrEqual(best.summary.objective + 1e-6);
  });

  it('says which line is full when capacity, not reach, leaves an order out', () => {
    const base = smallInstance();
    const instance: PlanningInstance = {
      ...base,
      sites: base.sites.map((s) => ({
        ...s,
        open: [{ start: '2026-11-24T07:00:00+08:00', end: '2026-11-24T08:10:00+08:00' }],
      })),
      orders: base.orders.slice(0, 4),
    };
    const plan = planNetwork(highs, instance, { method: 'milp', now });
    expect(checkPlan(instance, plan).violations).toEqual([]);
    const reasons = plan.unserved.map((u) => u.reason).join('\n');
    expect(plan.unserved.length).toBeGreaterThan(0);
    expect(reasons).toMatch(/line 1|no delivery can arrive/);
  });
});

describe('supply', () => {
  it('says when isotope, not lines, leaves an order out', () => {
    const base = smallInstance();
    // One small elution at 07:00 at each site: enough for a few doses, not for twelve.
    const instance: PlanningInstance = {
      ...base,
      sites: base.sites.map((s) => ({
        ...s,
        supply: [
          {
            nuclide: 'Ga-68',
            kind: 'generator' as const,
            label: `${s.id} generator`,
            releases: [{ at: '2026-11-24T07:00:00+08:00', activityBq: 1.2e9 }],
          },
        ],
      })),
    };
    const plan = planNetwork(highs, instance, { method: 'milp', now, timeLimitSeconds: 10 });
    expect(checkPlan(instance, plan).violations).toEqual([]);
    expect(plan.summary.served).toBeLessThan(plan.summary.orders - plan.summary.unservable);
    const reasons = plan.unserved.map((u) => u.reason);
    expect(reasons.some((r) => /^not enough Ga-68: when a batch could start/.test(r))).toBe(true);
  });
});

describe('re-planning', () => {
  it('after a line fails, keeps started batches, moves what it must and still passes the checker', () => {
    const instance = smallInstance();
    const first = planNetwork(highs, instance, { method: 'milp', now });
    const disruption = {
      now: '2026-11-24T07:10:00+08:00',
      outages: [
        { site: 'north', line: 'L1', from: '2026-11-24T07:10:00+08:00', reason: 'hot cell fault' },
      ],
      newOrders: [
        {
          id: 'urgent-1',
          hospital: 'B',
          product: 'GA68-PSMA11',
          activityBq: 200e6,
          calibrationAt: '2026-11-24T12:00:00+08:00',
          prepMarginMinutes: 30,
          priority: 10,
        },
      ],
    };
    const next = replanInstance(instance, first, disruption);
    const plan = planNetwork(highs, next, { method: 'milp', now, previous: first });
    expect(checkPlan(next, plan).violations).toEqual([]);
    // Started batches stay, except one still in synthesis on the line that fails (it is lost).
    const cut = Date.parse(disruption.now);
    const started = first.batches.filter(
      (b) => Date.parse(b.startAt) <= cut && !(b.site === 'north' && Date.parse(b.eosAt) > cut),
    );
    for (const b of started) expect(plan.batches.find((p) => p.id === b.id)?.fixed).toBe(true);
    expect(plan.batches.filter((b) => !b.fixed && b.site === 'north')).toEqual([]);
    expect(plan.doses.some((d) => d.order === 'urgent-1')).toBe(true);
    // Doses from batches that survive keep their batch.
    const kept = first.doses.filter((d) => started.some((b) => b.id === d.batch));
    for (const d of kept) expect(plan.doses.find((p) => p.order === d.order)?.batch).toBe(d.batch);
  });
});

describe('property: every plan keeps the rules', () => {
  it('random small networks: batches, lines, licences, vehicles and tolerances hold', () => {
    fc.assert(
      fc.property(
        fc.record({
          orders: fc.integer({ min: 1, max: 12 }),
          tiPerGbq: fc.double({ min: 0.1, max: 80, noNaN: true }),
          capacity: fc.integer({ min: 1, max: 6 }),
          siteLicenceGbq: fc.double({ min: 0.5, max: 20, noNaN: true }),
          hospitalLicenceGbq: fc.double({ min: 0.2, max: 5, noNaN: true }),
          maxBatchGbq: fc.double({ min: 0.3, max: 2, noNaN: true }),
          method: fc.constantFrom('milp' as const, 'greedy' as const, 'decomposition' as const),
        }),
        (p) => {
          const base = smallInstance();
          const instance: PlanningInstance = {
            ...base,
            products: base.products.map((x) => ({
              ...x,
              maxBatchBq: p.maxBatchGbq * 1e9,
              transportIndexPerGbq: { 'Ga-68': p.tiPerGbq },
            })),
            sites: base.sites.map((s) => ({
              ...s,
              licences: [{ nuclide: 'Ga-68', maxActivityBq: p.siteLicenceGbq * 1e9 }],
            })),
            hospitals: base.hospitals.map((h) => ({
              ...h,
              licences: [{ nuclide: 'Ga-68', maxActivityBq: p.hospitalLicenceGbq * 1e9 }],
            })),
            lanes: base.lanes.map((l) => ({ ...l, vehicleCapacity: p.capacity })),
            orders: base.orders.slice(0, p.orders),
          };
          const plan = planNetwork(highs, instance, { method: p.method, now, timeLimitSeconds: 5 });
          expect(checkPlan(instance, plan).violations).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });
});
