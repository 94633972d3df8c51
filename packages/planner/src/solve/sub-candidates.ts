import type { Candidates, DoseOption, Slot } from './candidates.js';

/** A part of the candidates (re-indexed), and the way back to the whole. */
export interface SubCandidates {
  readonly cands: Candidates;
  /** Sub option index → option index in the whole. */
  readonly original: readonly number[];
}

/** The candidates restricted to some options (their slots, plus the given fixed slots). */
export function subCandidates(
  whole: Candidates,
  optionIndexes: readonly number[],
  orderCount: number,
  fixedSlots: readonly number[] = [],
): SubCandidates {
  const slotMap = new Map<number, number>();
  const slots: Slot[] = [];
  const mapSlot = (i: number): number => {
    let j = slotMap.get(i);
    if (j === undefined) {
      j = slots.length;
      slotMap.set(i, j);
      slots.push({ ...whole.slots[i]!, index: j });
    }
    return j;
  };
  for (const s of fixedSlots) mapSlot(s);
  const options: DoseOption[] = [];
  const optionsByOrder: number[][] = Array.from({ length: orderCount }, () => []);
  for (const i of optionIndexes) {
    const o = whole.options[i]!;
    const index = options.length;
    options.push({ ...o, index, slot: mapSlot(o.slot) });
    optionsByOrder[o.order]!.push(index);
  }
  return { cands: { slots, options, optionsByOrder }, original: optionIndexes };
}
