import { capabilities, type Role, type OrganisationKind } from '@halflife/domain';
import { describe, expect, it } from 'vitest';
import { navFor, screenAt } from './nav.js';

const user = (role: Role, kind: OrganisationKind) => ({
  capabilities: capabilities({ role, organisationKind: kind }),
});
const screens = (role: Role, kind: OrganisationKind) =>
  navFor(user(role, kind)).map((i) => i.screen);

describe('navigation from the capabilities the server gives', () => {
  it('shows a planner plans first, then orders, the map, production, dispatch, supply, the outlook, network design, waste and decay', () => {
    expect(screens('planner', 'producer')).toEqual([
      'plans',
      'orders',
      'map',
      'batches',
      'dispatch',
      'supply',
      'outlook',
      'design',
      'waste',
      'decay',
    ]);
    expect(navFor(user('planner', 'producer')).find((i) => i.screen === 'batches')).toEqual({
      screen: 'batches',
      path: '/batches',
    });
  });

  it('shows production first to whoever records batches, enters QC results or releases', () => {
    expect(screens('radiopharmacist', 'producer')).toEqual([
      'batches',
      'plans',
      'orders',
      'map',
      'dispatch',
      'supply',
      'outlook',
      'waste',
      'decay',
    ]);
    expect(screens('radiopharmacist', 'producer')).not.toContain('design');
    expect(screens('qc_analyst', 'producer')[0]).toBe('batches');
    expect(screens('qualified_person', 'producer')[0]).toBe('batches');
    expect(screens('qualified_person', 'producer')).toContain('plans');
  });

  it('shows an analyst the map first, and production and outcomes among the rest', () => {
    expect(screens('analyst', 'producer')).toEqual([
      'map',
      'plans',
      'orders',
      'batches',
      'dispatch',
      'outcomes',
      'supply',
      'outlook',
      'design',
      'waste',
      'decay',
    ]);
  });

  it('shows a hospital its orders, deliveries, alerts and waste, never plans, the map, supply or production', () => {
    const items = navFor(user('hospital_orderer', 'hospital'));
    expect(items.map((i) => i.screen)).toEqual([
      'orders',
      'deliveries',
      'alerts',
      'waste',
      'decay',
    ]);
    expect(screenAt('/plans', items)?.screen).toBe('orders');
    expect(screenAt('/supply', items)?.screen).toBe('orders');
    expect(screenAt('/batches/00000000-0000-4000-8000-000000000001', items)?.screen).toBe('orders');
    // Nuclear-medicine staff receive and give doses: their deliveries come first.
    expect(screens('hospital_staff', 'hospital')).toEqual([
      'deliveries',
      'orders',
      'patients',
      'alerts',
      'waste',
      'decay',
    ]);
  });

  it('shows a physician their patients first; a study team its outcomes, then its patients', () => {
    expect(screens('physician', 'hospital')).toEqual(['patients', 'decay']);
    expect(screens('study_team', 'producer')).toEqual(['outcomes', 'patients', 'decay']);
  });

  it('shows a courier their runs first; a caller with no capabilities the decay calculator only', () => {
    expect(screens('courier', 'courier')).toEqual(['runs', 'decay']);
    expect(navFor({ capabilities: {} }).map((i) => i.screen)).toEqual(['decay']);
  });

  it('finds the screen of a path', () => {
    const items = navFor(user('planner', 'producer'));
    expect(screenAt('/decay', items)?.screen).toBe('decay');
    expect(screenAt('/map', items)?.screen).toBe('map');
    expect(screenAt('/batches/00000000-0000-4000-8000-000000000001', items)?.screen).toBe(
      'batches',
    );
    expect(screenAt('/', items)?.screen).toBe('plans');
  });
});
