import type { Highs } from 'highs';
import type { Candidates } from './candidates.js';
import { groupBy } from './group-by.js';
import type { Network } from './network.js';
import { lagrangianBound, vehiclePricedBound } from './lagrangian-bound.js';
import { optionShares } from './option-bound.js';
import { supplyBound } from './supply-bound.js';
import { greedyPlan } from './greedy.js';
import { insertionPlan } from './insertion.js';
import { improveSelection, searchSeconds } from './local-search.js';
import { bestSelection, selectionObjective, unservablePenalty } from './selection-objective.js';
import { PlanState } from './plan-state.js';
import { solveMilp } from './solve-milp.js';
import { subCandidates } from './sub-candidates.js';

/** Time kept back from the local search at the end for writing the plan. */
const POLISH_MARGIN_MS = 300;
/**
 * The most of the plan's time limit each Lagrangian bound may take: the orders' prices after the
 * join, then the vehicles' after the search (each stops sooner once its steps no longer raise it;
 * on tier M 0.3–0.5 s each, on tier L over three days about 6 s for the first; docs/planning.md).
 * The search leaves the second its share, and all the time it does not use itself.
 */
const BOUND_SHARE = 0.1;
/** The second bound's set-up against the first's, at most (measured on tiers M and L: 0.8–1.4). */
const VEHICLE_SETUP_FACTOR = 2;

export interface DecomposeSettings {
  /** Clock reading (ms) by which to finish. */
  readonly deadline: number;
  readonly now: () => number;
  readonly keepBonus?: ReadonlyMap<number, number>;
  readonly onProgress?: (fraction: number, message: string) => void;
}

export interface DecomposeResult {
  readonly chosen: number[];
  readonly lowerBound: number;
}

/**
 * National scale: each order goes to the site where it is cheapest to serve; each site's orders
 * are planned exactly on HiGHS (sites share nothing but hospital licences); orders a site could
 * not fit move to their next-best site and those sites are planned again. The pieces are joined
 * through the same rule checks as the baseline, and the bound is the better of the supply bound
 * and the Lagrangian bound of the whole.
 */
export function decomposedPlan(
  highs: Highs,
  net: Network,
  cands: Candidates,
  settings: DecomposeSettings,
): DecomposeResult {
  const started = settings.now();
  // A good plan of the whole network first; each order's home is the site it has there.
  const shares = optionShares(net, cands);
  const first = bestSelection(net, cands, [
    insertionPlan(net, cands, settings.keepBonus),
    ...(settings.keepBonus ? [] : [greedyPlan(net, cands)]),
  ]);
  // Orders move between sites and batches empty out here, across the whole network; the sites'
  // exact models then work from it.
  settings.onProgress?.(0, 'improving the first plan (local search)');
  const start = improveSelection(net, cands, first, {
    deadline: settings.now() + searchSeconds((settings.deadline - settings.now()) / 1000) * 1000,
    now: settings.now,
    ...(settings.keepBonus ? { keepBonus: settings.keepBonus } : {}),
  }).chosen;
  const startOption = new Map(start.map((i) => [cands.options[i]!.order, i]));
  const siteRank = net.orders.map((order) => {
    const best = new Map<number, number>();
    for (const i of cands.optionsByOrder[order.index] ?? []) {
      const site = cands.slots[cands.options[i]!.slot]!.site;
      const share = shares[i]!;
      if (share < (best.get(site) ?? Infinity)) best.set(site, share);
    }
    const ranked = [...best].sort((a, b) => a[1] - b[1]).map(([site]) => site);
    const first = startOption.get(order.index);
    if (first === undefined) return ranked;
    const site = cands.slots[cands.options[first]!.slot]!.site;
    return [site, ...ranked.filter((s) => s !== site)];
  });
  // Re-planning: an order the previous plan served, in a way that still holds, stays at its site.
  const kept = new Map<number, number>();
  for (const option of settings.keepBonus?.keys() ?? [])
    kept.set(cands.options[option]!.order, option);
  for (const [order, option] of kept) {
    const site = cands.slots[cands.options[option]!.slot]!.site;
    siteRank[order] = [site, ...siteRank[order]!.filter((s) => s !== site)];
  }
  const attempt = net.orders.map(() => 0);
  const home = (order: number): number | undefined => siteRank[order]![attempt[order]!];
  const fixedBySite = groupBy(
    cands.slots.filter((s) => s.fixed),
    (s) => s.site,
  );
  const chosenBySite = new Map<number, number[]>();

  const solveSite = (site: number, budgetSeconds: number): void => {
    const orders = net.orders.filter((o) => home(o.index) === site).map((o) => o.index);
    const optionIndexes = orders.flatMap((o) =>
      (cands.optionsByOrder[o] ?? []).filter(
        (i) => cands.slots[cands.options[i]!.slot]!.site === site,
      ),
    );
    const sub = subCandidates(
      cands,
      optionIndexes,
      net.orders.length,
      (fixedBySite.get(site) ?? []).map((s) => s.index),
    );
    const bonus = settings.keepBonus
      ? new Map(
          sub.original.flatMap((whole, i) => {
            const b = settings.keepBonus!.get(whole);
            return b === undefined ? [] : [[i, b] as const];
          }),
        )
      : undefined;
    const subIndex = new Map(sub.original.map((whole, i) => [whole, i]));
    const subStart = orders.flatMap((o) => {
      const i = subIndex.get(startOption.get(o) ?? -1);
      return i === undefined ? [] : [i];
    });
    const result = solveMilp(highs, net, sub.cands, {
      start: subStart,
      timeLimitSeconds: Math.max(0.2, budgetSeconds),
      relativeGap: 2e-3,
      strong: true,
      ...(bonus ? { keepBonus: bonus } : {}),
    });
    chosenBySite.set(
      site,
      result.chosen.map((i) => sub.original[i]!),
    );
  };

  const remaining = () => (settings.deadline - settings.now()) / 1000;
  // Sites whose orders all keep their previous service keep it as it was; only the others are
  // planned again (after a line failure, usually one site).
  const unsettled = new Set<number>();
  for (const order of net.orders) {
    const site = home(order.index);
    if (site !== undefined && !(settings.keepBonus && kept.has(order.index))) unsettled.add(site);
  }
  if (settings.keepBonus)
    for (const [site, orders] of groupBy(
      net.orders.filter((o) => kept.has(o.index)),
      (o) => home(o.index)!,
    ))
      if (!unsettled.has(site))
        chosenBySite.set(
          site,
          orders.map((o) => kept.get(o.index)!),
        );
  for (const f of net.fixed)
    if (!chosenBySite.has(net.lines[f.line]!.site)) unsettled.add(net.lines[f.line]!.site);
  let sites = [...unsettled].filter((s) => !chosenBySite.has(s));
  if (settings.keepBonus)
    settings.onProgress?.(
      0,
      `re-planning ${sites.length} of ${net.sites.length} sites; ${kept.size} orders keep their service`,
    );
  const total = sites.length;
  for (let round = 0; round < 4 && sites.length > 0; round++) {
    sites.forEach((site, k) => {
      // Out of time: the sites not yet solved keep the first plan's part.
      if (remaining() <= 0) return;
      const budget = (0.85 * remaining()) / (sites.length - k);
      solveSite(site, Math.min(budget, 10));
      settings.onProgress?.(
        round === 0 ? (k + 1) / total : 1,
        `round ${round + 1}: planned site ${k + 1} of ${sites.length}`,
      );
    });
    // Orders a site left out try their next site.
    const served = new Set([...chosenBySite.values()].flat().map((i) => cands.options[i]!.order));
    const moved = new Set<number>();
    for (const order of net.orders) {
      if (served.has(order.index) || home(order.index) === undefined) continue;
      const from = home(order.index)!;
      attempt[order.index]!++;
      const to = home(order.index);
      if (to === undefined) continue;
      moved.add(from);
      moved.add(to);
    }
    if (remaining() < 1) break;
    sites = [...moved];
  }

  // Join the sites' plans under every coupling rule, then fill what is left greedily. A site whose
  // model did better than the first plan brings its choice; otherwise the first plan's stays.
  const state = new PlanState(net, cands);
  for (const i of [...chosenBySite.values()].flat()) state.tryAdd(cands.options[i]!);
  for (const i of start) state.tryAdd(cands.options[i]!);
  const served = new Set(state.chosen.map((i) => cands.options[i]!.order));
  for (const order of net.orders) {
    if (served.has(order.index)) continue;
    const options = [...(cands.optionsByOrder[order.index] ?? [])].sort(
      (a, b) => shares[a]! - shares[b]!,
    );
    for (const i of options) if (state.tryAdd(cands.options[i]!)) break;
  }
  // Moving orders between sites can lose more than it gains: never return worse than the start.
  const joined = bestSelection(net, cands, [state.chosen, start]);
  const unservable = unservablePenalty(net, cands);
  // The supply bound sees isotope running short; the Lagrangian bound, part-full batches.
  settings.onProgress?.(1, 'bounding the cost (Lagrangian relaxation)');
  const lagrangian = lagrangianBound(net, cands, {
    upper: selectionObjective(net, cands, joined) - unservable,
    deadline: Math.min(
      settings.now() + BOUND_SHARE * (settings.deadline - started),
      settings.deadline - POLISH_MARGIN_MS,
    ),
    now: settings.now,
  });
  const lowerBound = Math.max(supplyBound(highs, net, cands), lagrangian.value);
  // The time left goes to the local search on the joined plan, until it is stuck or out of time,
  // less a share kept for the bound with the vehicles priced.
  settings.onProgress?.(1, 'improving the joined plan (local search)');
  const reserved = BOUND_SHARE * (settings.deadline - started);
  const polished = improveSelection(net, cands, joined, {
    deadline: settings.deadline - POLISH_MARGIN_MS - reserved,
    now: settings.now,
    seed: 2,
    ...(settings.keepBonus ? { keepBonus: settings.keepBonus } : {}),
  });
  // Its set-up is not cut short and takes about what the first bound's took, up to twice: with
  // less time left than that (a re-plan of a few seconds over a large network) it is left out.
  const left = settings.deadline - POLISH_MARGIN_MS - settings.now();
  let vehicles = -Infinity;
  if (left >= VEHICLE_SETUP_FACTOR * lagrangian.setupMs) {
    settings.onProgress?.(1, 'bounding the cost with the vehicles priced (Lagrangian relaxation)');
    vehicles = vehiclePricedBound(net, cands, {
      upper: selectionObjective(net, cands, polished.chosen) - unservable,
      deadline: settings.deadline - POLISH_MARGIN_MS,
      now: settings.now,
      orderPrices: lagrangian.prices,
    });
  }
  return { chosen: polished.chosen, lowerBound: Math.max(lowerBound, vehicles) };
}
