import { describe, expect, it } from 'vitest';
import { SUMMARY } from './batch-test-fixture.js';
import type { BatchSummary } from './batch-types.js';
import { plannedStart, startsIn, statusCounts, worklistRows } from './worklist-rows.js';

const batch = (n: number, startAt: string, status: BatchSummary['status']): BatchSummary => ({
  ...SUMMARY,
  id: `id-${n}`,
  batchNumber: `20261207-X-${n}`,
  startAt,
  status,
});

const DAY = [
  batch(3, '2026-12-06T23:30:00Z', 'awaiting-release'),
  batch(1, '2026-12-06T21:00:00Z', 'open'),
  batch(2, '2026-12-06T22:30:00Z', 'conditionally-released'),
  batch(4, '2026-12-06T22:30:00Z', 'rejected'),
];

describe('the worklist', () => {
  it('lists the day by planned start, then batch number', () => {
    expect(worklistRows(DAY, { tab: 'all', status: '' }).map((b) => b.id)).toEqual([
      'id-1',
      'id-2',
      'id-4',
      'id-3',
    ]);
  });

  it('keeps one status, or the release queue (awaiting and conditionally released)', () => {
    expect(worklistRows(DAY, { tab: 'all', status: 'open' }).map((b) => b.id)).toEqual(['id-1']);
    expect(worklistRows(DAY, { tab: 'queue', status: '' }).map((b) => b.id)).toEqual([
      'id-2',
      'id-3',
    ]);
    expect(worklistRows(DAY, { tab: 'queue', status: 'rejected' })).toEqual([]);
    expect(statusCounts(DAY).get('open')).toBe(1);
  });

  it('shows the start in the site’s zone, with the day when it is not the plan date', () => {
    expect(plannedStart(SUMMARY)).toBe('07:30');
    expect(plannedStart({ ...SUMMARY, startAt: '2026-12-06T14:00:00Z' })).toBe('6 Dec 22:00');
    expect(plannedStart({ ...SUMMARY, siteZone: 'America/New_York' })).toBe('6 Dec 18:30');
  });

  it('counts down to the start of a batch not started, and back when it is late', () => {
    expect(startsIn({ status: 'open', minutesToStart: 30 })).toBe('in 30 min');
    expect(startsIn({ status: 'open', minutesToStart: 150 })).toBe('in 2 h 30 min');
    expect(startsIn({ status: 'open', minutesToStart: -120 })).toBe('2 h ago');
    expect(startsIn({ status: 'open', minutesToStart: 0 })).toBe('now');
    expect(startsIn({ status: 'in-production', minutesToStart: -5 })).toBe('started');
  });
});
