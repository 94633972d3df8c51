import {
  allocate,
  backTest,
  fitHoltWinters,
  forecastHoltWinters,
  weeklyBalance,
  type Claim,
  type ForecastPoint,
} from '@halflife/strategy';
import type { z } from '@hono/zod-openapi';
import type { OutlookSchema } from '../strategy-schemas.js';
import type { DoseConversion } from './outlook-conversion.js';
import type { SupplyProjection } from './outlook-supply-types.js';

/**
 * The outlook's figures from its inputs (pure; runs in the worker pool with the supply
 * projection): the forecast of the history in GBq with its back-test, the known cycles, the
 * scenario, supply against demand with the probability of a shortfall, and an allocation of the
 * worst week when some week is more likely short than not.
 */

export type Outlook = z.infer<typeof OutlookSchema>;
export type HistoryWeek = Outlook['history']['series'][number];

export interface KnownWeek {
  readonly gbq: number;
  readonly cycles: number;
  /** By product: cycles under way (a second cycle or later) and first cycles, GBq. */
  readonly byProduct: readonly { productCode: string; inProgress: number; first: number }[];
}

export interface OutlookInput {
  readonly nuclide: string;
  readonly site: { id: string; name: string } | null;
  readonly from: string;
  readonly weeks: readonly string[];
  readonly holdout: number;
  readonly growthPct: number;
  readonly extraWeekly: number;
  readonly history: readonly HistoryWeek[];
  /** Steps from the last history week to the first outlook week (1: the week after). */
  readonly offset: number;
  readonly conversion: readonly DoseConversion[];
  /** Each product's share of the history's last half-year, GBq (the forecast's split for claims). */
  readonly shares: readonly { productCode: string; use: string; share: number }[];
  readonly known: readonly KnownWeek[];
  readonly notes: readonly string[];
  readonly assumptions: readonly string[];
}

export const SEASON = 52;
/** Fewer weeks than this are not forecast: the outlook says the history is insufficient. */
export const MIN_HISTORY_WEEKS = 8;
/** Weeks a back-test must leave to fit on. */
export const MIN_TRAINING_WEEKS = 8;

/** Standard normal quantiles for the 80% and 95% two-sided bands. */
const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;
/** GBq to 1 kBq (6 decimals): Ac-225 comes in fractions of a GBq. */
const round = (x: number, digits = 6) => Number(x.toFixed(digits));

export function outlookFigures(input: OutlookInput, supply: SupplyProjection): Outlook {
  const series = input.history.map((h) => h.gbq);
  const enough = series.length >= MIN_HISTORY_WEEKS && input.offset + input.weeks.length <= 520;
  const fit = enough ? fitHoltWinters(series, SEASON) : undefined;
  const points: (ForecastPoint | undefined)[] = fit
    ? forecastHoltWinters(fit, input.offset + input.weeks.length - 1).slice(input.offset - 1)
    : [];
  const mix =
    input.conversion.length === 0
      ? 0
      : input.shares.reduce(
          (s, p) =>
            s +
            p.share *
              (input.conversion.find((c) => c.productCode === p.productCode)?.nuclideGBqPerDose ??
                0),
          0,
        );
  const supplyWeeks = input.weeks.map((week, i) => {
    const mean = supply.items.reduce((s, it) => s + (it.meanBq[i] ?? 0), 0) / 1e9;
    const variance = supply.items.reduce((s, it) => s + (it.varianceBq2[i] ?? 0), 0) / 1e18;
    return { week, mean, sd: Math.sqrt(variance) };
  });
  const parts = input.weeks.map((week, i) => {
    const p = points[i];
    const known = input.known[i]?.gbq ?? 0;
    const mean = p?.mean ?? 0;
    const sd = p ? Math.max(0, (p.upper95 - p.mean) / Z95) : 0;
    const unknown = Math.max(0, mean - known);
    const multiplier = Math.max(0, 1 + ((input.growthPct / 100) * (i + 1)) / 52);
    const extra = input.extraWeekly * mix;
    return { week, known, unknown, sd, multiplier, extra };
  });
  const balance = weeklyBalance(
    parts.map((p) => ({
      week: p.week,
      forecastMean: p.unknown * p.multiplier + p.extra,
      forecastSd: p.sd * p.multiplier,
      known: p.known,
    })),
    supplyWeeks,
  );
  const weekly = parts.map((p, i) => {
    const b = balance[i]!;
    const s = supplyWeeks[i]!;
    const base = p.known + p.extra;
    const centre = p.unknown * p.multiplier;
    const sd = p.sd * p.multiplier;
    const band = (z: number, sign: number) => round(base + Math.max(0, centre + sign * z * sd));
    return {
      week: p.week,
      demand: {
        mean: round(b.demand),
        lower80: band(Z80, -1),
        upper80: band(Z80, 1),
        lower95: band(Z95, -1),
        upper95: band(Z95, 1),
      },
      forecast: round(p.unknown),
      known: round(p.known),
      knownCycles: input.known[i]?.cycles ?? 0,
      scenario: round(p.unknown * (p.multiplier - 1) + p.extra),
      supply: { mean: round(s.mean), sd: round(s.sd) },
      probability: round(b.probability, 4),
      gap: round(b.gap),
    };
  });
  return {
    nuclide: input.nuclide,
    site: input.site,
    from: input.from,
    weeks: input.weeks.length,
    unit: 'GBq',
    history: historyOf(input),
    method: fit
      ? {
          season: fit.season,
          seasonal: fit.seasonal,
          alpha: fit.parameters.alpha,
          beta: fit.parameters.beta,
          gamma: fit.parameters.gamma,
          sigma: round(fit.sigma),
        }
      : null,
    backTest: backTestOf(series, input.holdout),
    conversion: input.conversion.map((c) => ({
      ...c,
      doseGBq: round(c.doseGBq),
      nuclideGBqPerDose: round(c.nuclideGBqPerDose),
    })),
    weekly,
    shortfallWeeks: weekly.filter((w) => w.probability >= 0.5).length,
    supplyItems: supply.items.map((it) => ({
      siteId: it.siteId,
      siteName: it.siteName,
      kind: it.kind,
      label: it.label,
      basis: it.basis,
      meanGBqPerWeek: round(
        it.meanBq.reduce((a, b) => a + b, 0) / Math.max(1, it.meanBq.length) / 1e9,
      ),
    })),
    allocation: allocationOf(input, parts, weekly),
    notes: [...input.notes, ...supply.notes],
    assumptions: [...input.assumptions],
  };
}

function historyOf(input: OutlookInput): Outlook['history'] {
  const h = input.history;
  const count = (source: HistoryWeek['source']) => h.filter((w) => w.source === source).length;
  const synthetic = count('synthetic');
  const enough = h.length >= MIN_HISTORY_WEEKS;
  const message = !enough
    ? `${h.length} week(s) of history for ${input.nuclide}${input.site ? ` at ${input.site.name}` : ''}: at least ${MIN_HISTORY_WEEKS} are needed to forecast. Demand shows only the known therapy cycles and the scenario; import a weekly history (POST /api/strategy/history) to forecast.`
    : input.offset + input.weeks.length > 520
      ? `the history ends ${input.offset} weeks before the outlook: too far to forecast`
      : `${h.length} weeks of history (${count('orders')} from recorded orders, ${count('imported')} imported${synthetic > 0 ? `, ${synthetic} synthetic demo weeks` : ''}).`;
  return {
    status: enough && input.offset + input.weeks.length <= 520 ? 'ok' : 'insufficient',
    message,
    weeks: h.length,
    first: h[0]?.week ?? null,
    last: h.at(-1)?.week ?? null,
    recordedWeeks: count('orders'),
    importedWeeks: count('imported'),
    syntheticWeeks: synthetic,
    synthetic: synthetic > 0,
    series: h.map((w) => ({ ...w, gbq: round(w.gbq) })),
  };
}

function backTestOf(series: readonly number[], holdout: number): Outlook['backTest'] {
  const none = {
    trainedOn: null,
    mape: null,
    smape: null,
    mase: null,
    coverage80: null,
    coverage95: null,
    zeroWeeks: null,
  };
  if (series.length < holdout + MIN_TRAINING_WEEKS)
    return {
      status: 'unavailable',
      message: `${series.length} week(s) of history: a back-test on ${holdout} held-out weeks needs at least ${holdout + MIN_TRAINING_WEEKS}.`,
      holdout,
      ...none,
    };
  const b = backTest(series, SEASON, holdout);
  return {
    status: 'ok',
    message: `fitted on ${b.trainedOn} weeks, scored on the last ${holdout}`,
    holdout,
    trainedOn: b.trainedOn,
    mape: b.mape === null ? null : round(b.mape, 4),
    smape: round(b.smape, 4),
    mase: b.mase === null ? null : round(b.mase, 4),
    coverage80: round(b.coverage80, 4),
    coverage95: round(b.coverage95, 4),
    zeroWeeks: b.zeroWeeks,
  };
}

const PRIORITY_OF_USE = (use: string): Claim['priority'] =>
  use === 'therapeutic' ? 'therapy-new' : use === 'diagnostic' ? 'diagnostic' : 'other';

function allocationOf(
  input: OutlookInput,
  parts: readonly { unknown: number; multiplier: number; extra: number }[],
  weekly: Outlook['weekly'],
): Outlook['allocation'] {
  let worst = -1;
  weekly.forEach((w, i) => {
    if (w.probability >= 0.5 && (worst < 0 || w.probability > weekly[worst]!.probability))
      worst = i;
  });
  if (worst < 0) return null;
  const w = weekly[worst]!;
  const p = parts[worst]!;
  const known = input.known[worst];
  const claims: (Claim & { label: string })[] = [];
  for (const k of known?.byProduct ?? []) {
    if (k.inProgress > 0)
      claims.push({
        id: `cycles-under-way:${k.productCode}`,
        label: `${k.productCode}: therapy cycles under way`,
        priority: 'therapy-in-progress',
        quantity: round(k.inProgress),
        arrival: 0,
      });
    if (k.first > 0)
      claims.push({
        id: `first-cycles:${k.productCode}`,
        label: `${k.productCode}: first cycles scheduled`,
        priority: 'therapy-new',
        quantity: round(k.first),
        arrival: 1,
      });
  }
  for (const s of input.shares) {
    const q = round(p.unknown * p.multiplier * s.share);
    if (q > 0)
      claims.push({
        id: `forecast:${s.productCode}`,
        label: `${s.productCode}: forecast orders not yet known`,
        priority: PRIORITY_OF_USE(s.use),
        quantity: q,
        arrival: 2,
      });
  }
  if (p.extra > 0)
    claims.push({
      id: 'scenario:extra',
      label: 'Scenario: extra doses a week',
      priority: 'other',
      quantity: round(p.extra),
      arrival: 3,
    });
  const available = w.supply.mean;
  return {
    week: w.week,
    probability: w.probability,
    available,
    claims,
    allocations: allocate(available, claims).map((a) => ({ ...a, allocated: round(a.allocated) })),
  };
}
