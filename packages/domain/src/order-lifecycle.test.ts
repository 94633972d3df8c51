import { describe, expect, it } from 'vitest';
import {
  ORDER_EVENTS,
  ORDER_STATUSES,
  PLANNABLE,
  transition,
  type OrderEvent,
  type OrderStatus,
} from './order-lifecycle.js';

/**
 * The whole machine, written out independently of the code: for each status, where each event
 * leads (a status) or `null` when the event is refused there.
 */
const EXPECTED: Record<OrderStatus, Record<OrderEvent, OrderStatus | null>> = {
  submitted: {
    accept: 'accepted',
    reject: 'rejected',
    cancel: 'cancelled',
    plan: 'planned',
    not_plan: 'not_planned',
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: null,
  },
  accepted: {
    accept: null,
    reject: 'rejected',
    cancel: 'cancelled',
    plan: 'planned',
    not_plan: 'not_planned',
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: null,
  },
  planned: {
    accept: null,
    reject: null,
    cancel: 'cancelled',
    plan: 'planned',
    not_plan: 'not_planned',
    start_production: 'in_production',
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: 'not_planned',
  },
  not_planned: {
    accept: null,
    reject: 'rejected',
    cancel: 'cancelled',
    plan: 'planned',
    not_plan: 'not_planned',
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: null,
  },
  in_production: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: 'released',
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: 'not_planned',
  },
  released: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: null,
    dispatch: 'dispatched',
    deliver: null,
    administer: null,
    lose_batch: 'not_planned',
  },
  dispatched: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: null,
    dispatch: null,
    deliver: 'delivered',
    administer: null,
    lose_batch: null,
  },
  delivered: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: 'administered',
    lose_batch: null,
  },
  administered: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: null,
  },
  cancelled: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: null,
  },
  rejected: {
    accept: null,
    reject: null,
    cancel: null,
    plan: null,
    not_plan: null,
    start_production: null,
    release: null,
    dispatch: null,
    deliver: null,
    administer: null,
    lose_batch: null,
  },
};

const CASES = ORDER_STATUSES.flatMap((status) =>
  ORDER_EVENTS.map((event) => [status, event, EXPECTED[status][event]] as const),
);

describe('the order lifecycle', () => {
  it('covers every status and every event', () => {
    expect(CASES).toHaveLength(ORDER_STATUSES.length * ORDER_EVENTS.length);
    expect(Object.keys(EXPECTED).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it.each(CASES)('%s + %s → %s', (status, event, next) => {
    const result = transition(status, event);
    if (next === null) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.reason).toMatch(new RegExp(`^an order that is ${status} cannot be `));
    } else {
      expect(result).toEqual({ ok: true, status: next });
    }
  });

  it('says in a sentence why an event is refused', () => {
    expect(transition('delivered', 'cancel')).toEqual({
      ok: false,
      reason: 'an order that is delivered cannot be cancelled',
    });
    expect(transition('planned', 'accept')).toEqual({
      ok: false,
      reason: 'an order that is planned cannot be accepted',
    });
    expect(transition('planned', 'reject')).toEqual({
      ok: false,
      reason: 'an order that is planned cannot be rejected',
    });
  });

  it('lets a plan take exactly the orders still open to planning', () => {
    expect([...PLANNABLE].sort()).toEqual(['accepted', 'not_planned', 'planned', 'submitted']);
  });

  it('ends in administered, cancelled or rejected: no event leaves them', () => {
    for (const end of ['administered', 'cancelled', 'rejected'] as const) {
      expect(ORDER_EVENTS.filter((e) => transition(end, e).ok)).toEqual([]);
    }
  });
});
