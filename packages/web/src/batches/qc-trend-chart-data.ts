import { i18n } from '../i18n/i18n.js';
import type { QcTrend } from './batch-types.js';

/** A horizontal line of the control chart: its centre, control limits and specification limits. */
export interface TrendLine {
  readonly kind: 'centre' | 'ucl' | 'lcl' | 'spec-min' | 'spec-max';
  readonly label: string;
  readonly value: number;
}

export interface TrendPoint {
  readonly batch: string;
  /** The batch as the axis shows it: "12-07 #00003". */
  readonly short: string;
  readonly value: number;
  /** The rules that flag it (beyond 3 sigma, a run of 8, out of specification); empty if none. */
  readonly signals: readonly string[];
  /** The batch whose record is open. */
  readonly current: boolean;
}

export interface TrendChartData {
  readonly name: string;
  readonly unit: string;
  readonly points: readonly TrendPoint[];
  readonly lines: readonly TrendLine[];
  /** The value axis: every point and line inside, with a margin, on round numbers. */
  readonly min: number;
  readonly max: number;
}

const RULES = ['beyond-3-sigma', 'run-of-8', 'out-of-specification'] as const;

/** A control-chart rule in words; one the screens do not know, as it is. */
function ruleText(rule: string): string {
  return (RULES as readonly string[]).includes(rule)
    ? i18n.t(`batches:trend.rule.${rule as (typeof RULES)[number]}`)
    : rule;
}

/** "20261207-GA68-PSMA11-00003" → "12-07 #00003"; another form as it is. */
export function shortBatch(batch: string): string {
  const m = /^\d{4}(\d{2})(\d{2})-.+-(\d+)$/.exec(batch);
  return m ? `${m[1]}-${m[2]} #${m[3]}` : batch;
}

/** The control chart's points, signals and lines, for the batch `currentBatch`. */
export function trendChartData(trend: QcTrend, currentBatch: string): TrendChartData {
  const rules = new Map<string, string[]>();
  for (const s of trend.signals) {
    rules.set(s.batch, [...(rules.get(s.batch) ?? []), ruleText(s.rule)]);
  }
  const points = trend.points.map((p) => ({
    batch: p.batch,
    short: shortBatch(p.batch),
    value: p.value,
    signals: rules.get(p.batch) ?? [],
    current: p.batch === currentBatch,
  }));
  const candidates: [TrendLine['kind'], number | null][] = [
    ['spec-max', trend.specMax],
    ['ucl', trend.ucl],
    ['centre', trend.centre],
    ['lcl', trend.lcl],
    ['spec-min', trend.specMin],
  ];
  const lines = candidates.flatMap(([kind, value]) =>
    value === null || !Number.isFinite(value)
      ? []
      : [{ kind, label: i18n.t(`batches:trend.line.${kind}`), value }],
  );
  const all = [...points.map((p) => p.value), ...lines.map((l) => l.value)];
  const lo = all.length === 0 ? 0 : Math.min(...all);
  const hi = all.length === 0 ? 1 : Math.max(...all);
  const margin = hi > lo ? (hi - lo) * 0.1 : Math.max(Math.abs(hi) * 0.1, 1);
  const step = niceStep((hi - lo + 2 * margin) / 5);
  const round = (v: number) => Number(v.toPrecision(12));
  return {
    name: trend.name,
    unit: trend.unit,
    points,
    lines,
    min: round(Math.floor((lo - margin) / step) * step),
    max: round(Math.ceil((hi + margin) / step) * step),
  };
}

/** 1, 2 or 5 times a power of ten, at least `x`: an axis step a reader takes in at a glance. */
export function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(x)));
  const f = x / power;
  return Number(((f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power).toPrecision(12));
}
