import { describe, expect, it } from 'vitest';
import type { PlanningInstance } from '../instance.js';
import type { Plan, PlannedDose } from '../plan.js';
import { checkPlan, type PlanCheck } from './check-plan.js';
import { at, b1, batch, dose, instance, shipment, summarise, validPlan } from './fixture.js';
import type { RuleCode } from './violation.js';

type Draft = Omit<Plan, 'summary'>;

/** Checks an edited copy of the valid plan (summary recomputed) against an edited instance. */
function checkEdited(
  editPlan: (plan: Draft) => Draft = (p) => p,
  editInstance: (inst: PlanningInstance) => PlanningInstance = (i) => i,
): PlanCheck {
  const inst = editInstance(instance);
  return checkPlan(inst, summarise(inst, editPlan(validPlan)));
}

const rules = (check: PlanCheck): RuleCode[] =>
  [...new Set(check.violations.map((v) => v.rule))].sort();

const replaceDose = (plan: Draft, order: string, edit: (d: PlannedDose) => PlannedDose): Draft => ({
  ...plan,
  doses: plan.doses.map((d) => (d.order === order ? edit(d) : d)),
});

describe('checkPlan', () => {
  it('accepts the valid hand-built plan', () => {
    const check = checkPlan(instance, validPlan);
    expect(check.violations).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.stats.figures.cost.total).toBeCloseTo(validPlan.summary.cost.total, 9);
  });

  it('catches a late arrival, with the figures in the message', () => {
    const check = checkEdited((p) => ({
      ...p,
      shipments: p.shipments.map((s) => (s.id === 'sh3' ? shipment('sh3', 's1-h2', '10:00') : s)),
    }));
    expect(rules(check)).toEqual(['arrival-late']);
    expect(check.violations[0]).toEqual({
      rule: 'arrival-late',
      subject: 'order o3',
      message:
        'Dose for order o3 arrives 11:30Z, after its latest arrival 10:00Z (calibration 10:30Z − 30 min preparation).',
    });
  });

  it('catches an early arrival and one outside the receiving hours', () => {
    const check = checkEdited(undefined, (inst) => ({
      ...inst,
      orders: inst.orders.map((o) =>
        o.id === 'o2' ? { ...o, earliestArrivalAt: at('09:30') } : o,
      ),
      hospitals: inst.hospitals.map((h) =>
        h.id === 'h1' ? { ...h, receiving: [{ start: at('08:30'), end: at('08:50') }] } : h,
      ),
    }));
    expect(rules(check)).toEqual(['arrival-early', 'arrival-receiving']);
    expect(check.violations.find((v) => v.rule === 'arrival-receiving')?.message).toBe(
      'Arrives 09:00Z at hospital h1, outside its receiving hours (08:30Z–08:50Z).',
    );
  });

  it('catches a departure before the release of a batch carried', () => {
    const check = checkEdited((p) => ({
      ...p,
      shipments: p.shipments.map((s) => (s.id === 'sh1' ? shipment('sh1', 's1-h1', '07:40') : s)),
    }));
    expect(rules(check)).toEqual(['shipment-release']);
    expect(check.violations[0]?.message).toBe(
      'Departs 07:40Z, before batch b1 it carries is released at 07:45Z.',
    );
  });

  it('catches a batch whose doses exceed its EOS activity', () => {
    const small = { ...b1, eosActivityBq: 3e9, startActivityBq: 3e9 / 0.6 };
    const check = checkEdited((p) => ({
      ...p,
      batches: p.batches.map((b) => (b.id === 'b1' ? small : b)),
    }));
    expect(rules(check)).toEqual(['batch-overdrawn']);
    expect(check.violations[0]?.subject).toBe('batch b1');
  });

  it('catches a batch above maxBatchBq', () => {
    const big = { ...b1, eosActivityBq: 5.5e9, startActivityBq: 5.5e9 / 0.6 };
    const check = checkEdited((p) => ({
      ...p,
      batches: p.batches.map((b) => (b.id === 'b1' ? big : b)),
    }));
    expect(rules(check)).toEqual(['batch-max']);
  });

  it('catches an EOS activity that is not start × yield', () => {
    const odd = { ...b1, startActivityBq: b1.startActivityBq * 0.9 };
    const check = checkEdited((p) => ({
      ...p,
      batches: p.batches.map((b) => (b.id === 'b1' ? odd : b)),
    }));
    expect(rules(check)).toEqual(['batch-activity']);
  });

  it('catches a dose out of tolerance (order tolerance 5 %)', () => {
    const check = checkEdited((p) =>
      replaceDose(p, 'o3', (d) => ({
        ...d,
        eosActivityBq: d.eosActivityBq * 1.07,
        calibrationActivityBq: d.calibrationActivityBq * 1.07,
      })),
    );
    expect(rules(check)).toEqual(['dose-tolerance']);
    expect(check.violations[0]?.message).toContain('+7% from the ordered 300 MBq (tolerance ±5%)');
  });

  it('catches a calibration activity that the decay engine does not give', () => {
    const check = checkEdited((p) =>
      replaceDose(p, 'o1', (d) => ({
        ...d,
        calibrationActivityBq: d.calibrationActivityBq * 1.01,
      })),
    );
    expect(rules(check)).toEqual(['dose-decay']);
  });

  it('catches a shelf life exceeded', () => {
    const check = checkEdited(undefined, (inst) => ({
      ...inst,
      products: inst.products.map((p) =>
        p.id === 'ga68-dotatate' ? { ...p, shelfLifeMinutes: 160 } : p,
      ),
    }));
    expect(rules(check)).toEqual(['shelf-life']);
    expect(check.violations.map((v) => v.subject).sort()).toEqual(['order o2', 'order o3']);
  });

  it('catches overlapping batches on one line', () => {
    const b4 = batch('b4', 's1', 'l1', instance.products[0]!, '07:15', 1e9);
    const check = checkEdited((p) => ({ ...p, batches: [...p.batches, b4] }));
    expect(rules(check)).toEqual(['batch-overlap']);
    expect(check.violations[0]?.message).toContain('overlaps batch b1 (07:00Z–07:30Z)');
  });

  it('catches a batch during an outage', () => {
    const check = checkEdited(undefined, (inst) => ({
      ...inst,
      outages: [
        {
          site: 's2',
          line: 'l3',
          from: at('08:15'),
          to: at('09:00'),
          reason: 'hot cell leak test',
        },
      ],
    }));
    expect(rules(check)).toEqual(['batch-outage']);
    expect(check.violations[0]?.subject).toBe('batch b2');
  });

  it('catches a batch outside the site opening, on a wrong line, and fixed batches changed', () => {
    const early = batch('b5', 's1', 'l2', instance.products[0]!, '04:00', 1e9);
    const check = checkEdited(
      (p) => ({ ...p, batches: [...p.batches, early] }),
      (inst) => ({
        ...inst,
        fixedBatches: [
          {
            id: 'b2',
            site: 's2',
            line: 'l3',
            product: 'ga68-dotatate',
            startAt: at('08:30'),
            eosActivityBq: 1.5e9,
          },
        ],
      }),
    );
    expect(rules(check)).toEqual(['batch-line', 'batch-window', 'fixed-batch']);
  });

  it('catches a vehicle over capacity', () => {
    const check = checkEdited(undefined, (inst) => ({
      ...inst,
      lanes: inst.lanes.map((l) => (l.id === 's1-h1' ? { ...l, vehicleCapacity: 2 } : l)),
    }));
    expect(rules(check)).toEqual(['vehicle-capacity']);
    expect(check.violations[0]?.subject).toBe('shipment sh1');
  });

  it('counts grown-in daughters in the transport index (TI over 50)', () => {
    // The Pb-212 dose on a vehicle of its own 5 h after EOS: Bi-212 and Tl-208 have grown in.
    const check = checkEdited((p) => ({
      ...replaceDose(p, 'o5', (d) => ({ ...d, shipment: 'sh4' })),
      shipments: [...p.shipments, shipment('sh4', 's1-h1', '12:00')],
    }));
    expect(rules(check)).toEqual(['vehicle-ti']);
    expect(check.violations[0]?.subject).toBe('shipment sh4');
    // The parent alone would stay far below 50.
    const parentOnly = checkEdited(
      (p) => ({
        ...replaceDose(p, 'o5', (d) => ({ ...d, shipment: 'sh4' })),
        shipments: [...p.shipments, shipment('sh4', 's1-h1', '12:00')],
      }),
      (inst) => ({
        ...inst,
        products: inst.products.map((p) =>
          p.id === 'pb212-vmt' ? { ...p, transportIndexPerGbq: { 'Pb-212': 80 } } : p,
        ),
      }),
    );
    expect(parentOnly.ok).toBe(true);
  });

  it('catches a departure that is not on the lane schedule', () => {
    const check = checkEdited((p) => ({
      ...p,
      shipments: p.shipments.map((s) => (s.id === 'sh3' ? shipment('sh3', 's1-h2', '08:05') : s)),
    }));
    expect(rules(check)).toEqual(['shipment-schedule']);
  });

  it('catches an arrival that is not departure + duration, a wrong lane and an empty shipment', () => {
    const check = checkEdited((p) => ({
      ...p,
      shipments: [
        ...p.shipments.map((s) =>
          s.id === 'sh2' ? { ...s, lane: 's2-h1', arriveAt: at('09:45') } : s,
        ),
        shipment('sh9', 's1-h1', '09:00'),
      ],
    }));
    expect(rules(check)).toEqual(['shipment-duration', 'shipment-empty', 'shipment-lane']);
  });

  it('catches a supply exhausted', () => {
    const check = checkEdited(undefined, (inst) => ({
      ...inst,
      sites: inst.sites.map((s) =>
        s.id === 's1'
          ? {
              ...s,
              supply: [{ ...s.supply[0]!, releases: [{ at: at('04:00'), activityBq: 0.7e9 }] }],
            }
          : s,
      ),
    }));
    expect(rules(check)).toEqual(['supply']);
    expect(check.violations[0]?.subject).toBe('batch b3');
  });

  it('catches a site licence exceeded, and a site without a licence', () => {
    const lowered = checkEdited(undefined, (inst) => ({
      ...inst,
      sites: inst.sites.map((s) =>
        s.id === 's1'
          ? { ...s, licences: [{ nuclide: 'Ga-68', maxActivityBq: 6e9 }, s.licences[1]!] }
          : s,
      ),
    }));
    expect(rules(lowered)).toEqual(['site-licence']);
    expect(lowered.violations[0]?.subject).toBe('batch b1');
    const none = checkEdited(undefined, (inst) => ({
      ...inst,
      sites: inst.sites.map((s) => (s.id === 's2' ? { ...s, licences: [] } : s)),
    }));
    expect(rules(none)).toEqual(['site-licence']);
  });

  it('catches a hospital licence exceeded', () => {
    const check = checkEdited(undefined, (inst) => ({
      ...inst,
      hospitals: inst.hospitals.map((h) =>
        h.id === 'h1'
          ? { ...h, licences: [{ nuclide: 'Ga-68', maxActivityBq: 0.5e9 }, h.licences[1]!] }
          : h,
      ),
    }));
    expect(rules(check)).toEqual(['hospital-licence']);
    expect(check.violations[0]?.subject).toBe('hospital h1');
  });

  it('catches an order served twice, one missing and one both served and unserved', () => {
    const twice = checkEdited((p) => ({ ...p, doses: [...p.doses, dose('o1', b1, 'sh1')] }));
    expect(rules(twice)).toEqual(['order-duplicate']);
    const missing = checkEdited((p) => ({ ...p, unserved: [] }));
    expect(rules(missing)).toEqual(['order-missing']);
    expect(missing.violations[0]?.subject).toBe('order o6');
    const both = checkEdited((p) => ({
      ...p,
      unserved: [...p.unserved, { order: 'o1', reason: 'x' }],
    }));
    expect(rules(both)).toEqual(['order-both']);
  });

  it('catches unknown references', () => {
    const check = checkEdited((p) => ({
      ...p,
      doses: [...p.doses.slice(0, 4), { ...p.doses[4]!, batch: 'b404', shipment: 'sh404' }],
    }));
    expect(rules(check)).toContain('reference');
    expect(check.violations.filter((v) => v.rule === 'reference').map((v) => v.message)).toEqual([
      'The dose names batch b404, not in the plan.',
      'The dose names shipment sh404, not in the plan.',
    ]);
  });

  it('catches a wrong summary cost', () => {
    const plan = {
      ...validPlan,
      summary: { ...validPlan.summary, cost: { ...validPlan.summary.cost, transport: 700 } },
    };
    const check = checkPlan(instance, plan);
    expect(rules(check)).toEqual(['summary']);
    expect(check.violations[0]?.subject).toBe('summary.cost.transport');
  });
});
