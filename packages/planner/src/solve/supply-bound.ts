import type { Highs } from 'highs';
import type { Candidates, DoseOption } from './candidates.js';
import { LpBuilder } from './lp-builder.js';
import type { Network } from './network.js';
import { fixedBatchCost, optionBound, optionShares } from './option-bound.js';

/**
 * The option bound (option-bound.ts) made to count isotope supply: a small linear programme in
 * which each order either pays its cheapest share from a source without a supply limit (or its
 * unserved weight), or is served — fractionally — from a site whose supply of the nuclide is
 * limited at the cheapest share it has there. Per limited pool (site and nuclide), the exact
 * model's supply rows hold (rule 7 at a candidate start t: every release by t, decayed to t, less
 * the fixed batches, covers the starting activity of the batches started by t, decayed to t) at
 * the last start of each order there, with each order's least activity over its options there —
 * or none, when one of them starts after t. A plan satisfies every such
 * row, so the programme's optimum never exceeds a plan's cost: a lower bound, never below the
 * option bound, that sees orders the isotope cannot reach as unserved.
 *
 * Returns the option bound when no order draws on limited supply or when HiGHS does not prove
 * the programme optimal.
 */
export function supplyBound(highs: Highs, net: Network, cands: Candidates): number {
  const share = optionShares(net, cands);
  const lp = new LpBuilder();
  const byPool = new Map<string, { column: number; options: DoseOption[] }[]>();
  let bound = fixedBatchCost(net, cands);
  for (const order of net.orders) {
    const options = cands.optionsByOrder[order.index] ?? [];
    if (options.length === 0) continue;
    let free = net.unservedWeight * order.spec.priority;
    const limited = new Map<string, DoseOption[]>();
    for (const i of options) {
      const option = cands.options[i]!;
      const key = poolOf(net, cands, option);
      if (key === undefined) free = Math.min(free, share[i]!);
      else limited.set(key, [...(limited.get(key) ?? []), option]);
    }
    bound += free;
    const columns: number[] = [];
    for (const [key, list] of limited) {
      const cost = Math.min(...list.map((o) => share[o.index]!));
      if (cost >= free) continue;
      const column = lp.column(cost - free, 0, 1, false);
      columns.push(column);
      byPool.set(key, [...(byPool.get(key) ?? []), { column, options: list }]);
    }
    if (columns.length > 1)
      lp.row(
        columns,
        columns.map(() => 1),
        -Infinity,
        1,
      );
  }
  if (lp.columns === 0) return optionBound(net, cands);
  for (const [key, entries] of byPool) poolRows(net, cands, key, entries, lp);

  const model = highs.createModel(lp.model(highs, true));
  try {
    model.options.set({ output_flag: false, time_limit: 30 });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
      return optionBound(net, cands);
    return Math.max(optionBound(net, cands), bound + model.getObjectiveValue());
  } finally {
    model.dispose();
  }
}

/** "site:nuclide" of an option drawing on limited supply; undefined when its source is unlimited. */
function poolOf(net: Network, cands: Candidates, option: DoseOption): string | undefined {
  const slot = cands.slots[option.slot]!;
  if (slot.fixed) return undefined;
  const nuclide = net.products[slot.product]!.spec.nuclide;
  return net.sites[slot.site]!.supply.has(nuclide) ? `${slot.site}:${nuclide}` : undefined;
}

/** Rule 7 of one pool at the last candidate start of each of its orders. */
function poolRows(
  net: Network,
  cands: Candidates,
  key: string,
  entries: readonly { column: number; options: readonly DoseOption[] }[],
  lp: LpBuilder,
): void {
  const site = Number(key.slice(0, key.indexOf(':')));
  const nuclide = key.slice(key.indexOf(':') + 1);
  const releases = net.sites[site]!.supply.get(nuclide) ?? [];
  const slotOf = (o: DoseOption) => cands.slots[o.slot]!;
  const decay = net.products[slotOf(entries[0]!.options[0]!).product]!.decay;
  const yieldOf = (product: number) => net.products[product]!.spec.radiochemicalYield;
  const fixed = cands.slots.filter(
    (s) => s.fixed && s.site === site && net.products[s.product]!.spec.nuclide === nuclide,
  );
  // A row at each order's last start there: from then on the order's whole choice is known.
  const times = new Set<number>();
  for (const e of entries) times.add(Math.max(...e.options.map((o) => slotOf(o).start)));
  for (const t of times) {
    let pool = 0;
    for (const r of releases) if (r.at <= t) pool += r.activityBq * decay.factor(t - r.at);
    for (const s of fixed)
      if (s.start <= t) pool -= (s.capacityBq / yieldOf(s.product)) * decay.factor(t - s.start);
    const columns: number[] = [];
    const values: number[] = [];
    for (const e of entries) {
      if (e.options.some((o) => slotOf(o).start > t)) continue;
      let least = Infinity;
      for (const o of e.options) {
        const s = slotOf(o);
        least = Math.min(least, (o.needBq / yieldOf(s.product)) * decay.factor(t - s.start));
      }
      columns.push(e.column);
      values.push(least);
    }
    const scale = Math.max(...values, 0);
    if (!(scale > 0)) continue;
    lp.row(
      columns,
      values.map((v) => v / scale),
      -Infinity,
      Math.max(0, pool) / scale,
    );
  }
}
