import { i18n, localeNumber } from '../i18n/i18n.js';
import { formatNumber } from '../units.js';
import { formatHours } from '../zoned-time.js';
import type { DesignResult, DesignRunSummary } from './design-types.js';
import { serverText } from '../i18n/server-texts.js';

type DesignProgress = DesignRunSummary['progress'];

/** Figures of the network-design screen as people read them (pure). */

/** Money a year in millions: "155.9 M", "1,406 M"; "—" when unknown. */
export function millions(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumber(value / 1e6)} M`;
}

/** A share as a percentage with at most one decimal: "65%", "50.9%", "100%". */
export function share(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${localeNumber(Number((value * 100).toFixed(1)))}%`;
}

/** A proven gap with two significant digits: "0.57%", "12%"; "0%" when closed. */
export function gapText(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return '—';
  if (gap <= 0) return '0%';
  return `${localeNumber(Number((gap * 100).toPrecision(2)))}%`;
}

export const doses = (value: number): string => formatNumber(Number(value.toFixed(1)));
export const gbq = (value: number): string => formatNumber(value);
/** "2 h 10 min"; empty on site. */
export const minutes = (value: number): string => (value > 0 ? formatHours(value / 60) : '');

/** The gap as a sentence: "The design is at most 0.57% more expensive than the best possible." */
export function gapSentence(r: Pick<DesignResult, 'gap' | 'objective' | 'status'>): string {
  if (r.gap === null || !Number.isFinite(r.gap)) return i18n.t('design:result.noGap');
  if (r.status === 'optimal' || r.gap < 1e-4)
    return r.objective === 'cost'
      ? i18n.t('design:result.optimalCost')
      : i18n.t('design:result.optimalCoverage');
  const gap = gapText(r.gap);
  return r.objective === 'cost'
    ? i18n.t('design:result.gapCost', { gap })
    : i18n.t('design:result.gapCoverage', { gap });
}

/** A scenario's line in the list: the solver's progress while it runs, the outcome when done. */
export function progressText(run: Pick<DesignRunSummary, 'status' | 'progress' | 'error'>): string {
  if (run.status === 'failed') return serverText(run.error ?? run.progress.message);
  if (run.status === 'done')
    return i18n.t('design:progress.solved', { gap: gapText(run.progress.gap) });
  return solverProgress(run.progress);
}

export function solverProgress(p: DesignProgress): string {
  if (p.incumbent === undefined)
    return p.phase === 'queued'
      ? i18n.t('design:progress.queued')
      : i18n.t('design:progress.solving');
  return i18n.t('design:progress.plan', {
    plan: millions(p.incumbent),
    bound: millions(p.bound),
    gap: gapText(p.gap),
  });
}
