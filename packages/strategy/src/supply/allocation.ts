/**
 * When an isotope is scarce, who gets it: a proposal by clinical priority that a person can
 * adjust (issue 16). Claims are served in priority order (therapy cycles already under way first,
 * then new therapy, then diagnostics, then the rest), first come first served within a priority;
 * the claim at the edge gets what is left. A person's adjustments (a fixed quantity for a claim)
 * are honoured first, within what is available, and the rest is proposed around them.
 */

export const PRIORITIES = ['therapy-in-progress', 'therapy-new', 'diagnostic', 'other'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Claim {
  readonly id: string;
  readonly priority: Priority;
  /** What the claim needs (doses or Bq: one unit for all claims). */
  readonly quantity: number;
  /** Order of arrival within a priority (e.g. the order's creation time). */
  readonly arrival: number;
}

export interface Allocation {
  readonly id: string;
  readonly priority: Priority;
  readonly requested: number;
  readonly allocated: number;
  /** Why: 'adjusted' by a person, 'full', 'partial' at the edge, or 'none' left. */
  readonly basis: 'adjusted' | 'full' | 'partial' | 'none';
}

export function allocate(
  available: number,
  claims: readonly Claim[],
  adjustments: ReadonlyMap<string, number> = new Map(),
): Allocation[] {
  if (!Number.isFinite(available) || available < 0)
    throw new RangeError(`available: must be a finite number ≥ 0, got ${available}`);
  const ids = new Set<string>();
  for (const c of claims) {
    if (ids.has(c.id)) throw new RangeError(`claims: ${c.id} appears twice`);
    ids.add(c.id);
    if (!Number.isFinite(c.quantity) || c.quantity < 0)
      throw new RangeError(`claims ${c.id}: quantity must be ≥ 0, got ${c.quantity}`);
  }
  let left = available;
  const result = new Map<string, Allocation>();
  for (const [id, quantity] of adjustments) {
    const claim = claims.find((c) => c.id === id);
    if (claim === undefined) throw new RangeError(`adjustments: no claim ${id}`);
    if (!Number.isFinite(quantity) || quantity < 0 || quantity > claim.quantity)
      throw new RangeError(`adjustments ${id}: must be 0–${claim.quantity}, got ${quantity}`);
    if (quantity > left)
      throw new RangeError(
        `adjustments ${id}: ${quantity} is more than the ${left} left to allocate`,
      );
    left -= quantity;
    result.set(id, {
      id,
      priority: claim.priority,
      requested: claim.quantity,
      allocated: quantity,
      basis: 'adjusted',
    });
  }
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  const queue = claims
    .filter((c) => !result.has(c.id))
    .sort(
      (a, b) =>
        rank(a.priority) - rank(b.priority) || a.arrival - b.arrival || a.id.localeCompare(b.id),
    );
  for (const c of queue) {
    const given = Math.min(c.quantity, left);
    left -= given;
    result.set(c.id, {
      id: c.id,
      priority: c.priority,
      requested: c.quantity,
      allocated: given,
      basis: given === c.quantity ? 'full' : given > 0 ? 'partial' : 'none',
    });
  }
  return claims.map((c) => result.get(c.id)!);
}
