import { seededRng } from '@halflife/domain/demo';
import type { Candidates, DoseOption } from './candidates.js';
import { marginalCost } from './insertion.js';
import type { Network } from './network.js';
import { PlanState } from './plan-state.js';

export interface LocalSearchSettings {
  /** Clock reading (ms) by which to stop. */
  readonly deadline: number;
  readonly now: () => number;
  /** Stop after this many rounds even with time left (tests, reproducible runs). */
  readonly maxRounds?: number;
  readonly seed?: number;
  readonly keepBonus?: ReadonlyMap<number, number>;
}

export interface LocalSearchResult {
  readonly chosen: number[];
  readonly objective: number;
  readonly rounds: number;
  readonly improvements: number;
}

/**
 * The share of a plan's time limit the local search takes before the exact models (at most
 * `mostSeconds`): on tier S it brings the first plan from 8–10% above the optimum to within 1% in
 * under a second; the exact models then start from it (docs/planning.md).
 */
export function searchSeconds(limitSeconds: number, mostSeconds = Infinity): number {
  return Math.min(SEARCH_SHARE * limitSeconds, mostSeconds);
}

const SEARCH_SHARE = 0.4;
/** Rounds without a better plan after which the search stops: a base, and more per order. */
const PATIENCE_ROUNDS = 3000;
const PATIENCE_PER_ORDER = 10;
/**
 * The chance that a round makes room for an unserved order, while a few wait (after a line
 * failure, one or two; where isotope runs short, many wait and room for one is room taken from
 * another, so the rounds go to the costs instead).
 */
const MAKE_ROOM = 0.3;
const FEW_WAITING = 0.02;
/** The chance that the recreate step passes over an option. */
const BLINK = 0.05;

/**
 * Ruin and recreate (large-neighbourhood search) on a selection of options: take out the doses of
 * a batch, of a vehicle, a run of orders close in time at one site, or what stands in the way of
 * a waiting order, and put them and every unserved order back one by one where each adds least,
 * under every coupling rule (`PlanState`). A round is kept when the plan costs no more, or no more
 * than the best plan plus a shrinking threshold, so batches empty out and close, doses gather into
 * fewer vehicles, and unserved orders find room. Pure and seeded: the same start, seed and number
 * of rounds give the same plan. Never returns worse than its start.
 */
export function improveSelection(
  net: Network,
  cands: Candidates,
  start: readonly number[],
  settings: LocalSearchSettings,
): LocalSearchResult {
  const random = seededRng(settings.seed ?? 1);
  const bonus = settings.keepBonus;
  const servable = net.orders
    .filter((o) => (cands.optionsByOrder[o.index]?.length ?? 0) > 0)
    .map((o) => o.index);
  const servablePriority = servable.reduce((sum, o) => sum + net.orders[o]!.spec.priority, 0);
  const state = new PlanState(net, cands);
  for (const i of start) state.tryAdd(cands.options[i]!);
  let bonusSum = bonus ? state.chosen.reduce((sum, i) => sum + (bonus.get(i) ?? 0), 0) : 0;
  const value = () => state.objective(servablePriority) - bonusSum;
  let currentValue = value();
  let best = state.chosen;
  let bestValue = currentValue;
  // Record-to-record travel: a round may cost up to `threshold` more than the best plan — at first
  // what one served order costs on average, shrinking to nothing by the deadline — so that the
  // search can leave a local optimum (measured on tiers S and M: docs/planning.md).
  const servedAtStart = servable.filter((o) => state.serves(o)).length;
  const firstThreshold = state.cost / Math.max(1, servedAtStart);
  const began = settings.now();
  const maxRounds = settings.maxRounds ?? Infinity;
  let rounds = 0;
  let improvements = 0;
  // Rounds without a better plan after which the search stops (a small network needs no minute of
  // polishing).
  const patience = PATIENCE_ROUNDS + PATIENCE_PER_ORDER * servable.length;
  let lastImprovement = 0;
  while (
    rounds < maxRounds &&
    rounds - lastImprovement < patience &&
    settings.now() < settings.deadline
  ) {
    rounds++;
    const waiting = servable.filter((o) => !state.serves(o));
    const out =
      waiting.length > 0 && waiting.length <= FEW_WAITING * servable.length && random() < MAKE_ROOM
        ? makeRoom(cands, state.chosen, waiting[Math.floor(random() * waiting.length)]!, random)
        : ruin(net, cands, state.chosen, random);
    if (out.length === 0) break;
    for (const o of out) {
      state.remove(o);
      bonusSum -= bonus?.get(o.index) ?? 0;
    }
    const again = servable.filter((o) => !state.serves(o));
    // Most important first; among equals in a shuffled order, so that rounds differ.
    const noise = new Map(again.map((o) => [o, random()]));
    again.sort(
      (a, b) =>
        net.orders[b]!.spec.priority - net.orders[a]!.spec.priority ||
        noise.get(a)! - noise.get(b)!,
    );
    const added: DoseOption[] = [];
    for (const order of again) {
      // Sometimes skip an option: otherwise the same order always lands in the same place.
      const ranked = cands.optionsByOrder[order]!.filter(() => random() > BLINK)
        .map((i) => cands.options[i]!)
        .map((o) => ({ o, cost: marginalCost(net, cands, state, o, bonus) }))
        .sort((a, b) => a.cost - b.cost);
      const taken = ranked.find(({ o }) => state.tryAdd(o));
      if (taken) {
        added.push(taken.o);
        bonusSum += bonus?.get(taken.o.index) ?? 0;
      }
    }
    const candidateValue = value();
    const timeLeft = Number.isFinite(settings.deadline)
      ? Math.max(0, (settings.deadline - settings.now()) / (settings.deadline - began))
      : 1;
    const roundsLeft = Number.isFinite(maxRounds) ? 1 - rounds / maxRounds : 1;
    // It also shrinks while no better plan turns up, so that the search ends in descent.
    const stuckLeft = 1 - (rounds - lastImprovement) / patience;
    const threshold = firstThreshold * Math.min(timeLeft, roundsLeft, stuckLeft);
    if (candidateValue <= currentValue + 1e-9 || candidateValue <= bestValue + threshold) {
      currentValue = candidateValue;
      if (candidateValue < bestValue - 1e-6) {
        best = state.chosen;
        bestValue = candidateValue;
        improvements++;
        lastImprovement = rounds;
      }
    } else {
      // Undo the round: what came out goes back exactly where it was (every rule is a packing
      // rule, so the old plan still fits once the new doses are gone).
      for (const o of added) {
        state.remove(o);
        bonusSum -= bonus?.get(o.index) ?? 0;
      }
      for (const o of out) {
        state.tryAdd(o);
        bonusSum += bonus?.get(o.index) ?? 0;
      }
    }
  }
  return { chosen: best, objective: bestValue, rounds, improvements };
}

/**
 * Room for an unserved order: take out what stands in the way of one of its options — the doses
 * of that batch, of that vehicle, and of the batches on the same line that overlap it.
 */
function makeRoom(
  cands: Candidates,
  chosen: readonly number[],
  order: number,
  random: () => number,
): DoseOption[] {
  const own = cands.optionsByOrder[order]!;
  const wanted = cands.options[own[Math.floor(random() * own.length)]!]!;
  const slot = cands.slots[wanted.slot]!;
  return chosen
    .map((i) => cands.options[i]!)
    .filter((o) => {
      if (o.departed) return false;
      if (o.slot === wanted.slot || o.shipmentKey === wanted.shipmentKey) return true;
      const s = cands.slots[o.slot]!;
      return s.line === slot.line && s.start < slot.eos && slot.start < s.eos;
    });
}

/** The orders to take out: a batch's, a vehicle's, or a run of orders close in time at a site. */
function ruin(
  net: Network,
  cands: Candidates,
  chosen: readonly number[],
  random: () => number,
): DoseOption[] {
  const doses = chosen.map((i) => cands.options[i]!).filter((o) => !o.departed);
  if (doses.length === 0) return [];
  const pick = doses[Math.floor(random() * doses.length)]!;
  const removed = new Set<number>();
  const kind = random();
  if (kind < 0.35) {
    // The whole batch, and sometimes a neighbouring one on the same site.
    const slot = cands.slots[pick.slot]!;
    const near = (o: DoseOption) => {
      const s = cands.slots[o.slot]!;
      return (
        o.slot === pick.slot || (s.site === slot.site && Math.abs(s.start - slot.start) <= 120)
      );
    };
    const withNeighbour = random() < 0.5;
    let other: number | undefined;
    for (const o of doses) {
      if (o.slot === pick.slot) removed.add(o.order);
      else if (withNeighbour && near(o) && (other === undefined || other === o.slot)) {
        other = o.slot;
        removed.add(o.order);
      }
    }
  } else if (kind < 0.55) {
    for (const o of doses) if (o.shipmentKey === pick.shipmentKey) removed.add(o.order);
  } else {
    // A run of orders served from the same site, closest in calibration time to one of them.
    const site = cands.slots[pick.slot]!.site;
    const at = net.orders[pick.order]!.calibration;
    const size = 2 + Math.floor(random() * Math.min(12, doses.length));
    doses
      .filter((o) => cands.slots[o.slot]!.site === site)
      .map((o) => ({ order: o.order, d: Math.abs(net.orders[o.order]!.calibration - at) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, size)
      .forEach((o) => removed.add(o.order));
  }
  return doses.filter((o) => removed.has(o.order));
}
