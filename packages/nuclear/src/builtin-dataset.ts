import raw from './data/nubase2020.json' with { type: 'json' };
import { dataset, nuclide, type Dataset } from './dataset.js';

/** Energy equivalent of 1 u, keV (CODATA 2018, as used by AME2020/NUBASE2020). */
export const KEV_PER_U = 931494.10242;

/** A nuclide as the JSON stores it (written by scripts/build-dataset.ts). */
export interface RawNuclide {
  readonly n: string;
  readonly z: number;
  readonly a: number;
  readonly s: number;
  readonly t: string | null;
  readonly e: number;
  readonly me: number | null;
  readonly b: readonly (readonly [string, string | null, number])[];
}

export interface RawDataset {
  readonly name: string;
  readonly citation: string;
  readonly nuclides: readonly RawNuclide[];
}

let cached: Dataset | undefined;

/**
 * NUBASE2020 with ICRP-107 isomer feeding, as derived by scripts/build-dataset.ts.
 * Built once per process; later calls return the same object.
 */
export function builtinDataset(): Dataset {
  cached ??= fromRaw(raw as RawDataset);
  return cached;
}

function fromRaw(data: RawDataset): Dataset {
  return dataset(
    data.name,
    data.citation,
    data.nuclides.map((r) =>
      nuclide({
        name: r.n,
        z: r.z,
        a: r.a,
        state: r.s,
        halfLifeText: r.t,
        excitationKeV: r.e,
        // Atomic mass from the mass excess: m = A + Δ / (931494.10242 keV/u).
        massU: r.me === null ? null : r.a + r.me / KEV_PER_U,
        branches: r.b.map(([mode, daughter, fraction]) => ({ mode, daughter, fraction })),
      }),
    ),
  );
}
