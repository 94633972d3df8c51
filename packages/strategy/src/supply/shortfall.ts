import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Demand against supply, week by week (issue 16). Demand is a forecast (mean and standard
 * deviation, e.g. from the Holt–Winters prediction interval) plus the known demand of scheduled
 * therapy cycles (certain); supply is what the generators, lots and cyclotron runs are expected to
 * give, with its own uncertainty (outages, late lots). Both are taken as independent normal
 * quantities, so the shortfall D − S is normal with mean μD − μS and variance σD² + σS², and the
 * probability of a shortfall is P(D > S) = Φ((μD − μS) / √(σD² + σS²)).
 */

export interface WeeklyDemand {
  readonly week: string;
  /** The forecast of demand not yet known (mean, standard deviation). */
  readonly forecastMean: number;
  readonly forecastSd: number;
  /** Demand already known: therapy cycles scheduled that week. */
  readonly known: number;
}

export interface WeeklySupply {
  readonly week: string;
  readonly mean: number;
  readonly sd: number;
}

export interface WeeklyBalance {
  readonly week: string;
  readonly demand: number;
  readonly supply: number;
  /** Expected shortfall (negative: expected surplus). */
  readonly gap: number;
  /** Probability that demand exceeds supply. */
  readonly probability: number;
}

function check(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${field}: must be a finite number ≥ 0, got ${value}`);
}

export function weeklyBalance(
  demand: readonly WeeklyDemand[],
  supply: readonly WeeklySupply[],
): WeeklyBalance[] {
  const byWeek = new Map(supply.map((s) => [s.week, s]));
  return demand.map((d, i) => {
    const s = byWeek.get(d.week);
    if (s === undefined) throw new RangeError(`supply: no figure for week ${d.week}`);
    check(d.forecastMean, `demand[${i}].forecastMean`);
    check(d.forecastSd, `demand[${i}].forecastSd`);
    check(d.known, `demand[${i}].known`);
    check(s.mean, `supply ${s.week}.mean`);
    check(s.sd, `supply ${s.week}.sd`);
    const mean = d.forecastMean + d.known - s.mean;
    const sd = Math.sqrt(d.forecastSd ** 2 + s.sd ** 2);
    const probability = sd === 0 ? (mean > 0 ? 1 : 0) : normalCdf(mean / sd, 0, 1);
    return {
      week: d.week,
      demand: d.forecastMean + d.known,
      supply: s.mean,
      gap: mean,
      probability,
    };
  });
}
