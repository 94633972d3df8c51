import type { PlanSummary } from '@halflife/planner';
import { i18n, localeNumber } from '../i18n/i18n.js';
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
const money = (x: number): string => localeNumber(Math.round(x), { maximumFractionDigits: 0 });

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
  const t = i18n.getFixedT(null, 'plans', 'figures');
  return [
    {
      label: t('served'),
      value: `${s.served} / ${s.orders}`,
      detail: t('servedDetail', {
        pct: pct(s.servedPct),
        ofServable: pct(ofServable),
        servable,
      }),
    },
    {
      label: t('unservable'),
      value: String(s.unservable),
      detail: t('unservableDetail'),
    },
    {
      label: t('batches'),
      value: String(s.batches),
      detail: t('batchesDetail', {
        shipments,
        amount: largeActivity(s.startActivityBq, unit),
      }),
    },
    {
      label: t('efficiency'),
      value: pct(s.efficiency * 100),
      detail: t('efficiencyDetail'),
    },
    {
      label: t('cost'),
      value: money(s.cost.total),
      detail: t('costDetail', {
        isotope: money(s.cost.isotope),
        batches: money(s.cost.batches),
        transport: money(s.cost.transport),
      }),
    },
    {
      label: t('gap'),
      value: Number.isFinite(s.gap) ? pct(s.gap * 100) : '—',
      detail: gapWords(s),
      title: t('gapTitle', {
        objective: formatNumber(s.objective),
        bound: formatNumber(s.lowerBound),
      }),
    },
  ];
}

/**
 * The gap in words: how much better any plan could possibly be, and what the bound it is measured
 * against counts, so that a planner knows what the figure promises.
 */
export function gapWords(s: Pick<PlanSummary, 'gap' | 'objective' | 'lowerBound'>): string {
  if (!Number.isFinite(s.gap)) return i18n.t('plans:figures.gapUnknown');
  if (s.gap <= 0.001) return i18n.t('plans:figures.gapBest');
  return i18n.t('plans:figures.gapWords', { pct: pct(s.gap * 100) });
}
