import type { QcEvaluation } from '../qc/qc-evaluation.js';
import type { Deviation } from './batch-record.js';

/**
 * Release of a batch by a qualified person (EU GMP Annex 3 §39–40, 21 CFR 211.165(a) and
 * 212.70, NMPA 13 Jan 2022 "边检验边出厂"): a conditional release when every pre-release test has
 * passed and some post-release tests (e.g. sterility) are outstanding, a final certification when
 * every result is in and passes, or a rejection. Pure: the statuses, which decision is allowed
 * when, and what a post-release failure means.
 */

export const SIGNATURE_MEANINGS = ['conditional-release', 'final-release', 'rejection'] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

/** What a signature means, as the signer reads it before signing and as the record prints it. */
export const MEANING_TEXT: Readonly<Record<SignatureMeaning, string>> = {
  'conditional-release':
    'I release this batch conditionally: the batch record and every pre-release test are reviewed and comply; the post-release tests are outstanding.',
  'final-release':
    'I certify this batch: the batch record and every test result are reviewed and comply with the specification.',
  rejection: 'I reject this batch: it may not be used.',
};

export const RECORD_STATUSES = [
  /** Opened from the committed plan, no step signed. */
  'open',
  'in-production',
  /** Every step signed: waiting for QC and the QP. */
  'awaiting-release',
  'conditionally-released',
  'released',
  'rejected',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export interface SignatureFact {
  readonly meaning: SignatureMeaning;
  /** The record's content still hashes to what was signed. */
  readonly valid: boolean;
}

/** A record's status from its steps and its QP signatures (the latest decision counts). */
export function recordStatus(
  stepsSigned: number,
  stepsInRecipe: number,
  signatures: readonly SignatureFact[],
): RecordStatus {
  const meanings = signatures.map((s) => s.meaning);
  if (meanings.includes('rejection')) return 'rejected';
  if (meanings.includes('final-release')) return 'released';
  if (meanings.includes('conditional-release')) return 'conditionally-released';
  if (stepsSigned === 0) return 'open';
  return stepsSigned < stepsInRecipe ? 'in-production' : 'awaiting-release';
}

export interface ReleaseFacts {
  readonly status: RecordStatus;
  readonly qc: QcEvaluation;
  readonly deviations: readonly Deviation[];
  /** Signatures already on the record, with whether each still holds. */
  readonly signatures: readonly SignatureFact[];
}

/**
 * Whether a QP may sign `meaning` now, or the sentence saying why not. Blocking rules:
 * - a rejected batch stays rejected; a rejection needs no passing results (it may come at any time,
 *   also after release — a recall);
 * - release needs every step signed and no critical deviation;
 * - a conditional release needs every pre-release test passed and some post-release test
 *   outstanding (when all are in, the QP certifies finally instead);
 * - a final certification needs every test passed, and a conditional release whose signature has
 *   been broken by a later change must be looked at again: the final signature covers it all.
 */
export function releaseRefusal(facts: ReleaseFacts, meaning: SignatureMeaning): string | undefined {
  if (facts.status === 'rejected') return 'the batch is rejected';
  if (meaning === 'rejection') return undefined;
  if (facts.status === 'released') return 'the batch is released already';
  if (facts.status === 'open' || facts.status === 'in-production') {
    return 'the batch record is not complete: every step must be signed first';
  }
  const critical = facts.deviations.filter((d) => d.classification === 'critical');
  if (critical.length > 0) {
    return `a critical deviation is recorded (${critical[0]!.description}): the batch may only be rejected`;
  }
  const failed = facts.qc.tests.filter((t) => t.status === 'fail');
  if (failed.length > 0) {
    return `out of specification: ${failed.map((t) => t.reason ?? t.name).join('; ')}`;
  }
  const pendingBefore = facts.qc.tests.filter(
    (t) => t.status === 'pending' && t.timing === 'before-release',
  );
  if (pendingBefore.length > 0) {
    return `pre-release tests without a result: ${pendingBefore.map((t) => t.name).join(', ')}`;
  }
  if (meaning === 'conditional-release') {
    if (facts.status === 'conditionally-released')
      return 'the batch is released conditionally already';
    if (facts.qc.verdict === 'complete') {
      return 'every result is in: certify the batch finally instead';
    }
    return undefined;
  }
  const pendingAfter = facts.qc.tests.filter((t) => t.status === 'pending');
  if (pendingAfter.length > 0) {
    return `final certification needs every result: ${pendingAfter.map((t) => t.name).join(', ')} outstanding`;
  }
  return undefined;
}

/** Whether the doses of a batch in this status may be dispensed and leave. */
export function dispensable(status: RecordStatus): boolean {
  return status === 'conditionally-released' || status === 'released';
}

/**
 * A result that turns a released (or conditionally released) batch out of specification: the
 * failing tests that were not failing before, which every hospital that received a dose must hear
 * of. Empty when the batch is not released or nothing new fails.
 */
export function postReleaseFailures(
  status: RecordStatus,
  before: QcEvaluation,
  after: QcEvaluation,
): { code: string; name: string; reason: string }[] {
  if (status !== 'conditionally-released' && status !== 'released') return [];
  const failedBefore = new Set(before.tests.filter((t) => t.status === 'fail').map((t) => t.code));
  return after.tests
    .filter((t) => t.status === 'fail' && !failedBefore.has(t.code))
    .map((t) => ({ code: t.code, name: t.name, reason: t.reason ?? `${t.name} failed` }));
}
