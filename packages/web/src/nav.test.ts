import { describe, expect, it } from 'vitest';
import { navFor, screenAt } from './nav.js';

const user = (role: string, kind: string) => ({ role, organisation: { kind } });

describe('navigation by role', () => {
  it('shows a planner plans first, then orders and decay', () => {
    expect(navFor(user('planner', 'producer')).map((i) => i.screen)).toEqual([
      'plans',
      'orders',
      'decay',
    ]);
  });

  it('shows a hospital orderer their orders, never plans', () => {
    const items = navFor(user('hospital_orderer', 'hospital'));
    expect(items.map((i) => i.screen)).toEqual(['orders', 'decay']);
    expect(screenAt('/plans', items)?.screen).toBe('orders');
  });

  it('shows a courier the decay calculator only', () => {
    expect(navFor(user('courier', 'courier')).map((i) => i.screen)).toEqual(['decay']);
  });

  it('finds the screen of a path', () => {
    const items = navFor(user('planner', 'producer'));
    expect(screenAt('/decay', items)?.screen).toBe('decay');
    expect(screenAt('/', items)?.screen).toBe('plans');
  });
});
