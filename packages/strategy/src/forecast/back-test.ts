import { fitHoltWinters, forecastHoltWinters, type ForecastPoint } from './holt-winters.js';

/**
 * How well the forecast would have done: fitted on every week but the last `holdout`, it forecasts
 * those weeks, and the forecasts are scored against what happened. Reported beside every forecast
 * so that a user sees how far to trust it.
 *
 * - MAPE: mean |actual − forecast| / actual over the held-out weeks with actual > 0 (undefined on
 *   zero weeks, so they are left out and counted).
 * - sMAPE: mean 2|a − f| / (|a| + |f|), defined on zeros too.
 * - MASE: mean absolute error over that of the seasonal naive forecast (the same week a season
 *   earlier; Hyndman & Koehler, Int J Forecast 2006;22:679) on the held-out weeks: below 1 beats it.
 * - Coverage: the share of held-out weeks inside the 80% and 95% prediction intervals.
 */
export interface BackTest {
  readonly holdout: number;
  readonly trainedOn: number;
  readonly mape: number | null;
  readonly zeroWeeks: number;
  readonly smape: number;
  readonly mae: number;
  readonly naiveMae: number;
  readonly mase: number | null;
  readonly coverage80: number;
  readonly coverage95: number;
  readonly forecasts: readonly ForecastPoint[];
  readonly actual: readonly number[];
}

export function backTest(series: readonly number[], season: number, holdout: number): BackTest {
  if (!Number.isInteger(holdout) || holdout < 1)
    throw new RangeError(`holdout: must be a whole number of weeks ≥ 1, got ${holdout}`);
  if (series.length - holdout < 3)
    throw new RangeError(`holdout: ${holdout} weeks leave fewer than 3 to fit on`);
  const train = series.slice(0, series.length - holdout);
  const actual = series.slice(series.length - holdout);
  const forecasts = forecastHoltWinters(fitHoltWinters(train, season), holdout);
  const pairs = actual.map((a, i) => ({ a, f: forecasts[i]! }));
  const positive = pairs.filter((p) => p.a > 0);
  const mae = pairs.reduce((s, p) => s + Math.abs(p.a - p.f.mean), 0) / holdout;
  // Seasonal naive: the value one season before (or the last training value without a season).
  const naive = actual.map((_, i) => {
    const t = train.length + i;
    const back =
      season > 1 && t - season >= 0 && t - season < train.length ? t - season : train.length - 1;
    return series[back]!;
  });
  const naiveMae = actual.reduce((s, a, i) => s + Math.abs(a - naive[i]!), 0) / holdout;
  return {
    holdout,
    trainedOn: train.length,
    mape:
      positive.length === 0
        ? null
        : positive.reduce((s, p) => s + Math.abs(p.a - p.f.mean) / p.a, 0) / positive.length,
    zeroWeeks: holdout - positive.length,
    smape:
      pairs.reduce((s, p) => {
        const d = Math.abs(p.a) + Math.abs(p.f.mean);
        return s + (d === 0 ? 0 : (2 * Math.abs(p.a - p.f.mean)) / d);
      }, 0) / holdout,
    mae,
    naiveMae,
    mase: naiveMae === 0 ? null : mae / naiveMae,
    coverage80: pairs.filter((p) => p.a >= p.f.lower80 && p.a <= p.f.upper80).length / holdout,
    coverage95: pairs.filter((p) => p.a >= p.f.lower95 && p.a <= p.f.upper95).length / holdout,
    forecasts,
    actual,
  };
}
