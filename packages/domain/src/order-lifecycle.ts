/**
 * An order's lifecycle, written once: its statuses, the events that move it, and which moves are
 * allowed. The server's accept / reject / cancel, the planner's choice of orders and a committed
 * plan's status changes all ask `transition`. Pure.
 *
 *   submitted ─accept─▶ accepted ─plan─▶ planned ─start_production─▶ in_production ─release─▶
 *   released ─dispatch─▶ dispatched ─deliver─▶ delivered ─administer─▶ administered
 *
 * When a QP rejects the batch that was to make an order's dose (`lose_batch`), the order goes back
 * to `not_planned` with the reason, so that its hospital sees it is not coming and a re-plan can
 * serve it.
 *
 * A plan may take any order still open to planning (`PLANNABLE`); a committed plan that leaves
 * one out makes it `not_planned`, and a later plan can still serve it. Until production starts an
 * order can be cancelled; until it is planned (or when a plan left it out) it can be rejected.
 */

export const ORDER_STATUSES = [
  'submitted',
  'accepted',
  'planned',
  /** The committed plan of its day does not serve it; status_reason says why. */
  'not_planned',
  'in_production',
  'released',
  'dispatched',
  'delivered',
  'administered',
  'cancelled',
  'rejected',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = [
  /** A planner accepts a submitted order. */
  'accept',
  /** A planner refuses the order (with a reason). */
  'reject',
  /** The hospital, or a planner for it, calls the order off. */
  'cancel',
  /** A committed plan serves the order (a re-plan that serves it again keeps it planned). */
  'plan',
  /** A committed plan leaves the order out, or a re-plan releases it back: not planned. */
  'not_plan',
  /** The batch that makes its dose starts. */
  'start_production',
  /** The qualified person releases the batch. */
  'release',
  /** The dose leaves the site. */
  'dispatch',
  /** The dose reaches the hospital. */
  'deliver',
  /** The dose is given to the patient. */
  'administer',
  /** The batch that was to make its dose is rejected: the order is open to planning again. */
  'lose_batch',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

const OPEN: readonly OrderStatus[] = ['submitted', 'accepted', 'planned', 'not_planned'];

/** For each event, the statuses it may start from and the status it leads to. */
const MOVES: Readonly<Record<OrderEvent, { from: readonly OrderStatus[]; to: OrderStatus }>> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted', 'accepted', 'not_planned'], to: 'rejected' },
  cancel: { from: OPEN, to: 'cancelled' },
  plan: { from: OPEN, to: 'planned' },
  not_plan: { from: OPEN, to: 'not_planned' },
  start_production: { from: ['planned'], to: 'in_production' },
  release: { from: ['in_production'], to: 'released' },
  dispatch: { from: ['released'], to: 'dispatched' },
  deliver: { from: ['dispatched'], to: 'delivered' },
  administer: { from: ['delivered'], to: 'administered' },
  lose_batch: { from: ['planned', 'in_production', 'released'], to: 'not_planned' },
};

/** How a refusal names the event: "an order that is delivered cannot be cancelled". */
const DONE: Readonly<Record<OrderEvent, string>> = {
  accept: 'accepted',
  reject: 'rejected',
  cancel: 'cancelled',
  plan: 'planned',
  not_plan: 'left out of a plan',
  start_production: 'put into production',
  release: 'released',
  dispatch: 'dispatched',
  deliver: 'delivered',
  administer: 'administered',
  lose_batch: 'released back to planning',
};

export type Transition =
  | { readonly ok: true; readonly status: OrderStatus }
  | { readonly ok: false; readonly reason: string };

/** The status `event` leads to from `status`, or a sentence saying why it may not happen. */
export function transition(status: OrderStatus, event: OrderEvent): Transition {
  const move = MOVES[event];
  return move.from.includes(status)
    ? { ok: true, status: move.to }
    : { ok: false, reason: `an order that is ${status} cannot be ${DONE[event]}` };
}

/** The statuses a plan may take an order from: a new plan re-plans the committed one's orders too. */
export const PLANNABLE: readonly OrderStatus[] = ORDER_STATUSES.filter(
  (s) => transition(s, 'plan').ok,
);

/**
 * Statuses of an order whose dose a batch is making or has released, not yet dispatched: a re-plan
 * keeps such an order on its batch (which stays fixed) and its commit leaves the status as it is.
 */
export const IN_PRODUCTION: readonly OrderStatus[] = ['in_production', 'released'];

/**
 * Statuses a re-plan keeps as they are: the dose is being made, or has left, arrived or been
 * given. Its commit does not move them.
 */
export const KEPT_BY_REPLAN: readonly OrderStatus[] = [
  ...IN_PRODUCTION,
  'dispatched',
  'delivered',
  'administered',
];
