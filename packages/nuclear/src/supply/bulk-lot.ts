import type { Dataset, Nuclide } from '../dataset.js';
import { assert, ok } from '../result.js';
import { epochMillis, type EpochMillis } from '../units.js';
import { chainPropagator, type ChainPropagator } from './chain-propagator.js';
import { supplyError, type SupplyResult } from './supply-error.js';
import type { LotProfile } from './supply-data.js';

export interface BulkLot {
  readonly label: string;
  readonly supplier: string;
  readonly profile: LotProfile;
  /** Activity of the main nuclide at the reference time, Bq. */
  readonly activityBq: number;
  readonly referenceAt: EpochMillis;
  readonly volumeMl?: number;
  /** Bq per gram of the element at the reference time, as the certificate states it. */
  readonly specificActivityBqPerG?: number;
  /** Impurity ratios (activity ÷ main activity at the reference time) that override the profile's. */
  readonly impurities?: Readonly<Record<string, number>>;
  /** The expiry on the label, if any. */
  readonly labelExpiry?: EpochMillis;
}

export interface NuclideActivity {
  readonly nuclide: string;
  readonly activityBq: number;
}

export interface LotModel {
  readonly lot: BulkLot;
  readonly propagator: ChainPropagator;
  /** (All times from the reference time on.) Every radioactive member of the lot's chains with its activity at t (none below zero). */
  activitiesAt(t: EpochMillis): NuclideActivity[];
  /** Activity of one nuclide at t, Bq (0 if it is not in the lot's chains). */
  activityAt(t: EpochMillis, nuclide?: string): number;
  /** Activity of an impurity ÷ activity of the main nuclide at t (Lu-177m/Lu-177, Ac-227/Ac-225). */
  ratioAt(t: EpochMillis, impurity: string): number;
}

/** A bulk lot decaying from its reference time, main nuclide, impurities and all their daughters. */
export function bulkLot(data: Dataset, lot: BulkLot): SupplyResult<LotModel> {
  if (!(lot.activityBq > 0 && Number.isFinite(lot.activityBq))) {
    return supplyError('bad-input', `${lot.label}: activity must be a positive number of Bq`);
  }
  const ratios: Record<string, number> = Object.fromEntries(
    lot.profile.impurities.map((i) => [i.nuclide, i.ratio.value]),
  );
  Object.assign(ratios, lot.impurities ?? {});
  for (const [n, r] of Object.entries(ratios)) {
    if (!data.byName.has(n))
      return supplyError('unknown-nuclide', `${lot.label}: unknown impurity ${n}`);
    if (!(r >= 0 && Number.isFinite(r))) {
      return supplyError(
        'bad-input',
        `${lot.label}: impurity ${n}: expected a ratio ≥ 0, got ${r}`,
      );
    }
  }
  const main = lot.profile.nuclide;
  const propagator = chainPropagator(data, [main, ...Object.keys(ratios)]);
  const { members, index } = propagator;
  const atRef = new Float64Array(members.length);
  const put = (name: string, bq: number) => {
    const i = index.get(name) as number;
    atRef[i] = (atRef[i] as number) + bq / (members[i] as Nuclide).lambda;
  };
  put(main, lot.activityBq);
  for (const [n, r] of Object.entries(ratios)) put(n, r * lot.activityBq);

  const stateAt = (t: EpochMillis): Float64Array => {
    assert(t >= lot.referenceAt, 'a lot is modelled from its reference time on');
    return propagator.activities(propagator.advance(atRef, (t - lot.referenceAt) / 1000));
  };
  const activityAt = (t: EpochMillis, nuclide = main): number => {
    const i = index.get(nuclide);
    return i === undefined ? 0 : (stateAt(t)[i] as number);
  };
  return ok({
    lot,
    propagator,
    activitiesAt: (t) => {
      const a = stateAt(t);
      return members.flatMap((m, i) =>
        m.lambda > 0 ? [{ nuclide: m.name, activityBq: a[i] as number }] : [],
      );
    },
    activityAt,
    ratioAt: (t, impurity) => {
      const a = stateAt(t);
      const i = index.get(impurity);
      return i === undefined ? 0 : (a[i] as number) / (a[index.get(main) as number] as number);
    },
  });
}

/**
 * The time a lot stops being usable: the label's expiry or when the main activity falls below
 * `usableBq`, whichever comes first (bisection on the decay engine, to the second).
 */
export function lotExpiry(
  model: LotModel,
  usableBq?: number,
): { readonly at: EpochMillis | null; readonly reason: 'label' | 'activity' | null } {
  const label = model.lot.labelExpiry ?? null;
  if (usableBq === undefined) return { at: label, reason: label === null ? null : 'label' };
  const ref = model.lot.referenceAt;
  const below = (t: number) => model.activityAt(epochMillis(t)) < usableBq;
  let lo: number = ref;
  let hi = ref + 86_400_000;
  if (below(lo)) return { at: epochMillis(lo), reason: 'activity' };
  while (!below(hi)) {
    lo = hi;
    hi = ref + (hi - ref) * 2;
  }
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (below(mid)) hi = mid;
    else lo = mid;
  }
  if (label !== null && label <= hi) return { at: label, reason: 'label' };
  return { at: epochMillis(hi), reason: 'activity' };
}
