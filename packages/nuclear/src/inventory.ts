import type { Dataset, Nuclide } from './dataset.js';
import type { AtomInventory } from './decay-solver.js';
import { resolveNuclide } from './resolve-nuclide.js';
import { domainError, ok, type Result } from './result.js';
import { quantityOf, type Quantity } from './units.js';

/** Grams per unified atomic mass unit (CODATA 2018: 1.66053906660e-27 kg). */
export const GRAMS_PER_U = 1.6605390666e-24;

/** The most atoms an inventory may hold: 1e60 (the Earth has about 1e50). */
export const MAX_ATOMS = 1e60;

/** Atoms of a nuclide in a quantity: A·T½/ln 2 for an activity, m/(M·u) for a mass. */
export function atomsOf(n: Nuclide, q: Quantity): Result<number> {
  const count = rawAtomsOf(n, q);
  if (count.ok && !(count.value <= MAX_ATOMS)) {
    return domainError('bad-quantity', `${n.name}: the amount is more than ${MAX_ATOMS} atoms`);
  }
  return count;
}

function rawAtomsOf(n: Nuclide, q: Quantity): Result<number> {
  switch (q.kind) {
    case 'atoms':
      return ok(q.atoms);
    case 'activity':
      if (n.lambda === 0) {
        if (q.bq === 0) return ok(0);
        return domainError(
          'bad-quantity',
          `${n.name} is stable: give its amount in atoms or grams, not as an activity`,
        );
      }
      return ok((q.bq * n.halfLife) / Math.LN2);
    case 'mass':
      if (n.massU === null) {
        return domainError(
          'no-mass',
          `${n.name}: the dataset has no atomic mass, so grams cannot be converted`,
        );
      }
      return ok(q.grams / (n.massU * GRAMS_PER_U));
  }
}

/** Grams of a nuclide in a number of atoms, or null when its mass is unknown. */
export function gramsOf(n: Nuclide, count: number): number | null {
  return n.massU === null ? null : count * n.massU * GRAMS_PER_U;
}

/**
 * Builds an atom inventory from names and amounts in one unit, e.g. {"Lu-177": 7.4} in GBq.
 * Names are resolved forgivingly; amounts of one nuclide given twice add up.
 */
export function inventoryOf(
  data: Dataset,
  amounts: Readonly<Record<string, number>>,
  unit: string,
): Result<AtomInventory> {
  const inventory = new Map<string, number>();
  if (Object.keys(amounts).length === 0) {
    return domainError('bad-quantity', 'inventory: give at least one nuclide and its amount');
  }
  for (const [name, value] of Object.entries(amounts)) {
    const n = resolveNuclide(data, name);
    if (!n.ok) return n;
    const q = quantityOf(value, unit);
    if (!q.ok) return domainError(q.error.code, `${name}: ${q.error.message}`);
    const count = atomsOf(n.value, q.value);
    if (!count.ok) return count;
    inventory.set(n.value.name, (inventory.get(n.value.name) ?? 0) + count.value);
  }
  return ok(inventory);
}
