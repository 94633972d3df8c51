import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Additive Holt–Winters exponential smoothing, in the error-correction form of the state-space
 * model ETS(A,A,A) (Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing",
 * Springer 2008, ch. 2 and Table 6.1, class 1; Hyndman & Athanasopoulos, "Forecasting: Principles
 * and Practice", 3rd ed., §8.3 and §8.7):
 *
 *   e_t = y_t − (ℓ_{t−1} + b_{t−1} + s_{t−m})
 *   ℓ_t = ℓ_{t−1} + b_{t−1} + α e_t
 *   b_t = b_{t−1} + β e_t
 *   s_t = s_{t−m} + γ e_t
 *
 * The h-step forecast is ℓ_n + h b_n + s_{n+h−m(k+1)}, k = ⌊(h−1)/m⌋, and its variance
 * σ²[1 + Σ_{j=1}^{h−1} c_j²] with c_j = α + βj + γ·[j mod m = 0] (class 1 of Table 6.1), σ² the
 * mean squared one-step error of the fit. Without two whole seasons of history the seasonal part
 * is dropped (Holt's linear method, γ = 0, s = 0). Parameters are chosen on a grid by the least
 * sum of squared one-step errors (documented, deterministic; no optimiser's tolerance to explain).
 */

export interface HoltWintersParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

export interface HoltWintersFit {
  readonly season: number;
  /** Whether the seasonal part was fitted (two whole seasons of history at least). */
  readonly seasonal: boolean;
  readonly parameters: HoltWintersParameters;
  /** The states after the last observation. */
  readonly level: number;
  readonly trend: number;
  /** The last m seasonal states, oldest first (s_{n−m+1} … s_n); zeros when not seasonal. */
  readonly seasonals: readonly number[];
  /** One-step fitted values and their errors, for every observation after the first season. */
  readonly fitted: readonly number[];
  readonly sigma: number;
  readonly observations: number;
}

export interface ForecastPoint {
  /** Steps ahead, 1 … h. */
  readonly step: number;
  readonly mean: number;
  /** Prediction intervals, clipped at zero (demand cannot be negative). */
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
}

const ALPHAS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETA_SHARES = [0, 0.01, 0.05, 0.1, 0.2];
const GAMMAS = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

function checkSeries(series: readonly number[], season: number): void {
  if (!Number.isInteger(season) || season < 1)
    throw new RangeError(`season: must be a whole number of periods ≥ 1, got ${season}`);
  if (series.length < 3)
    throw new RangeError(`series: needs at least 3 observations, got ${series.length}`);
  const bad = series.findIndex((v) => !Number.isFinite(v) || v < 0);
  if (bad !== -1)
    throw new RangeError(`series[${bad}]: must be a finite demand ≥ 0, got ${series[bad]}`);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Run {
  readonly sse: number;
  readonly level: number;
  readonly trend: number;
  readonly seasonals: number[];
  readonly fitted: number[];
}

/** Runs the recursions from the classical start (the first season's line, slope between seasons). */
function run(
  series: readonly number[],
  m: number,
  seasonal: boolean,
  p: HoltWintersParameters,
): Run {
  const start = seasonal ? m : 2;
  let level: number;
  let trend: number;
  let seasonals: number[];
  if (seasonal) {
    const first = series.slice(0, m);
    const second = series.slice(m, 2 * m);
    // The first season's mean is the level at its middle; the slope between the first two
    // seasons' means is the trend; the seasonals are the first season's deviations from that line.
    const middle = (m - 1) / 2;
    trend = (mean(second) - mean(first)) / m;
    seasonals = first.map((y, i) => y - (mean(first) + (i - middle) * trend));
    level = mean(first) + middle * trend;
  } else {
    level = series[1]!;
    trend = series[1]! - series[0]!;
    seasonals = [0];
  }
  let sse = 0;
  const fitted: number[] = [];
  for (let t = start; t < series.length; t++) {
    const s = seasonals[0]!;
    const forecast = level + trend + s;
    const e = series[t]! - forecast;
    fitted.push(forecast);
    sse += e * e;
    level = level + trend + p.alpha * e;
    trend = trend + p.beta * e;
    seasonals = [...seasonals.slice(1), s + p.gamma * e];
  }
  return { sse, level, trend, seasonals, fitted };
}

/** Fits the model to `series` (one value per period, e.g. doses per week) with season length m. */
export function fitHoltWinters(series: readonly number[], season: number): HoltWintersFit {
  checkSeries(series, season);
  const seasonal = season > 1 && series.length >= 2 * season + 1;
  const m = seasonal ? season : 1;
  let best: { p: HoltWintersParameters; r: Run } | undefined;
  for (const alpha of ALPHAS)
    for (const share of BETA_SHARES)
      for (const gamma of seasonal ? GAMMAS.filter((g) => g <= 1 - alpha) : [0]) {
        const p = { alpha, beta: alpha * share, gamma };
        const r = run(series, m, seasonal, p);
        if (best === undefined || r.sse < best.r.sse) best = { p, r };
      }
  const { p, r } = best!;
  const n = r.fitted.length;
  return {
    season: m,
    seasonal,
    parameters: p,
    level: r.level,
    trend: r.trend,
    seasonals: r.seasonals,
    fitted: r.fitted,
    sigma: Math.sqrt(r.sse / Math.max(1, n)),
    observations: series.length,
  };
}

/** The next `horizon` periods' mean demand with 80% and 95% prediction intervals. */
export function forecastHoltWinters(fit: HoltWintersFit, horizon: number): ForecastPoint[] {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 520)
    throw new RangeError(`horizon: must be 1–520 periods, got ${horizon}`);
  const { alpha, beta, gamma } = fit.parameters;
  const m = fit.season;
  const z80 = normalQuantile(0.9, 0, 1);
  const z95 = normalQuantile(0.975, 0, 1);
  const points: ForecastPoint[] = [];
  let sumC2 = 0;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) {
      const j = h - 1;
      const c = alpha + beta * j + (fit.seasonal && j % m === 0 ? gamma : 0);
      sumC2 += c * c;
    }
    const s = fit.seasonals[(h - 1) % m]!;
    const mu = fit.level + h * fit.trend + s;
    const sd = fit.sigma * Math.sqrt(1 + sumC2);
    points.push({
      step: h,
      mean: Math.max(0, mu),
      lower80: Math.max(0, mu - z80 * sd),
      upper80: Math.max(0, mu + z80 * sd),
      lower95: Math.max(0, mu - z95 * sd),
      upper95: Math.max(0, mu + z95 * sd),
    });
  }
  return points;
}
