import type { PlanSummary } from '@halflife/planner';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';

export interface Figure {
  readonly label: string;
  readonly value: string;
  /** What the figure means or is made of, in one line. */
  readonly detail: string;
}

const pct = (x: number): string => `${formatNumber(Math.round(x * 10) / 10)} %`;
const money = (x: number): string =>
  Math.round(x).toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The summary of a plan in full, as labelled figures with their meaning. */
export function planFigures(
  s: PlanSummary,
  method: string,
  shipments: number,
  unit: DisplayUnit,
): Figure[] {
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
      detail: `${shipments} shipments; ${formatActivity(s.startActivityBq, unit)} of isotope at start`,
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
      detail:
        `objective ${formatNumber(s.objective)} over a lower bound of ${formatNumber(s.lowerBound)} ` +
        '(solver dual bound or each order’s cheapest share), penalties of unservable orders left out',
    },
    {
      label: 'Method',
      value: method,
      detail: `planned in ${formatNumber(s.seconds)} s`,
    },
  ];
}
