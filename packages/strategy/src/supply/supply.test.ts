import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, PRIORITIES, type Claim } from './allocation.js';
import { weeklyBalance } from './shortfall.js';

describe('demand against supply', () => {
  it('gives the probability of a shortfall from both uncertainties', () => {
    const [a, b, c] = weeklyBalance(
      [
        { week: '2027-01-04', forecastMean: 80, forecastSd: 6, known: 20 },
        { week: '2027-01-11', forecastMean: 90, forecastSd: 0, known: 10 },
        { week: '2027-01-18', forecastMean: 50, forecastSd: 3, known: 0 },
      ],
      [
        { week: '2027-01-04', mean: 100, sd: 8 },
        { week: '2027-01-11', mean: 90, sd: 0 },
        { week: '2027-01-18', mean: 56, sd: 4 },
      ],
    );
    // Demand 100 ± 6 against supply 100 ± 8: even odds.
    expect(a).toMatchObject({ demand: 100, supply: 100, gap: 0 });
    expect(a!.probability).toBeCloseTo(0.5, 12);
    // Certain on both sides and short by 10: a shortfall for sure.
    expect(b).toMatchObject({ gap: 10, probability: 1 });
    // Short by −6 with sd 5 (3-4-5): Φ(−1.2) = 0.11507.
    expect(c!.probability).toBeCloseTo(0.11507, 5);
  });

  it('names what it cannot compare', () => {
    expect(() =>
      weeklyBalance([{ week: 'w1', forecastMean: 1, forecastSd: 1, known: 0 }], []),
    ).toThrow(/no figure for week w1/);
    expect(() =>
      weeklyBalance(
        [{ week: 'w1', forecastMean: -1, forecastSd: 1, known: 0 }],
        [{ week: 'w1', mean: 1, sd: 0 }],
      ),
    ).toThrow(/demand\[0\].forecastMean/);
  });
});

describe('allocation when scarce', () => {
  const claims: Claim[] = [
    { id: 'diag-1', priority: 'diagnostic', quantity: 3, arrival: 1 },
    { id: 'cycle-3', priority: 'therapy-in-progress', quantity: 4, arrival: 5 },
    { id: 'new-1', priority: 'therapy-new', quantity: 4, arrival: 2 },
    { id: 'cycle-2', priority: 'therapy-in-progress', quantity: 4, arrival: 3 },
  ];

  it('serves therapy under way first, then new therapy, then diagnostics; the edge gets the rest', () => {
    const a = allocate(10, claims);
    expect(a.map((x) => [x.id, x.allocated, x.basis])).toEqual([
      ['diag-1', 0, 'none'],
      ['cycle-3', 4, 'full'],
      ['new-1', 2, 'partial'],
      ['cycle-2', 4, 'full'],
    ]);
  });

  it('keeps a person’s adjustment and proposes the rest around it', () => {
    const a = allocate(10, claims, new Map([['diag-1', 3]]));
    expect(a.map((x) => [x.id, x.allocated, x.basis])).toEqual([
      ['diag-1', 3, 'adjusted'],
      ['cycle-3', 3, 'partial'],
      ['new-1', 0, 'none'],
      ['cycle-2', 4, 'full'],
    ]);
    expect(() => allocate(10, claims, new Map([['diag-1', 4]]))).toThrow(/must be 0–3/);
    expect(() => allocate(2, claims, new Map([['diag-1', 3]]))).toThrow(/more than the 2 left/);
    expect(() => allocate(10, claims, new Map([['nobody', 1]]))).toThrow(/no claim nobody/);
  });

  it('never gives more than there is, nor more than a claim asks, and serves priorities in order', () => {
    const claimArb = fc.record({
      priority: fc.constantFrom(...PRIORITIES),
      quantity: fc.integer({ min: 0, max: 20 }),
      arrival: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.array(claimArb, { maxLength: 20 }),
        (available, raw) => {
          const cs = raw.map((c, i) => ({ ...c, id: `c${i}` }));
          const a = allocate(available, cs);
          const total = a.reduce((s, x) => s + x.allocated, 0);
          expect(total).toBeLessThanOrEqual(available);
          for (const x of a) expect(x.allocated).toBeLessThanOrEqual(x.requested);
          // Nothing goes to a lower priority while a higher one is short.
          const rank = (p: string) => PRIORITIES.indexOf(p as never);
          for (const x of a)
            for (const y of a)
              if (rank(x.priority) < rank(y.priority) && y.allocated > 0)
                expect(x.allocated).toBe(x.requested);
          // All of it is used when the claims ask for more.
          const asked = cs.reduce((s, c) => s + c.quantity, 0);
          expect(total).toBe(Math.min(asked, available));
        },
      ),
    );
  });
});
