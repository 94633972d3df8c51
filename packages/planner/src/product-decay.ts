import { builtinDataset, decaySolver, type DecaySolver, type Seconds } from '@halflife/nuclear';

/** How a dose of a product changes after EOS, from the decay engine (exact chain solution). */
export interface ProductDecay {
  /** Product nuclide activity `minutes` after EOS ÷ its activity at EOS. */
  factor(minutes: number): number;
  /** Transport index per Bq of product nuclide at EOS, `minutes` after EOS (daughters included). */
  transportIndexPerBq(minutes: number): number;
}

/**
 * A dose is the pure product nuclide at EOS. Values are memoised to the second: a plan asks for
 * the same few thousand offsets again and again.
 */
export function productDecay(
  nuclide: string,
  transportIndexPerGbq: Readonly<Record<string, number>>,
): ProductDecay {
  const solver: DecaySolver = decaySolver(builtinDataset(), new Map([[nuclide, 1]]));
  const n = solver.members.length;
  const atoms = new Float64Array(n);
  const activities = new Float64Array(n);
  const weights = Float64Array.from(
    solver.members,
    (m) => (transportIndexPerGbq[m.name] ?? 0) / 1e9,
  );
  const parent = solver.members.findIndex((m) => m.name === nuclide);
  solver.evaluate(0 as Seconds, atoms, activities);
  const initial = activities[parent] as number;
  const factors = new Map<number, number>();
  const tis = new Map<number, number>();

  const evaluateAt = (seconds: number): void => {
    solver.evaluate(seconds as Seconds, atoms, activities);
    let ti = 0;
    for (let i = 0; i < n; i++) ti += (weights[i] as number) * (activities[i] as number);
    factors.set(seconds, (activities[parent] as number) / initial);
    tis.set(seconds, ti / initial);
  };
  const key = (minutes: number): number => {
    if (!(minutes >= 0)) throw new RangeError(`decay time must be ≥ 0 minutes, got ${minutes}`);
    const seconds = Math.round(minutes * 60);
    if (!factors.has(seconds)) evaluateAt(seconds);
    return seconds;
  };
  return {
    factor: (minutes) => factors.get(key(minutes)) as number,
    transportIndexPerBq: (minutes) => tis.get(key(minutes)) as number,
  };
}
