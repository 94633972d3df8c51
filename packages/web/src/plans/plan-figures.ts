import type { PlanSummary } from '@halflife/planner';
import { formatNumber, type DisplayUnit } from '../units.js';

export interface Figure {
  readonly label: string;
  readonly value: string;
  /** What the figure means or is made of, in one line. */
  readonly detail: string;
  /** The figures behind it, for whoever points at it. */
  readonly title?: string;
}

const pct = (x: number): string => `${formatNumber(Math.round(x * 10) / 10)} %`;
const money = (x: number): string =>
  Math.round(x).toLocaleString('en-US', { maximumFractionDigits: 0 });

/** A large activity in a readable multiple of the chosen unit: "1.956 TBq", "52.86 Ci". */
export function largeActivity(bq: number, unit: DisplayUnit): string {
  const steps: [number, string][] =
    unit === 'MBq'
      ? [
          [1e12, 'TBq'],
          [1e9, 'GBq'],
          [1e6, 'MBq'],
        ]
      : [
          [3.7e10, 'Ci'],
          [3.7e7, 'mCi'],
        ];
  const [size, name] = steps.find(([s]) => Math.abs(bq) >= s) ?? steps[steps.length - 1]!;
  return `${formatNumber(bq / size)} ${name}`;
}

/** The summary of a plan in full (but its method and time), as labelled figures with their meaning. */
export function planFigures(s: PlanSummary, shipments: number, unit: DisplayUnit): Figure[] {
  const servable = s.orders - s.unservable;
  const ofServable = servable > 0 ? (100 * Math.min(s.served, servable)) / servable : 100;
  return [
    {
      label: 'Served',
      value: `${s.served} / ${s.orders}`,
      detail: `${pct(s.servedPct)} of all orders; ${pct(ofServable)} of the ${servable} servable`,
    },
    {
      label: 'Unservable',
      value: String(s.unservable),
      detail: 'no batch and route can serve them, whatever the plan',
    },
    {
      label: 'Batches',
      value: String(s.batches),
      detail: `${shipments} shipments; ${largeActivity(s.startActivityBq, unit)} of isotope at start`,
    },
    {
      label: 'Isotope efficiency',
      value: pct(s.efficiency * 100),
      detail: 'activity delivered at calibration ÷ activity at end of synthesis',
    },
    {
      label: 'Cost',
      value: money(s.cost.total),
      detail: `isotope ${money(s.cost.isotope)} · batches ${money(s.cost.batches)} · transport ${money(s.cost.transport)}`,
    },
    {
      label: 'Gap',
      value: Number.isFinite(s.gap) ? pct(s.gap * 100) : '—',
      detail: gapWords(s),
      title: `objective ${formatNumber(s.objective)} over a lower bound of ${formatNumber(s.lowerBound)}; unservable orders left out`,
    },
  ];
}

/**
 * The gap in words: how much better any plan could possibly be, and what the bound it is measured
 * against counts, so that a planner knows what the figure promises.
 */
export function gapWords(s: Pick<PlanSummary, 'gap' | 'objective' | 'lowerBound'>): string {
  if (!Number.isFinite(s.gap))
    return 'No bound was proven: how far this plan is from the best is not known.';
  if (s.gap <= 0.001) return 'Proven the best plan possible, to within 0.1 %.';
  return (
    `No plan can be more than ${pct(s.gap * 100)} better (cost plus a weight per servable order ` +
    'left unserved). The bound counts isotope supply, batch and vehicle costs, not line hours, so ' +
    'the true distance is usually smaller.'
  );
}
