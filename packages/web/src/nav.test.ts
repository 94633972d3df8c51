import { capabilities, type Role, type OrganisationKind } from '@halflife/domain';
import { describe, expect, it } from 'vitest';
import { navFor, screenAt } from './nav.js';

const user = (role: Role, kind: OrganisationKind) => ({
  capabilities: capabilities({ role, organisationKind: kind }),
});
const screens = (role: Role, kind: OrganisationKind) =>
  navFor(user(role, kind)).map((i) => i.screen);

describe('navigation from the capabilities the server gives', () => {
  it('shows a planner plans first, then orders, the map, supply and decay', () => {
    expect(screens('planner', 'producer')).toEqual(['plans', 'orders', 'map', 'supply', 'decay']);
  });

  it('shows a radiopharmacist supply first and the plans they produce; an analyst the map first', () => {
    expect(screens('radiopharmacist', 'producer')).toEqual([
      'supply',
      'plans',
      'orders',
      'map',
      'decay',
    ]);
    expect(screens('analyst', 'producer')[0]).toBe('map');
    expect(screens('qualified_person', 'producer')).toContain('plans');
  });

  it('shows a hospital orderer their orders, never plans, the map or supply', () => {
    const items = navFor(user('hospital_orderer', 'hospital'));
    expect(items.map((i) => i.screen)).toEqual(['orders', 'decay']);
    expect(screenAt('/plans', items)?.screen).toBe('orders');
    expect(screenAt('/supply', items)?.screen).toBe('orders');
    expect(screens('hospital_staff', 'hospital')).toEqual(['orders', 'decay']);
  });

  it('shows a courier, or a caller with no capabilities, the decay calculator only', () => {
    expect(screens('courier', 'courier')).toEqual(['decay']);
    expect(navFor({ capabilities: {} }).map((i) => i.screen)).toEqual(['decay']);
  });

  it('finds the screen of a path', () => {
    const items = navFor(user('planner', 'producer'));
    expect(screenAt('/decay', items)?.screen).toBe('decay');
    expect(screenAt('/map', items)?.screen).toBe('map');
    expect(screenAt('/', items)?.screen).toBe('plans');
  });
});
