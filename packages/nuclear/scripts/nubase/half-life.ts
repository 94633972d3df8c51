/** Half-lives (§2): number × unit, in exact seconds. */
import { type Exact, parseDecimal, PRECISION } from './exact.js';

const YEAR = parseDecimal('31556926.08'); // 365.2422 d
const UNIT_SECONDS: ReadonlyMap<string, Exact> = new Map([
  ...(['ys', 'zs', 'as', 'fs', 'ps', 'ns', 'us', 'ms'] as const).map(
    (u, k) => [u, parseDecimal(`1e${3 * k - 24}`)] as const,
  ),
  ['s', parseDecimal('1')],
  ['m', parseDecimal('60')],
  ['h', parseDecimal('3600')],
  ['d', parseDecimal('86400')],
  ['y', YEAR],
  ...(['ky', 'My', 'Gy', 'Ty', 'Py', 'Ey', 'Zy', 'Yy'] as const).map(
    (u, k) => [u, YEAR.mul(`1e${3 * (k + 1)}`)] as const,
  ),
]);

/** Seconds, `'stable'`, or null when the row is not in the dataset (blank or `p-unst`, §2.4). */
export type HalfLife = Exact | 'stable' | null;

/** The fields of a NUBASE row that §2 reads (the `T` and `unit T` columns). */
export interface HalfLifeFields {
  readonly lineNo: number;
  readonly halfLife: string;
  readonly unit: string;
}

export function halfLife(row: HalfLifeFields): HalfLife {
  if (row.halfLife === '' || row.halfLife === 'p-unst') return null;
  if (row.halfLife === 'stbl') return 'stable';
  const number = row.halfLife.replace(/^[<>~]/, '').replace(/#$/, ''); // §2.1
  const unit = UNIT_SECONDS.get(row.unit);
  if (unit === undefined)
    throw new Error(`line ${row.lineNo}: unknown half-life unit "${row.unit}"`);
  const seconds = parseDecimal(number).mul(unit);
  if (seconds.sd() >= PRECISION) throw new Error(`line ${row.lineNo}: half-life not exact`);
  return seconds;
}
