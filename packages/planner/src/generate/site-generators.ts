import {
  builtinDataset,
  epochMillis,
  GENERATOR_TYPES,
  generatorModel,
  generatorReleases,
  type Supply,
} from '@halflife/nuclear';
import { intBetween, type Rng } from '@halflife/domain/demo';
import type { OrderSpec } from '../instance.js';
import { addDays } from '@halflife/domain';
import { localInstant } from './local-time.js';

const GBq = 1e9;

/** Ge-68 loaded at calibration: the commonest commercial size (assumption, demo). */
export const GE68_GENERATOR_BQ = 1.85 * GBq;
/** Elutions on a fixed schedule, local minutes of the day: every 2 h from 06:00 to 18:00. */
export const ELUTION_MINUTES = [360, 480, 600, 720, 840, 960, 1080];
/** One generator per this many Ga-68 orders a site expects (assumption: supply should bind). */
const ORDERS_PER_GENERATOR = 6;

/**
 * The Ga-68 supply of a generator-fed site: its Ge-68/Ga-68 generators (calibrated 2–26 weeks
 * before the first day), each eluted on the fixed schedule every day of the horizon, as the eluate the supply model predicts —
 * Ge-68 decayed since calibration, Ga-68 grown in since the previous elution, the efficiency of a
 * column of that age. Sized below the site's demand so that isotope, not lines, limits the day.
 */
export function generatorSupply(
  dates: readonly string[],
  siteName: string,
  orders: readonly OrderSpec[],
  rng: Rng,
): Supply[] {
  const date = dates[0];
  const ga68 = orders.filter((o) => o.product === 'GA68-PSMA11').length / dates.length;
  if (date === undefined || ga68 === 0) return [];
  const type = GENERATOR_TYPES.find((t) => t.id === 'Ge-68/Ga-68')!;
  const count = Math.max(1, Math.min(4, Math.floor(ga68 / ORDERS_PER_GENERATOR)));
  const times = dates.flatMap((d) =>
    ELUTION_MINUTES.map((m) => epochMillis(Date.parse(localInstant(d, m)))),
  );
  return Array.from({ length: count }, (_, k) => {
    const weeks = intBetween(rng, 2, 26);
    const calibrated = epochMillis(Date.parse(localInstant(addDays(date, -7 * weeks), 8 * 60)));
    const model = generatorModel(builtinDataset(), {
      type,
      parentBq: GE68_GENERATOR_BQ,
      calibratedAt: calibrated,
      // Eluted the evening before: the morning elution has grown in overnight.
      elutions: [{ at: epochMillis(Date.parse(localInstant(addDays(date, -1), 18 * 60))) }],
    });
    if (!model.ok) throw new Error(`generatorSupply: ${model.error.message}`);
    const label = `${siteName} Ge-68/Ga-68 generator ${k + 1} (${GE68_GENERATOR_BQ / GBq} GBq, calibrated ${weeks} weeks ago, demo)`;
    return generatorReleases(model.value, label, times, '+08:00');
  });
}
