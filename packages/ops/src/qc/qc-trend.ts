import type { SpecTest } from './qc-specification.js';

/** One batch's result for the charted test: `at` is when it was measured (epoch ms). */
export interface TrendPoint {
  readonly batch: string;
  readonly at: number;
  readonly value: number;
}

/**
 * Why a batch is flagged:
 * - `beyond-3-sigma`: Western Electric rule 1, a point outside the control limits;
 * - `run-of-8`: Western Electric rule 4, the 8th (and each later) point of a run on one side of
 *   the centre line (a point on the line ends a run);
 * - `out-of-specification`: outside the specification's limits, whatever the chart says.
 */
export type TrendRule = 'beyond-3-sigma' | 'run-of-8' | 'out-of-specification';

export interface TrendSignal {
  readonly batch: string;
  readonly rule: TrendRule;
}

export interface QcTrend {
  /** The points in time order. */
  readonly points: readonly TrendPoint[];
  /** The mean; undefined without points. */
  readonly centre: number | undefined;
  /** Upper and lower control limits, centre ± 3 sigma; undefined with fewer than 2 points. */
  readonly ucl: number | undefined;
  readonly lcl: number | undefined;
  /** Estimated process sigma, mean moving range ÷ d2; undefined with fewer than 2 points. */
  readonly sigma: number | undefined;
  readonly specMin?: number;
  readonly specMax?: number;
  readonly signals: readonly TrendSignal[];
}

/**
 * d2 for subgroups of n = 2 (a moving range of two consecutive points): the mean range of two
 * normal observations is d2 · sigma. Montgomery, Introduction to Statistical Quality Control,
 * individuals (X-mR) chart, and its table of control-chart constants: d2 = 1.128 for n = 2.
 */
const D2 = 1.128;
/** Shewhart limits at 3 sigma; Western Electric rule 4's run length. */
const LIMIT_SIGMAS = 3;
const RUN = 8;

/**
 * A Shewhart individuals (X-mR) chart of one QC test over recent batches: centre line at the mean,
 * sigma from the mean moving range (MR̄ ÷ d2), control limits at centre ± 3 sigma; signals by
 * Western Electric rules 1 and 4, and the batches outside the specification. Observations
 * (pass-fail tests) have no chart; a point without a finite value or time is a programmer error.
 */
export function qcTrend(points: readonly TrendPoint[], test: SpecTest): QcTrend {
  if (test.kind === 'pass-fail') throw new Error(`${test.name} is an observation: no chart`);
  const spec = {
    ...(test.kind === 'max' ? {} : { specMin: test.min }),
    ...(test.kind === 'min' ? {} : { specMax: test.max }),
  };
  points.forEach((p, k) => {
    if (!Number.isFinite(p.value) || !Number.isFinite(p.at))
      throw new Error(`points[${k}] (${p.batch}): expected a finite value and time`);
  });
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const n = sorted.length;
  const centre = n === 0 ? undefined : sorted.reduce((s, p) => s + p.value, 0) / n;
  let sigma: number | undefined;
  if (n >= 2) {
    let movingRanges = 0;
    for (let k = 1; k < n; k++) movingRanges += Math.abs(sorted[k]!.value - sorted[k - 1]!.value);
    sigma = movingRanges / (n - 1) / D2;
  }
  const ucl =
    centre !== undefined && sigma !== undefined ? centre + LIMIT_SIGMAS * sigma : undefined;
  const lcl =
    centre !== undefined && sigma !== undefined ? centre - LIMIT_SIGMAS * sigma : undefined;

  const signals: TrendSignal[] = [];
  let side = 0;
  let run = 0;
  for (const p of sorted) {
    if ((ucl !== undefined && p.value > ucl) || (lcl !== undefined && p.value < lcl))
      signals.push({ batch: p.batch, rule: 'beyond-3-sigma' });
    const here = centre === undefined ? 0 : Math.sign(p.value - centre);
    run = here === 0 ? 0 : here === side ? run + 1 : 1;
    side = here;
    if (run >= RUN) signals.push({ batch: p.batch, rule: 'run-of-8' });
    if (
      (spec.specMin !== undefined && p.value < spec.specMin) ||
      (spec.specMax !== undefined && p.value > spec.specMax)
    )
      signals.push({ batch: p.batch, rule: 'out-of-specification' });
  }
  return { points: sorted, centre, ucl, lcl, sigma, ...spec, signals };
}
