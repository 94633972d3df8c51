import { describe, expect, it } from 'vitest';
import { generateInstance } from '../generate/generate-instance.js';
import { loadSolver } from '../load-solver.js';
import { candidates } from './candidates.js';
import { compileNetwork } from './network.js';
import { optionBound } from './option-bound.js';
import { planNetwork } from './plan-network.js';
import { supplyBound } from './supply-bound.js';

/** The objective's part the bounds speak of: the plan's objective less the unservable penalty. */
async function bounds(tier: 'G' | 'S' | 'M', seed: number, days = 1) {
  const highs = await loadSolver();
  const instance = generateInstance({ tier, seed, date: '2026-12-07', days });
  const net = compileNetwork(instance);
  const cands = candidates(net, { stepMinutes: 30, startsPerLine: 6 });
  const plans = (['greedy', 'auto'] as const).map((method) =>
    planNetwork(highs, instance, { method, timeLimitSeconds: 5, now: () => performance.now() }),
  );
  const best = Math.min(...plans.map((p) => p.summary.objective - p.summary.unservablePenalty));
  return { option: optionBound(net, cands), supply: supplyBound(highs, net, cands), best };
}

describe('supplyBound', () => {
  it('never exceeds a plan and never falls below the option bound', async () => {
    for (const [tier, seed, days] of [
      ['G', 1, 1],
      ['G', 2, 2],
      ['S', 3, 1],
      ['M', 1, 1],
    ] as const) {
      const b = await bounds(tier, seed, days);
      expect(b.supply, `${tier}${seed}`).toBeGreaterThanOrEqual(b.option);
      expect(b.supply, `${tier}${seed}`).toBeLessThanOrEqual(b.best * (1 + 1e-9));
    }
  }, 120_000);

  it('sees the orders a generator-fed region cannot supply', async () => {
    const b = await bounds('G', 1);
    // The option bound lets every servable order be served; the supply cannot: the gap it leaves
    // closes by more than half.
    expect((b.best - b.supply) / (b.best - b.option)).toBeLessThan(0.5);
  }, 120_000);
});
