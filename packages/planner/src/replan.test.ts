import { beforeAll, describe, expect, it } from 'vitest';
import { smallInstance } from '../test/small-instance.js';
import { checkPlan } from './check/check-plan.js';
import type { RuleCode, Violation } from './check/violation.js';
import type { PlanningInstance } from './instance.js';
import { parseInstance } from './instance-schema.js';
import { loadSolver, type Highs } from './load-solver.js';
import type { Plan } from './plan.js';
import { replanInstance } from './replan.js';
import { planNetwork } from './solve/plan-network.js';

let highs: Highs;
let instance: PlanningInstance;
let first: Plan;
beforeAll(async () => {
  highs = await loadSolver();
  instance = smallInstance();
  first = planNetwork(highs, instance, { method: 'milp', now });
});
const now = () => performance.now();

// 07:45 in Shanghai: the first plan's 07:10 and 07:40 vehicles have left; the south line fails
// while a batch is in synthesis there, and an urgent order comes in for Hospital A.
const from = '2026-11-24T07:45:00+08:00';
const disruption = {
  now: from,
  outages: [{ site: 'south', line: 'L1', from, reason: 'hot cell fault' }],
  newOrders: [
    {
      id: 'urgent-A',
      hospital: 'A',
      product: 'GA68-PSMA11',
      activityBq: 180e6,
      calibrationAt: '2026-11-24T10:00:00+08:00',
      prepMarginMinutes: 30,
      priority: 10,
    },
  ],
};
const departed = (plan: Plan, at: string) =>
  plan.shipments.filter((s) => Date.parse(s.departAt) < Date.parse(at));
const dosesOn = (plan: Plan, shipment: string) =>
  plan.doses
    .filter((d) => d.shipment === shipment)
    .map((d) => ({ order: d.order, batch: d.batch, eosActivityBq: d.eosActivityBq }));

describe('re-planning keeps what has left', () => {
  it('the re-plan instance names the departed shipments and their doses, and is valid', () => {
    const next = replanInstance(instance, first, disruption);
    expect(parseInstance(JSON.parse(JSON.stringify(next)))).toMatchObject({ ok: true });
    const left = departed(first, from);
    expect(left.length).toBeGreaterThan(0);
    expect(next.replanFrom).toBe(new Date(from).toISOString());
    expect(next.departedShipments).toEqual(
      left.map((s) => ({ ...s, doses: dosesOn(first, s.id) })),
    );
  });

  for (const method of ['milp', 'decomposition', 'greedy'] as const) {
    it(`${method}: departed shipments stay exactly as they left; nothing new leaves or starts before re-planning`, () => {
      const next = replanInstance(instance, first, disruption);
      const plan = planNetwork(highs, next, { method, now, previous: first });
      expect(checkPlan(next, plan).violations).toEqual([]);
      expect(checkPlan(next, plan, { base: { plan: first, from } }).violations).toEqual([]);
      for (const s of departed(first, from)) {
        expect(plan.shipments.find((p) => p.id === s.id)).toEqual(s);
        expect(dosesOn(plan, s.id)).toEqual(dosesOn(first, s.id));
      }
      for (const s of plan.shipments.filter(
        (p) => !departed(first, from).some((d) => d.id === p.id),
      ))
        expect(Date.parse(s.departAt)).toBeGreaterThanOrEqual(Date.parse(from));
      expect(plan.doses.some((d) => d.order === 'urgent-A')).toBe(true);
    });
  }

  it('an urgent order that only a departed dose could serve stays unserved; a planner that ignores what has left takes that dose, and the checker says so', () => {
    // Calibration 08:45: a new batch would arrive too late, and every batch that has been
    // released is drawn to the last becquerel by doses already on the road.
    const tempting = {
      ...disruption,
      newOrders: [{ ...disruption.newOrders[0]!, calibrationAt: '2026-11-24T08:45:00+08:00' }],
    };
    const next = replanInstance(instance, first, tempting);
    const plan = planNetwork(highs, next, { method: 'milp', now, previous: first });
    expect(checkPlan(next, plan, { base: { plan: first, from } }).violations).toEqual([]);
    expect(plan.unserved.map((u) => u.order)).toContain('urgent-A');

    // The re-plan as it was before the freeze: started batches fixed, nothing else kept.
    const unfrozen: PlanningInstance = {
      ...next,
      replanFrom: undefined,
      departedShipments: undefined,
    };
    const old = planNetwork(highs, unfrozen, { method: 'milp', now, previous: first });
    expect(checkPlan(unfrozen, old).violations).toEqual([]);
    expect(old.doses.map((d) => d.order)).toContain('urgent-A');
    const rules = checkPlan(unfrozen, old, { base: { plan: first, from } }).violations.map(
      (v) => v.rule,
    );
    expect(rules).toContain('departed-shipment');
  });
});

describe('re-planning follows the batch records', () => {
  it('keeps a batch begun early fixed, and drops a rejected batch even when it has started', () => {
    const at = '2026-11-24T07:00:00+08:00';
    const notYet = first.batches.filter((b) => Date.parse(b.startAt) > Date.parse(at));
    const begun = first.batches.filter((b) => Date.parse(b.startAt) <= Date.parse(at));
    expect(notYet.length).toBeGreaterThan(0);
    expect(begun.length).toBeGreaterThan(0);
    const early = notYet[0]!;
    const plain = replanInstance(instance, first, { now: at });
    expect(plain.fixedBatches?.map((b) => b.id)).not.toContain(early.id);
    const next = replanInstance(instance, first, {
      now: at,
      startedBatches: [early.id],
      rejectedBatches: [begun[0]!.id],
    });
    const fixed = next.fixedBatches?.map((b) => b.id) ?? [];
    expect(fixed).toContain(early.id);
    expect(fixed).not.toContain(begun[0]!.id);
    const plan = planNetwork(highs, next, { method: 'greedy', now, previous: first });
    expect(checkPlan(next, plan).violations).toEqual([]);
  });
});

/** The message of the violation of a rule about a subject ('' when there is none). */
const messageOf = (found: readonly Violation[], rule: RuleCode, subject: string): string =>
  found.find((v) => v.rule === rule && v.subject === subject)?.message ?? '';

describe('rule 12 in the checker', () => {
  const replanned = () => {
    const next = replanInstance(instance, first, disruption);
    return { next, plan: planNetwork(highs, next, { method: 'milp', now, previous: first }) };
  };
  const rule12 = (next: PlanningInstance, plan: Plan, base?: Plan) =>
    checkPlan(next, plan, base ? { base: { plan: base, from } } : {}).violations.filter(
      (v) => v.rule === 'departed-shipment' || v.rule === 'replan-from',
    );

  it('a dose moved off a vehicle that has left', () => {
    const { next, plan } = replanned();
    const left = departed(first, from)[0]!;
    const moved = plan.doses.find((d) => d.shipment === left.id)!;
    const later = plan.shipments.find((s) => Date.parse(s.departAt) >= Date.parse(from))!;
    const broken: Plan = {
      ...plan,
      doses: plan.doses.map((d) => (d === moved ? { ...d, shipment: later.id } : d)),
    };
    for (const base of [undefined, first]) {
      const found = rule12(next, broken, base);
      expect(messageOf(found, 'departed-shipment', `order ${moved.order}`)).toMatch(
        new RegExp(
          `left on shipment ${left.id} at .*, but the plan has it on shipment ${later.id}`,
        ),
      );
    }
  });

  it('a dose put on a vehicle that has left, and a new vehicle leaving before re-planning', () => {
    const { next, plan } = replanned();
    const left = departed(first, from)[0]!;
    const urgent = plan.doses.find((d) => d.order === 'urgent-A')!;
    const onLeft: Plan = {
      ...plan,
      doses: plan.doses.map((d) => (d === urgent ? { ...d, shipment: left.id } : d)),
    };
    expect(messageOf(rule12(next, onLeft, first), 'departed-shipment', 'order urgent-A')).toContain(
      `on shipment ${left.id}, which left at`,
    );
    const early: Plan = {
      ...plan,
      shipments: plan.shipments.map((s) =>
        s.id === urgent.shipment ? { ...s, departAt: '2026-11-23T23:30:00Z' } : s,
      ),
    };
    expect(rule12(next, early).map((v) => v.rule)).toContain('replan-from');
  });

  it('a departed shipment dropped, and a started batch changed', () => {
    const { next, plan } = replanned();
    const left = departed(first, from)[0]!;
    const dropped: Plan = {
      ...plan,
      shipments: plan.shipments.filter((s) => s.id !== left.id),
    };
    expect(messageOf(rule12(next, dropped), 'departed-shipment', `shipment ${left.id}`)).toContain(
      'is missing from the plan',
    );
    const batch = plan.batches.find((b) => b.fixed)!;
    const shifted: Plan = {
      ...plan,
      batches: plan.batches.map((b) =>
        b === batch ? { ...b, eosActivityBq: b.eosActivityBq / 2 } : b,
      ),
    };
    expect(
      messageOf(rule12(next, shifted, first), 'departed-shipment', `batch ${batch.id}`),
    ).toContain('had started; changed: EOS activity');
  });

  it('a batch lost to the outage may go; a re-plan with nothing departed has nothing to keep', () => {
    const { next, plan } = replanned();
    const lost = first.batches.filter((b) => !plan.batches.some((p) => p.id === b.id));
    expect(lost.map((b) => b.site)).toEqual(['south']);
    expect(rule12(next, plan, first)).toEqual([]);
    expect(rule12(instance, first)).toEqual([]);
  });
});
