import { describe, expect, it } from 'vitest';
import {
  builtinDataset,
  clearDecayCache,
  decayCase,
  parseDecayCase,
  type DecayCaseResult,
} from '../src/index.js';
import { jsonLines } from './fixtures.js';
import { compareKind } from './reference-compare.js';

/**
 * The 200 reference cases (NUBASE2020 conventions, exact solution at ≥160 digits) at the stated
 * tolerance: relative 1e-9 for every value ≥ 1e-9 of the case's largest of its kind, absolute
 * 1e-9 of that largest below it, no negative value, every chain member present.
 */
const cases = jsonLines<unknown>('reference/cases.jsonl');
const expected = jsonLines<DecayCaseResult & { t_s: number }>('reference/expected.jsonl');

describe('reference decay cases', () => {
  it('has all 200 cases', () => {
    expect(cases).toHaveLength(200);
    expect(expected).toHaveLength(200);
  });

  // Each case twice: first with no chain set up (cold), then from the kept set-ups (warm), after
  // every earlier case has filled the cache with other parents.
  it.each(cases.map((c, k) => [(c as { id: string }).id, c, expected[k]] as const))(
    '%s matches the reference, cold and warm',
    (id, c, want) => {
      const parsed = parseDecayCase(c);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(want?.id).toBe(id);
      const data = builtinDataset();
      clearDecayCache(data);
      for (const state of ['cold', 'warm']) {
        const got = decayCase(data, parsed.value);
        if (!got.ok) throw new Error(got.error.message);
        const deviations = [
          ...compareKind('activities', got.value.activities, want?.activities ?? {}),
          ...compareKind('numbers', got.value.numbers, want?.numbers ?? {}),
        ];
        expect(deviations, state).toEqual([]);
      }
    },
  );
});

describe('the reference comparison itself', () => {
  it('flags a value that is off, negative, missing or extra', () => {
    const want = { A: 1, B: 1e-3, C: 1e-12 };
    expect(compareKind('activities', { A: 1, B: 1e-3, C: 5e-11 }, want)).toEqual([]);
    expect(compareKind('activities', { A: 1, B: 1.000001e-3, C: 0 }, want)).toHaveLength(1);
    expect(compareKind('activities', { A: 1, B: -1e-3, C: 0 }, want)).toHaveLength(1);
    expect(compareKind('activities', { A: 1, C: 0 }, want)).toHaveLength(1);
    expect(compareKind('activities', { A: 1, B: 1e-3, C: 0, D: 0.5 }, want)).toHaveLength(1);
  });
});
