/**
 * How much a demo order asks for, and its notes. Doses come from the product (facts.md where it
 * has them, see demo-products.ts); the splits between single and multi-dose orders, the cycle
 * numbers and the reduced-dose share are assumption (demo).
 */
import type { DemoProduct } from './demo-products.js';
import type { DemoOrder } from './demo-types.js';
import { clamp, intBetween, normal, pick } from './rng.js';
import type { Rng } from './rng.js';

export type AmountStyle = 'fixed' | 'per-kg' | 'fdg' | 'tc99m' | 'lu177-psma' | 'lu177-dotatate';

type Amount = Pick<
  DemoOrder,
  'amountKind' | 'activityBq' | 'perKgBq' | 'patientWeightKg' | 'doses' | 'notes'
>;

/** Patient weight, kg: normal around 75 kg (sd 12), clamped to 45–130, to 0.1 kg (assumption). */
export function patientWeightKg(rng: Rng): number {
  return Math.round(clamp(normal(rng, 75, 12), 45, 130) * 10) / 10;
}

/** The activity at calibration for `perKgBq` × `weightKg`, within the product's dose bounds. */
export function perKgActivityBq(product: DemoProduct, perKgBq: number, weightKg: number): number {
  return Math.round(
    clamp(perKgBq * weightKg, product.doseMinBq ?? 0, product.doseMaxBq ?? Infinity),
  );
}

const PET_NOTES = ['oncology staging', 'treatment response', 'restaging', 'suspected recurrence'];

function fixedDose(product: DemoProduct): number {
  if (product.doseBq === null) throw new Error(`${product.code}: no fixed dose`);
  return product.doseBq;
}

function doses(product: DemoProduct, n: number, what: string): Amount {
  return {
    amountKind: 'doses',
    activityBq: n * fixedDose(product),
    doses: n,
    notes: `${n} patient doses for the ${what} list`,
  };
}

export function demoOrderAmount(rng: Rng, product: DemoProduct, style: AmountStyle): Amount {
  switch (style) {
    case 'fixed': {
      const therapy = product.use === 'therapeutic';
      const notes = therapy
        ? `trial patient, cycle ${intBetween(rng, 1, 4)}`
        : pick(rng, PET_NOTES);
      return { amountKind: 'fixed', activityBq: fixedDose(product), notes };
    }
    case 'per-kg': {
      const perKgBq = product.doseBqPerKg;
      if (perKgBq === null) throw new Error(`${product.code}: no per-kg dose`);
      const weight = patientWeightKg(rng);
      const therapy = product.use === 'therapeutic';
      return {
        amountKind: 'per_kg',
        activityBq: perKgActivityBq(product, perKgBq, weight),
        perKgBq,
        patientWeightKg: weight,
        notes: therapy ? `cycle ${intBetween(rng, 1, 4)}, every 8 weeks` : pick(rng, PET_NOTES),
      };
    }
    case 'fdg':
      return rng() < 0.3
        ? doses(product, intBetween(rng, 2, 5), 'PET')
        : { amountKind: 'fixed', activityBq: fixedDose(product), notes: pick(rng, PET_NOTES) };
    case 'tc99m':
      return rng() < 0.4
        ? doses(product, intBetween(rng, 2, 6), 'bone scan')
        : { amountKind: 'fixed', activityBq: fixedDose(product), notes: 'whole-body bone scan' };
    case 'lu177-psma': {
      // Pluvicto: up to 6 doses; 5.9 GBq after toxicity (facts.md). One in ten reduced: assumption.
      const cycle = intBetween(rng, 1, 6);
      const reduced = cycle > 1 && rng() < 0.1;
      return {
        amountKind: 'fixed',
        activityBq: reduced ? 5.9e9 : fixedDose(product),
        notes: reduced
          ? `cycle ${cycle} of 6, reduced to 5.9 GBq after toxicity`
          : `cycle ${cycle} of 6`,
      };
    }
    case 'lu177-dotatate':
      return {
        amountKind: 'fixed',
        activityBq: fixedDose(product),
        notes: `cycle ${intBetween(rng, 1, 4)} of 4, amino-acid infusion over 4 h`,
      };
  }
}
