import { describe, expect, it } from 'vitest';
import { navFor, screenAt } from './nav.js';

const user = (role: string, kind: string) => ({ role, organisation: { kind } });
const screens = (role: string, kind: string) => navFor(user(role, kind)).map((i) => i.screen);

describe('navigation by role', () => {
  it('shows a planner plans first, then orders, the map, supply and decay', () => {
    expect(screens('planner', 'producer')).toEqual(['plans', 'orders', 'map', 'supply', 'decay']);
  });

  it('shows a radiopharmacist orders and supply, an analyst the map first; neither plans', () => {
    expect(screens('radiopharmacist', 'producer')).toEqual(['orders', 'supply', 'map', 'decay']);
    expect(screens('analyst', 'producer')[0]).toBe('map');
    expect(screens('analyst', 'producer')).not.toContain('plans');
  });

  it('shows a hospital orderer their orders, never plans, the map or supply', () => {
    const items = navFor(user('hospital_orderer', 'hospital'));
    expect(items.map((i) => i.screen)).toEqual(['orders', 'decay']);
    expect(screenAt('/plans', items)?.screen).toBe('orders');
    expect(screenAt('/supply', items)?.screen).toBe('orders');
  });

  it('shows a courier, or a role it does not know, the decay calculator only', () => {
    expect(screens('courier', 'courier')).toEqual(['decay']);
    expect(screens('someone_new', 'producer')).toEqual(['decay']);
  });

  it('finds the screen of a path', () => {
    const items = navFor(user('planner', 'producer'));
    expect(screenAt('/decay', items)?.screen).toBe('decay');
    expect(screenAt('/map', items)?.screen).toBe('map');
    expect(screenAt('/', items)?.screen).toBe('plans');
  });
});
