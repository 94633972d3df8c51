import { assert } from './result.js';

/** One decay branch: the fraction of all the parent's decays that go by `mode` to `daughter`. */
export interface Branch {
  readonly mode: string;
  /** Canonical daughter name, or null when the atoms leave the system (fission, unknown daughter). */
  readonly daughter: string | null;
  readonly fraction: number;
}

export interface Nuclide {
  /** Canonical name: `Lu-177`, `Lu-177m`, `Ta-182n`. */
  readonly name: string;
  readonly z: number | null;
  readonly a: number | null;
  /** 0 for a ground state, 1 for the first kept isomer (m), 2 (n), 3 (m3), … */
  readonly state: number;
  /** Half-life in seconds as an exact decimal string, or null when stable. */
  readonly halfLifeText: string | null;
  /** Half-life in seconds (Infinity when stable). */
  readonly halfLife: number;
  /** Decay constant ln 2 / T½ in 1/s (0 when stable). */
  readonly lambda: number;
  readonly excitationKeV: number | null;
  /** Atomic mass in unified atomic mass units (u), or null when the dataset has none. */
  readonly massU: number | null;
  readonly branches: readonly Branch[];
}

export interface Dataset {
  readonly name: string;
  readonly citation: string;
  /** Every nuclide, in the dataset's order (by Z, A, state for NUBASE2020). */
  readonly nuclides: readonly Nuclide[];
  readonly byName: ReadonlyMap<string, Nuclide>;
}

export interface NuclideInit {
  readonly name: string;
  readonly z?: number | null;
  readonly a?: number | null;
  readonly state?: number;
  readonly halfLifeText: string | null;
  readonly excitationKeV?: number | null;
  readonly massU?: number | null;
  readonly branches: readonly Branch[];
}

export function nuclide(init: NuclideInit): Nuclide {
  const halfLife = init.halfLifeText === null ? Infinity : Number(init.halfLifeText);
  assert(halfLife > 0, () => `${init.name}: half-life must be positive`);
  return {
    name: init.name,
    z: init.z ?? null,
    a: init.a ?? null,
    state: init.state ?? 0,
    halfLifeText: init.halfLifeText,
    halfLife,
    lambda: Number.isFinite(halfLife) ? Math.LN2 / halfLife : 0,
    excitationKeV: init.excitationKeV ?? null,
    massU: init.massU ?? null,
    branches: init.branches,
  };
}

export function dataset(name: string, citation: string, nuclides: readonly Nuclide[]): Dataset {
  return { name, citation, nuclides, byName: new Map(nuclides.map((n) => [n.name, n])) };
}
