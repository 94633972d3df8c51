import { describe, expect, it } from 'vitest';
import {
  BATCH_STATUSES,
  deviationBadge,
  dispensable,
  RELEASE_QUEUE,
  signatureBadge,
  statusBadge,
  testBadge,
  verdictBadge,
} from './batch-status.js';

describe('badges', () => {
  it('names and colours every record status, rejected in red and released in green', () => {
    expect(BATCH_STATUSES.map((s) => statusBadge(s).label)).toEqual([
      'open',
      'in production',
      'awaiting release',
      'conditionally released',
      'released',
      'rejected',
    ]);
    expect(statusBadge('rejected').tone).toBe('bad');
    expect(statusBadge('released').tone).toBe('good');
    expect(statusBadge('awaiting-release').tone).toBe('warn');
  });

  it('puts awaiting and conditionally released batches in the QP’s queue; only released ones dispense', () => {
    expect(RELEASE_QUEUE).toEqual(['awaiting-release', 'conditionally-released']);
    expect(BATCH_STATUSES.filter(dispensable)).toEqual(['conditionally-released', 'released']);
  });

  it('colours QC: pass green, fail red with the reason, pending grey; the verdict likewise', () => {
    expect(testBadge({ status: 'pass' })).toEqual({ label: 'pass', tone: 'good' });
    expect(testBadge({ status: 'fail', reason: 'pH 9.1 is above 8' })).toEqual({
      label: 'fail',
      tone: 'bad',
      title: 'pH 9.1 is above 8',
    });
    expect(testBadge({ status: 'pending' }).tone).toBe('neutral');
    expect(verdictBadge('out-of-specification')).toMatchObject({ tone: 'bad' });
    expect(verdictBadge('complete').tone).toBe('good');
  });

  it('marks a critical deviation and a broken signature in red', () => {
    expect(deviationBadge('critical').tone).toBe('bad');
    expect(deviationBadge('minor').tone).toBe('neutral');
    expect(signatureBadge({ valid: true }).label).toBe('valid');
    expect(signatureBadge({ valid: false })).toMatchObject({
      label: 'BROKEN — the record changed after signing',
      tone: 'bad',
    });
  });
});
