import { formatNumber } from '../units.js';
import { formatHours } from '../zoned-time.js';
import { TEXT } from './design-text.js';
import type { DesignResult, DesignRunSummary } from './design-types.js';

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
  return `${Number((value * 100).toFixed(1)).toLocaleString('en-US')}%`;
}

/** A proven gap with two significant digits: "0.57%", "12%"; "0%" when closed. */
export function gapText(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return '—';
  if (gap <= 0) return '0%';
  return `${Number((gap * 100).toPrecision(2)).toLocaleString('en-US')}%`;
}

export const doses = (value: number): string => formatNumber(Number(value.toFixed(1)));
export const gbq = (value: number): string => formatNumber(value);
/** "2 h 10 min"; empty on site. */
export const minutes = (value: number): string => (value > 0 ? formatHours(value / 60) : '');

/** The gap as a sentence: "The design is at most 0.57% more expensive than the best possible." */
export function gapSentence(r: Pick<DesignResult, 'gap' | 'objective' | 'status'>): string {
  if (r.gap === null || !Number.isFinite(r.gap)) return TEXT.result.noGap;
  const t = TEXT.result;
  if (r.status === 'optimal' || r.gap < 1e-4)
    return t.optimal(r.objective === 'cost' ? t.costWhat : t.coverageWhat);
  return r.objective === 'cost' ? t.gapCost(gapText(r.gap)) : t.gapCoverage(gapText(r.gap));
}

/** A scenario's line in the list: the solver's progress while it runs, the outcome when done. */
export function progressText(run: Pick<DesignRunSummary, 'status' | 'progress' | 'error'>): string {
  if (run.status === 'failed') return run.error ?? run.progress.message;
  if (run.status === 'done') return TEXT.progress.solved(gapText(run.progress.gap));
  return solverProgress(run.progress);
}

export function solverProgress(p: DesignProgress): string {
  if (p.incumbent === undefined)
    return p.phase === 'queued' ? TEXT.progress.queued : TEXT.progress.solving;
  return TEXT.progress.plan(millions(p.incumbent), millions(p.bound), gapText(p.gap));
}
