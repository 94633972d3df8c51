import type { components } from '../api/schema.js';

/** The outlook as the API gives it (GET /api/strategy/outlook). */
export type Outlook = components['schemas']['SupplyOutlook'];
export type OutlookWeek = Outlook['weekly'][number];
export type OutlookAllocation = NonNullable<Outlook['allocation']>;
export type Allocation = components['schemas']['AllocationResult']['allocations'][number];
