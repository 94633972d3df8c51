import { describe, expect, it } from 'vitest';
import { replanText } from './replan-text.js';

const PLAN = {
  date: '2026-12-07',
  status: 'running' as const,
  progress: {},
  served: null,
  orders: 12,
  error: null,
};

describe('a re-plan in a line', () => {
  it('shows a running re-plan’s progress', () => {
    expect(replanText(PLAN)).toBe('Re-planning 2026-12-07…');
    expect(replanText({ ...PLAN, progress: { fraction: 0.456, message: 'solving' } })).toBe(
      'Re-planning 2026-12-07… 46% (solving)',
    );
  });

  it('says how it ended', () => {
    expect(replanText({ ...PLAN, status: 'ready', served: 11 })).toBe(
      'The re-plan of 2026-12-07 is ready: 11 of 12 orders served.',
    );
    expect(replanText({ ...PLAN, status: 'failed', error: 'no line' })).toBe(
      'The re-plan failed: no line',
    );
    expect(replanText({ ...PLAN, status: 'committed' })).toBe(
      'The re-plan of 2026-12-07 is committed.',
    );
  });
});
