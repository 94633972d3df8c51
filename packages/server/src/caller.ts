import type { OrganisationKind, Role } from '@halflife/db';

/** Who is asking: resolved from a session cookie or an API token on every request. */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly organisationName: string;
}

const PRODUCER_ROLES: readonly Role[] = [
  'admin',
  'planner',
  'radiopharmacist',
  'qualified_person',
  'analyst',
];

/** Producer-side staff see the whole network they serve. */
export function seesWholeNetwork(caller: Caller): boolean {
  return caller.organisationKind === 'producer' && PRODUCER_ROLES.includes(caller.role);
}

/** Who may accept or reject orders, and re-plan. */
export function plansOrders(caller: Caller): boolean {
  return (
    caller.organisationKind === 'producer' && (caller.role === 'planner' || caller.role === 'admin')
  );
}

/** Who may place orders for a hospital. */
export function ordersForHospital(caller: Caller): boolean {
  return caller.organisationKind === 'hospital' && caller.role === 'hospital_orderer';
}

/** Who may record supply: generators, elutions, cyclotron runs and lots. */
export function recordsSupply(caller: Caller): boolean {
  return (
    caller.organisationKind === 'producer' &&
    (caller.role === 'planner' || caller.role === 'radiopharmacist' || caller.role === 'admin')
  );
}
