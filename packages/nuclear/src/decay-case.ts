import type { Dataset } from './dataset.js';
import { decayAt } from './decay-cache.js';
import { inventoryOf } from './inventory.js';
import { domainError, ok, type Result } from './result.js';
import { secondsOf, timeUnit } from './units.js';

/** One line of a batch: `{"id":…, "inv": {"Ac-225": 1e6}, "unit": "Bq", "t": 86400, "tunit": "s"}`. */
export interface DecayCase {
  readonly id: unknown;
  readonly inv: Readonly<Record<string, number>>;
  readonly unit: string;
  readonly t: number;
  readonly tunit: string;
}

/** The answer for one case: every chain member's activity (Bq) and number of atoms. */
export interface DecayCaseResult {
  readonly id: unknown;
  readonly activities: Record<string, number>;
  readonly numbers: Record<string, number>;
}

/** Validates an untyped JSON value as a decay case, naming the field at fault. */
export function parseDecayCase(value: unknown): Result<DecayCase> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return domainError('bad-quantity', 'case: expected a JSON object');
  }
  const c = value as Record<string, unknown>;
  const inv = c['inv'];
  if (typeof inv !== 'object' || inv === null || Array.isArray(inv)) {
    return domainError('bad-quantity', 'inv: expected an object of nuclide → amount');
  }
  for (const [name, amount] of Object.entries(inv)) {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      return domainError(
        'bad-quantity',
        `inv.${name}: expected a non-negative number, got ${JSON.stringify(amount)}`,
      );
    }
  }
  const t = c['t'];
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
    return domainError('bad-time', `t: expected a non-negative number, got ${JSON.stringify(t)}`);
  }
  const unit = c['unit'] ?? 'Bq';
  const tunit = c['tunit'] ?? 's';
  if (typeof unit !== 'string')
    return domainError('bad-unit', 'unit: expected a string such as "Bq"');
  if (typeof tunit !== 'string')
    return domainError('bad-unit', 'tunit: expected a string such as "s"');
  return ok({ id: c['id'] ?? null, inv: inv as Record<string, number>, unit, t, tunit });
}

export function decayCase(data: Dataset, c: DecayCase): Result<DecayCaseResult> {
  const inventory = inventoryOf(data, c.inv, c.unit);
  if (!inventory.ok) return inventory;
  const unit = timeUnit(c.tunit);
  if (!unit.ok) return unit;
  const t = secondsOf(c.t, unit.value);
  if (!t.ok) return t;
  const state = decayAt(data, inventory.value, t.value);
  const activities: Record<string, number> = {};
  const numbers: Record<string, number> = {};
  state.members.forEach((m, i) => {
    activities[m.name] = state.activities[i] as number;
    numbers[m.name] = state.atoms[i] as number;
  });
  return ok({ id: c.id, activities, numbers });
}
