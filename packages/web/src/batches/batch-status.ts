import { i18n } from '../i18n/i18n.js';
import type { BatchStatus, DeviationClass, QcTest, QcVerdict, Signature } from './batch-types.js';

/**
 * How the production screens name and colour a state: a badge's words and its tone (a CSS class
 * `tone-<tone>`). One table per kind of state, so every screen says the same.
 */
export type Tone = 'neutral' | 'info' | 'warn' | 'ok' | 'good' | 'bad';

export interface Badge {
  readonly label: string;
  readonly tone: Tone;
  /** A longer explanation, for a title or a screen reader. */
  readonly title?: string;
}

const STATUS_TONE: Record<BatchStatus, Tone> = {
  open: 'neutral',
  'in-production': 'info',
  'awaiting-release': 'warn',
  'conditionally-released': 'ok',
  released: 'good',
  rejected: 'bad',
};

/** A batch record's status as a badge. */
export function statusBadge(status: BatchStatus): Badge {
  return {
    label: i18n.t(`batches:status.${status}`),
    tone: STATUS_TONE[status],
    title: i18n.t(`batches:statusTitle.${status}`),
  };
}

/** The statuses in the order a batch passes through them (for the status filter). */
export const BATCH_STATUSES: readonly BatchStatus[] = [
  'open',
  'in-production',
  'awaiting-release',
  'conditionally-released',
  'released',
  'rejected',
];

/** What a qualified person still has to decide: awaiting release, or released conditionally. */
export const RELEASE_QUEUE: readonly BatchStatus[] = ['awaiting-release', 'conditionally-released'];

/** Doses may be dispensed once the batch is released, conditionally or finally. */
export function dispensable(status: BatchStatus): boolean {
  return status === 'conditionally-released' || status === 'released';
}

const VERDICT_TONE: Record<QcVerdict, Tone> = {
  'out-of-specification': 'bad',
  pending: 'warn',
  conditional: 'ok',
  complete: 'good',
};

/** The QC verdict of a batch as a badge. */
export function verdictBadge(verdict: QcVerdict): Badge {
  return { label: i18n.t(`batches:verdict.${verdict}`), tone: VERDICT_TONE[verdict] };
}

/** A QC test's status as a badge: pass (green), fail (red), pending (grey). */
export function testBadge(test: Pick<QcTest, 'status' | 'reason'>): Badge {
  const label = i18n.t(`batches:testStatus.${test.status}`);
  switch (test.status) {
    case 'pass':
      return { label, tone: 'good' };
    case 'fail':
      return { label, tone: 'bad', ...(test.reason ? { title: test.reason } : {}) };
    case 'pending':
      return { label, tone: 'neutral' };
  }
}

const DEVIATION_TONE: Record<DeviationClass, Tone> = {
  minor: 'neutral',
  major: 'warn',
  critical: 'bad',
};

/** A deviation's classification as a badge. */
export function deviationBadge(classification: DeviationClass): Badge {
  return {
    label: deviationClassText(classification),
    tone: DEVIATION_TONE[classification],
    ...(classification === 'critical' ? { title: i18n.t('batches:criticalBlocksRelease') } : {}),
  };
}

/** "minor", "major", "critical" in words. */
export function deviationClassText(classification: DeviationClass): string {
  return i18n.t(`batches:deviationClass.${classification}`);
}

/** A signature's standing: it holds, or the record changed after it was made. */
export function signatureBadge(signature: Pick<Signature, 'valid'>): Badge {
  return signature.valid
    ? {
        label: i18n.t('batches:signature.valid'),
        tone: 'good',
        title: i18n.t('batches:signature.validTitle'),
      }
    : {
        label: i18n.t('batches:signature.broken'),
        tone: 'bad',
        title: i18n.t('batches:signature.brokenTitle'),
      };
}

/** "Conditional release", "Final release", "Rejection". */
export function meaningLabel(meaning: Signature['meaning']): string {
  return i18n.t(`batches:meaning.${meaning}`);
}

const ORDER_STATUSES = new Set([
  'submitted',
  'accepted',
  'planned',
  'not_planned',
  'in_production',
  'released',
  'dispatched',
  'delivered',
  'administered',
  'cancelled',
  'rejected',
] as const);
type OrderStatus = typeof ORDER_STATUSES extends Set<infer S> ? S : never;

/** An order's status in words ("not planned"); one the screens do not know, as it is. */
export function orderStatusText(status: string): string {
  return ORDER_STATUSES.has(status as OrderStatus)
    ? i18n.t(`batches:orderStatus.${status as OrderStatus}`)
    : status.replace('_', ' ');
}
