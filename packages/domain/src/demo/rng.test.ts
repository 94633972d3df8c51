import { describe, expect, it } from 'vitest';
import { clamp, intBetween, normal, pick, seededRng, weightedPick } from './rng.js';

describe('seededRng', () => {
  it('repeats a sequence for a seed, in [0, 1)', () => {
    const a = seededRng(7);
    const b = seededRng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(seededRng(8)()).not.toBe(seededRng(7)());
  });

  it('draws integers inclusively, picks, and weights', () => {
    const rng = seededRng(1);
    const ints = new Set(Array.from({ length: 500 }, () => intBetween(rng, 2, 5)));
    expect(ints).toEqual(new Set([2, 3, 4, 5]));
    expect(['a', 'b']).toContain(pick(rng, ['a', 'b']));
    expect(() => pick(rng, [])).toThrow();
    for (let i = 0; i < 100; i += 1)
      expect(weightedPick(rng, [1, 2, 3], (x) => (x === 2 ? 1 : 0))).toBe(2);
  });

  it('draws normals with about the asked mean and sd', () => {
    const rng = seededRng(3);
    const xs = Array.from({ length: 20000 }, () => normal(rng, 75, 12));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(75, 0);
    expect(Math.abs(sd - 12)).toBeLessThan(0.3);
    expect(clamp(200, 45, 130)).toBe(130);
  });
});
