import { describe, expect, it } from 'vitest';
import { gapSentence, gapText, millions, progressText, share } from './design-format.js';

describe('the design screen’s figures', () => {
  it('writes money in millions, shares and gaps as people read them', () => {
    expect(millions(155.94e6)).toBe('155.9 M');
    expect(millions(1_406_200_000)).toBe('1,406 M');
    expect(millions(null)).toBe('—');
    expect(share(0.65)).toBe('65%');
    expect(share(0.50909)).toBe('50.9%');
    expect(share(1)).toBe('100%');
    expect(gapText(0.0057)).toBe('0.57%');
    expect(gapText(0.123)).toBe('12%');
    expect(gapText(0)).toBe('0%');
  });

  it('says the proven gap in words, for cost and for coverage', () => {
    expect(gapSentence({ gap: 0.006, objective: 'cost', status: 'gap-reached' })).toBe(
      'The design is at most 0.6% more expensive than the best possible.',
    );
    expect(gapSentence({ gap: 0.02, objective: 'coverage', status: 'time-limit' })).toMatch(
      /at most 2% more weighted demand unserved/,
    );
    expect(gapSentence({ gap: 0, objective: 'cost', status: 'optimal' })).toBe(
      'The design is the best possible cost (proven).',
    );
    expect(gapSentence({ gap: null, objective: 'cost', status: 'time-limit' })).toMatch(/no bound/);
  });

  it('shows the solver’s progress while it runs and the outcome when done', () => {
    const base = { error: null };
    expect(
      progressText({
        ...base,
        status: 'queued',
        progress: { phase: 'queued', message: 'waiting for a solver' },
      }),
    ).toBe('Waiting for a solver');
    expect(
      progressText({
        ...base,
        status: 'running',
        progress: {
          phase: 'solving',
          message: 'branch and bound',
          incumbent: 168.5e6,
          bound: 160e6,
          gap: 0.05,
        },
      }),
    ).toBe('Current design 168.5 M · bound 160 M · proven gap 5%');
    expect(
      progressText({
        ...base,
        status: 'done',
        progress: { phase: 'done', message: 'solved', gap: 0 },
      }),
    ).toBe('Solved · proven gap 0%');
    expect(
      progressText({
        status: 'failed',
        error: 'infeasible',
        progress: { phase: 'failed', message: 'x' },
      }),
    ).toBe('infeasible');
  });
});
