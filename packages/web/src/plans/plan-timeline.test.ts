import type { PlannedBatch } from '@halflife/planner';
import { describe, expect, it } from 'vitest';
import { planTimeline } from './plan-timeline.js';

const batch = (id: string, site: string, line: string, product: string): PlannedBatch => ({
  id,
  site,
  line,
  product,
  startAt: '2026-11-24T00:00:00Z',
  eosAt: '2026-11-24T00:30:00Z',
  releaseAt: '2026-11-24T01:00:00Z',
  startActivityBq: 1e10,
  eosActivityBq: 8e9,
  fixed: false,
});

describe('plan timeline', () => {
  it('puts each batch on its site and line row, from start to release', () => {
    const t = planTimeline({
      batches: [
        batch('b1', 'S2', 'L1', 'FDG'),
        batch('b2', 'S1', 'L1', 'GA68'),
        batch('b3', 'S2', 'L1', 'FDG'),
      ],
    });
    expect(t.rows).toEqual(['S1 · L1', 'S2 · L1']);
    expect(t.bars.map((b) => b.row)).toEqual([1, 0, 1]);
    const first = t.bars[0];
    expect(first && first.end - first.start).toBe(3600_000);
    expect(t.products).toEqual(['FDG', 'GA68']);
  });
});
