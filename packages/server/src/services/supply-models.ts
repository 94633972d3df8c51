import type { CyclotronRunRow, ElutionRow, GeneratorRow, IsotopeLotRow } from '@halflife/db';
import {
  builtinDataset,
  bulkLot,
  CYCLOTRON_TARGETS,
  cyclotronRun,
  epochMillis,
  GENERATOR_TYPES,
  generatorModel,
  LOT_PROFILES,
  supplyError,
  type CyclotronRunResult,
  type Dataset,
  type GeneratorModel,
  type GeneratorType,
  type LotModel,
  type SupplyResult,
} from '@halflife/nuclear';

/**
 * Supply records (database rows) as the pure models of @halflife/nuclear: a generator with its
 * recorded elutions replayed, a lot decaying from its reference time, a cyclotron run's activity.
 */

export const supplyData = (): Dataset => builtinDataset();

export const generatorType = (id: string): GeneratorType | undefined =>
  GENERATOR_TYPES.find((t) => t.id === id);

export const cyclotronTarget = (id: string) => CYCLOTRON_TARGETS.find((t) => t.id === id);

export const lotProfile = (kind: string) => LOT_PROFILES.find((p) => p.kind === kind);

export function generatorModelOf(
  row: GeneratorRow,
  elutions: readonly ElutionRow[],
): SupplyResult<GeneratorModel> {
  const type = generatorType(row.type);
  if (!type) return supplyError('unknown-generator', `unknown generator type "${row.type}"`);
  return generatorModel(supplyData(), {
    type,
    parentBq: row.parent_activity_bq,
    calibratedAt: epochMillis(row.calibrated_at.getTime()),
    initial: row.initial_state,
    elutions: elutions.map((e) => ({
      at: epochMillis(e.at.getTime()),
      ...(e.measured_activity_bq === null ? {} : { measuredBq: e.measured_activity_bq }),
      ...(e.breakthrough_bq === null ? {} : { breakthroughBq: e.breakthrough_bq }),
    })),
  });
}

export function lotModelOf(row: IsotopeLotRow): SupplyResult<LotModel> {
  const profile = lotProfile(row.profile);
  if (!profile) return supplyError('bad-input', `unknown lot profile "${row.profile}"`);
  return bulkLot(supplyData(), {
    label: row.label,
    supplier: row.supplier,
    profile,
    activityBq: row.activity_bq,
    referenceAt: epochMillis(row.reference_at.getTime()),
    ...(row.volume_ml === null ? {} : { volumeMl: row.volume_ml }),
    ...(row.specific_activity_bq_per_g === null
      ? {}
      : { specificActivityBqPerG: row.specific_activity_bq_per_g }),
    impurities: row.impurities,
    ...(row.expires_at === null ? {} : { labelExpiry: epochMillis(row.expires_at.getTime()) }),
  });
}

/**
 * A run's activity from the model (A = Y_sat · I · (1 − e^(−λt)), decayed after EOB). With a
 * measured EOB activity the result is scaled to it: the measurement replaces the assumed yield.
 */
export function runResultOf(
  row: Pick<
    CyclotronRunRow,
    'target' | 'beam_current_ua' | 'start_at' | 'end_at' | 'measured_activity_bq'
  >,
): SupplyResult<CyclotronRunResult> {
  const target = cyclotronTarget(row.target);
  if (!target) return supplyError('unknown-target', `unknown cyclotron target "${row.target}"`);
  const result = cyclotronRun(supplyData(), {
    target,
    beamCurrentUA: row.beam_current_ua,
    bombardmentSeconds: (row.end_at.getTime() - row.start_at.getTime()) / 1000,
    endOfBombardment: epochMillis(row.end_at.getTime()),
  });
  const measured = row.measured_activity_bq;
  if (!result.ok || measured === null || !(result.value.eobBq > 0)) return result;
  const scale = measured / result.value.eobBq;
  const model = result.value;
  return {
    ok: true,
    value: {
      ...model,
      eobBq: measured,
      productBq: model.productBq * scale,
      productAt: (t) => model.productAt(t) * scale,
    },
  };
}

/**
 * The regular elution interval when the site has not set one: two daughter half-lives (75% of
 * equilibrium regrown on an emptied column), rounded up to 30 min, between 30 min and 24 h
 * (Ga-68 2.5 h, Bi-213 1.5 h, Tc-99m 12.5 h, Pb-212 21.5 h, Re-188 24 h). For a transient
 * equilibrium this is close (the parent decays meanwhile).
 */
export function defaultElutionIntervalMinutes(type: GeneratorType): number {
  const daughter = supplyData().byName.get(type.daughter);
  const halfLifeMin = (daughter?.halfLife ?? 86_400) / 60;
  // Two daughter half-lives: 75% regrown, the usual compromise between yield per elution and
  // elutions per day (assumption; a site's own interval replaces it).
  const minutes = Math.ceil((2 * halfLifeMin) / 30) * 30;
  return Math.min(1440, Math.max(30, minutes));
}
