import { localDateOf } from '@halflife/domain';
import { i18n } from '../i18n/i18n.js';
import { clockIn, dayClockIn, formatHours } from '../zoned-time.js';
import { RELEASE_QUEUE } from './batch-status.js';
import type { BatchStatus, BatchSummary } from './batch-types.js';

/** Which batches the worklist shows: all of the day's, or the QP's release queue. */
export type WorklistTab = 'all' | 'queue';

export interface WorklistFilter {
  readonly tab: WorklistTab;
  /** One status, or '' for any. */
  readonly status: BatchStatus | '';
}

/** The day's batches the filter keeps, by planned start (then batch number). */
export function worklistRows(
  batches: readonly BatchSummary[],
  filter: WorklistFilter,
): BatchSummary[] {
  return batches
    .filter((b) => filter.tab === 'all' || RELEASE_QUEUE.includes(b.status))
    .filter((b) => filter.status === '' || b.status === filter.status)
    .sort(
      (a, b) =>
        Date.parse(a.startAt) - Date.parse(b.startAt) || a.batchNumber.localeCompare(b.batchNumber),
    );
}

/** The planned start in the site's zone: "07:30", or "6 Dec 22:00" when it falls on another day. */
export function plannedStart(b: Pick<BatchSummary, 'startAt' | 'siteZone' | 'planDate'>): string {
  const ms = Date.parse(b.startAt);
  return localDateOf(ms, b.siteZone) === b.planDate
    ? clockIn(ms, b.siteZone)
    : dayClockIn(ms, b.siteZone);
}

/**
 * Minutes to the planned start in words, for a batch not yet started: "in 30 min", "2 h ago";
 * a started batch has no countdown ("started").
 */
export function startsIn(b: Pick<BatchSummary, 'status' | 'minutesToStart'>): string {
  if (b.status !== 'open') return i18n.t('batches:worklist.started');
  const m = b.minutesToStart;
  if (m === 0) return i18n.t('batches:worklist.now');
  return m > 0
    ? i18n.t('batches:worklist.in', { duration: formatHours(m / 60) })
    : i18n.t('batches:worklist.ago', { duration: formatHours(-m / 60) });
}

/** How many batches of each status the day has, for the filter's options. */
export function statusCounts(batches: readonly BatchSummary[]): Map<BatchStatus, number> {
  const counts = new Map<BatchStatus, number>();
  for (const b of batches) counts.set(b.status, (counts.get(b.status) ?? 0) + 1);
  return counts;
}
