import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan.js';
import { checkPlan } from './check-plan.js';
import { decayTable } from './decay-table.js';
import { instance, summarise, validPlan } from './fixture.js';

const decay = decayTable();

/** Scales one dose (EOS and calibration alike, so the decay is consistent) by `factor`. */
function scaled(order: string, factor: number): Plan {
  return summarise(instance, {
    ...validPlan,
    doses: validPlan.doses.map((d) =>
      d.order === order
        ? {
            ...d,
            eosActivityBq: d.eosActivityBq * factor,
            calibrationActivityBq: d.calibrationActivityBq * factor,
          }
        : d,
    ),
  });
}

const tolerance = (order: string): number => {
  const o = instance.orders.find((x) => x.id === order);
  const p = instance.products.find((x) => x.id === o?.product);
  return (o?.tolerancePct ?? p?.tolerancePct ?? 0) / 100;
};

const served = validPlan.doses.map((d) => d.order);

describe('checkPlan, dose activity', () => {
  it('always catches a dose perturbed by more than its tolerance', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...served),
        fc.boolean(),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (order, up, share) => {
          const tol = tolerance(order);
          // Beyond the tolerance: up by tol + 1e-4 … tol + 3; down by tol + 1e-4 … almost all of it.
          const factor = up
            ? 1 + tol + 1e-4 + share * 3
            : 1 - tol - 1e-4 - share * (1 - tol - 2e-3);
          const check = checkPlan(instance, scaled(order, factor), { decay });
          expect(check.violations).toContainEqual(
            expect.objectContaining({ rule: 'dose-tolerance', subject: `order ${order}` }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never flags the tolerance of a dose perturbed within it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...served),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (order, share) => {
          const factor = 1 + share * (tolerance(order) - 1e-4);
          const check = checkPlan(instance, scaled(order, factor), { decay });
          expect(check.violations.filter((v) => v.rule === 'dose-tolerance')).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
