import { describe, expect, it } from 'vitest';
import { carryCommitted } from './carry-committed.js';
import { checkPlan } from './check/check-plan.js';
import { generateInstance } from './generate/generate-instance.js';
import type { PlanningInstance } from './instance.js';
import { loadSolver } from './load-solver.js';
import { planNetwork } from './solve/plan-network.js';

const localDate = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** The days of `instance` from `date` (at `time`) on: a later horizon over the same network. */
function from(instance: PlanningInstance, date: string, time = '00:00'): PlanningInstance {
  const keep = (iso: string) => localDate(iso) >= date;
  return {
    ...instance,
    horizon: { ...instance.horizon, start: `${date}T${time}:00+08:00` },
    sites: instance.sites.map((s) => ({ ...s, open: s.open.filter((o) => keep(o.start)) })),
    hospitals: instance.hospitals.map((h) => ({
      ...h,
      receiving: h.receiving.filter((o) => keep(o.start)),
    })),
    orders: instance.orders.filter((o) => keep(o.calibrationAt)),
  };
}

describe('carryCommitted', () => {
  it('keeps an earlier day’s batches and the doses that left, and plans the rest around them', async () => {
    const highs = await loadSolver();
    // Saturday to Monday with the sites closed on Monday: Monday's Lu-177 is made on Saturday.
    const base = generateInstance({ tier: 'M', seed: 1, date: '2026-12-05', days: 3 });
    const first = {
      ...base,
      sites: base.sites.map((s) => ({
        ...s,
        open: s.open.filter((o) => localDate(o.start) !== '2026-12-07'),
      })),
    };
    const plan = planNetwork(highs, first, { timeLimitSeconds: 5, now: () => performance.now() });

    // Monday planned again from 06:00, its sites open after all: Saturday's batches are what they
    // are, and the doses that left at dawn stay on their vans.
    const next = carryCommitted(from(base, '2026-12-07', '06:00'), { instance: first, plan });
    const saturday = plan.batches.filter((b) => localDate(b.startAt) === '2026-12-05');
    const carried = new Set((next.fixedBatches ?? []).map((b) => b.id));
    const mondayLu = next.orders.filter(
      (o) => o.product === 'LU177-PSMA617' && localDate(o.calibrationAt) === '2026-12-07',
    );
    expect(mondayLu.length).toBeGreaterThan(0);
    // Exactly the Saturday batches that serve Monday, or share a vehicle with one that does.
    const servesMonday = new Set(
      plan.doses.filter((d) => mondayLu.some((o) => o.id === d.order)).map((d) => d.batch),
    );
    for (const b of servesMonday) expect(carried.has(b)).toBe(true);
    for (const id of carried) expect(saturday.some((b) => b.id === id)).toBe(true);
    expect(next.replanFrom).toBe(next.horizon.start);
    expect(next.departedShipments?.length).toBeGreaterThan(0);

    const replanned = planNetwork(highs, next, {
      timeLimitSeconds: 5,
      now: () => performance.now(),
    });
    expect(checkPlan(next, replanned).violations).toEqual([]);
    for (const shipment of next.departedShipments ?? []) {
      for (const dose of shipment.doses) {
        const kept = replanned.doses.find((d) => d.order === dose.order);
        expect(kept).toMatchObject({ batch: dose.batch, shipment: shipment.id });
      }
    }
    for (const b of next.fixedBatches ?? []) {
      expect(replanned.batches.find((x) => x.id === b.id)).toMatchObject({
        startAt: b.startAt,
        eosActivityBq: b.eosActivityBq,
        fixed: true,
      });
    }
  }, 60_000);

  it('changes nothing when no earlier batch serves the horizon', async () => {
    const base = generateInstance({ tier: 'S', seed: 1, date: '2026-12-07', days: 2 });
    const highs = await loadSolver();
    const plan = planNetwork(highs, base, { timeLimitSeconds: 2, now: () => performance.now() });
    const next = from(base, '2026-12-08');
    // Ga-68 lives hours: Monday's batches serve no Tuesday order.
    expect(carryCommitted(next, { instance: base, plan })).toBe(next);
  }, 60_000);
});
