/** Mode → change of (Z, A) (§4), including delayed-particle and cluster modes. */

export type Effect =
  | { readonly kind: 'leaves' }
  | { readonly kind: 'shift'; readonly dz: number; readonly dA: number };

const PARTICLES: Readonly<Record<string, readonly [number, number]>> = {
  n: [0, -1],
  p: [-1, -1],
  A: [-2, -4],
  d: [-1, -2],
  t: [-1, -3],
};
const BETA_PREFIXES: readonly (readonly [string, number])[] = [
  ['B-', 1],
  ['B+', -1],
  ['EC', -1],
  ['e+', -1],
];
const FIXED_EFFECTS: Readonly<Record<string, readonly [number, number]>> = {
  IT: [0, 0],
  '2B-': [2, 0],
  '2B+': [-2, 0],
  '2EC': [-2, 0],
  'EC+B+': [-1, 0],
};

/** §4.1: emitted particles in the order written, a leading count multiplying (`2n`, `pA`, `A`). */
function particleShift(text: string): [number, number] | undefined {
  if (!/^(?:\d*[npAdt])*$/.test(text)) return undefined;
  let [dz, dA] = [0, 0];
  for (const [, count = '', particle = ''] of text.matchAll(/(\d*)([npAdt])/g)) {
    const times = count === '' ? 1 : Number(count);
    const [pz, pa] = PARTICLES[particle] ?? [0, 0];
    [dz, dA] = [dz + times * pz, dA + times * pa];
  }
  return [dz, dA];
}

/** §4.1: a beta step (`B-`, `B+`, `EC`, `e+`) followed by any delayed particles. */
function betaShift(mode: string): [number, number] | undefined {
  const prefix = BETA_PREFIXES.find(([p]) => mode.startsWith(p));
  if (prefix === undefined) return undefined;
  const particles = particleShift(mode.slice(prefix[0].length));
  return particles === undefined ? undefined : [prefix[1] + particles[0], particles[1]];
}

/** §4.2: a cluster `NNSym` (a mixture `24Ne+26Ne` uses the first one). */
function clusterShift(
  mode: string,
  zOf: ReadonlyMap<string, number>,
): [number, number] | undefined {
  const m = /^(\d+)([A-Z][a-z]?)(?:\+\d+[A-Z][a-z]?)*$/.exec(mode);
  const z = m?.[2] === undefined ? undefined : zOf.get(m[2]);
  return z === undefined || m?.[1] === undefined ? undefined : [-z, -Number(m[1])];
}

/**
 * §4: the change of (Z, A) of a mode, or `leaves` for fission-type modes. `zOf` maps element
 * symbols to Z (for clusters).
 */
export function modeShift(mode: string, zOf: ReadonlyMap<string, number>): Effect {
  if (mode.endsWith('SF')) return { kind: 'leaves' }; // SF, B-SF, B+SF, ECSF
  const shift =
    mode === ''
      ? undefined
      : (FIXED_EFFECTS[mode] ?? betaShift(mode) ?? particleShift(mode) ?? clusterShift(mode, zOf));
  if (shift === undefined) throw new Error(`unknown decay mode "${mode}"`);
  return { kind: 'shift', dz: shift[0], dA: shift[1] };
}
