import type { Nuclide } from '../dataset.js';
import { epochMillis, type EpochMillis } from '../units.js';
import type { LotModel, NuclideActivity } from './bulk-lot.js';
import { CLEARANCE_BQ_PER_G, STORAGE_HALF_LIVES } from './supply-data.js';

export interface LicenceLimit {
  readonly nuclide: string;
  readonly maxActivityBq: number;
}

export interface LicenceImpact {
  /** Every radioactive nuclide the lot brings at t (daughters and impurities counted). */
  readonly held: readonly NuclideActivity[];
  /** Nuclides above the site's limit, or held with no limit at all (not licensed). */
  readonly exceeded: readonly {
    readonly nuclide: string;
    readonly activityBq: number;
    readonly limitBq: number | null;
  }[];
}

/** What holding the lot at t means for a site's licence; `alsoHeld` adds what the site holds already. */
export function licenceImpact(
  model: LotModel,
  t: EpochMillis,
  limits: readonly LicenceLimit[],
  alsoHeld: readonly NuclideActivity[] = [],
): LicenceImpact {
  const total = new Map<string, number>();
  for (const a of [...model.activitiesAt(t), ...alsoHeld]) {
    total.set(a.nuclide, (total.get(a.nuclide) ?? 0) + a.activityBq);
  }
  const held = [...total].map(([nuclide, activityBq]) => ({ nuclide, activityBq }));
  const exceeded = held.flatMap((h) => {
    const limit = limits.find((l) => l.nuclide === h.nuclide)?.maxActivityBq ?? null;
    return h.activityBq > 0 && (limit === null || h.activityBq > limit)
      ? [{ ...h, limitBq: limit }]
      : [];
  });
  return { held, exceeded };
}

export interface WasteImpact {
  /** The longest-lived radioactive nuclide present and ten of its half-lives (common practice). */
  readonly longestLived: string;
  readonly halfLivesUntil: EpochMillis;
  /** When the residue's sum of (Bq/g ÷ clearance level) falls to 1, or null when it cannot be said. */
  readonly clearanceAt: EpochMillis | null;
  /** Nuclides present with no clearance level in the data (the sum rule then cannot be applied). */
  readonly noClearanceLevel: readonly string[];
  /** The later of the two (or the half-lives rule alone): how long to store the residue. */
  readonly storeUntil: EpochMillis;
}

/**
 * How long a residue of the lot (a fraction of it, left at `from`) must be stored before disposal:
 * ten half-lives of its longest-lived radioactive nuclide present above `negligible` of the total
 * activity (common practice, not regulation), and, given its mass, until it meets the clearance
 * levels with the sum rule (EU BSS Annex VII). For carrier-added Lu-177 the Lu-177m (160 d) sets
 * the storage time, not the Lu-177.
 */
export function wasteImpact(
  model: LotModel,
  from: EpochMillis,
  residueFraction: number,
  massGrams?: number,
  negligible = 1e-12,
): WasteImpact {
  const now = model.activitiesAt(from);
  const total = now.reduce((s, a) => s + a.activityBq, 0);
  const present = now.filter((a) => a.activityBq > negligible * total);
  const byName = new Map(model.propagator.members.map((m) => [m.name, m] as [string, Nuclide]));
  const longest = present.reduce((a, b) =>
    (byName.get(b.nuclide)?.halfLife ?? 0) > (byName.get(a.nuclide)?.halfLife ?? 0) ? b : a,
  );
  const halfLife = byName.get(longest.nuclide)?.halfLife ?? 0;
  const halfLivesUntil = epochMillis(from + STORAGE_HALF_LIVES.value * halfLife * 1000);
  const noClearanceLevel = present
    .map((a) => a.nuclide)
    .filter((n) => CLEARANCE_BQ_PER_G[n] === undefined);
  let clearanceAt: EpochMillis | null = null;
  if (massGrams !== undefined && massGrams > 0 && noClearanceLevel.length === 0) {
    const sum = (t: number): number =>
      model
        .activitiesAt(epochMillis(t))
        .reduce(
          (s, a) =>
            s +
            (a.activityBq * residueFraction) /
              massGrams /
              (CLEARANCE_BQ_PER_G[a.nuclide]?.value ?? Infinity),
          0,
        );
    let lo: number = from;
    let hi = from + 3_600_000;
    if (sum(lo) <= 1) clearanceAt = epochMillis(lo);
    else {
      while (sum(hi) > 1) hi = from + (hi - from) * 2;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (sum(mid) > 1) lo = mid;
        else hi = mid;
      }
      clearanceAt = epochMillis(hi);
    }
  }
  return {
    longestLived: longest.nuclide,
    halfLivesUntil,
    clearanceAt,
    noClearanceLevel,
    storeUntil: epochMillis(Math.max(halfLivesUntil, clearanceAt ?? -Infinity)),
  };
}
