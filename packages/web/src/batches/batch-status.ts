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

const STATUS: Record<BatchStatus, Badge> = {
  open: { label: 'open', tone: 'neutral', title: 'opened from the committed plan; no step signed' },
  'in-production': { label: 'in production', tone: 'info', title: 'steps are being signed' },
  'awaiting-release': {
    label: 'awaiting release',
    tone: 'warn',
    title: 'every step signed: waiting for QC and the qualified person',
  },
  'conditionally-released': {
    label: 'conditionally released',
    tone: 'ok',
    title: 'released by the QP while post-release tests are outstanding',
  },
  released: { label: 'released', tone: 'good', title: 'certified by the QP' },
  rejected: { label: 'rejected', tone: 'bad', title: 'rejected by the QP: it may not be used' },
};

/** A batch record's status as a badge. */
export function statusBadge(status: BatchStatus): Badge {
  return STATUS[status];
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

const VERDICT: Record<QcVerdict, Badge> = {
  'out-of-specification': { label: 'Out of specification', tone: 'bad' },
  pending: { label: 'Pre-release results pending', tone: 'warn' },
  conditional: {
    label: 'Pre-release tests pass; post-release tests outstanding',
    tone: 'ok',
  },
  complete: { label: 'Every test passes', tone: 'good' },
};

/** The QC verdict of a batch as a badge. */
export function verdictBadge(verdict: QcVerdict): Badge {
  return VERDICT[verdict];
}

/** A QC test's status as a badge: pass (green), fail (red), pending (grey). */
export function testBadge(test: Pick<QcTest, 'status' | 'reason'>): Badge {
  switch (test.status) {
    case 'pass':
      return { label: 'pass', tone: 'good' };
    case 'fail':
      return { label: 'fail', tone: 'bad', ...(test.reason ? { title: test.reason } : {}) };
    case 'pending':
      return { label: 'pending', tone: 'neutral' };
  }
}

const DEVIATION: Record<DeviationClass, Badge> = {
  minor: { label: 'minor', tone: 'neutral' },
  major: { label: 'major', tone: 'warn' },
  critical: { label: 'critical', tone: 'bad', title: 'a critical deviation blocks release' },
};

/** A deviation's classification as a badge. */
export function deviationBadge(classification: DeviationClass): Badge {
  return DEVIATION[classification];
}

/** A signature's standing: it holds, or the record changed after it was made. */
export function signatureBadge(signature: Pick<Signature, 'valid'>): Badge {
  return signature.valid
    ? { label: 'valid', tone: 'good', title: 'the record still hashes to what was signed' }
    : {
        label: 'BROKEN — the record changed after signing',
        tone: 'bad',
        title: 'the record’s content no longer hashes to what was signed',
      };
}

/** "Conditional release", "Final release", "Rejection". */
export const MEANING_LABEL: Record<Signature['meaning'], string> = {
  'conditional-release': 'Conditional release',
  'final-release': 'Final release',
  rejection: 'Rejection',
};
