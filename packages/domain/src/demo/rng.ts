/**
 * Seeded randomness for demo data. Pure: the same seed gives the same sequence on every platform
 * (32-bit integer arithmetic only), so a seed reproduces a whole demo network.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 (Tommy Ettinger's 32-bit generator): small, fast, good enough for demo data. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both inclusive. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A uniform number in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min);
}

/** One element, uniformly. Throws on an empty list (a programmer error). */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** One element with probability proportional to its weight (weights ≥ 0, not all zero). */
export function weightedPick<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  if (!(total > 0)) throw new Error('weightedPick: no positive weight');
  let target = rng() * total;
  for (const item of items) {
    target -= weight(item);
    if (target < 0) return item;
  }
  // Rounding can leave a sliver of `target`: the last item with a positive weight takes it.
  const last = [...items].reverse().find((item) => weight(item) > 0);
  if (last === undefined) throw new Error('weightedPick: no positive weight');
  return last;
}

/** A normal deviate (Box–Muller, one of the pair). */
export function normal(rng: Rng, mean: number, sd: number): number {
  const u = 1 - rng(); // (0, 1]: log(0) is never taken
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** `value` limited to [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
