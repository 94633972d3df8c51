/** Who works in a network: kinds of organisation and the roles of their people. */

export type OrganisationKind = 'producer' | 'hospital' | 'courier';

export type Role =
  | 'admin'
  | 'planner'
  | 'radiopharmacist'
  | 'qualified_person'
  | 'qc_analyst'
  | 'hospital_orderer'
  | 'hospital_staff'
  | 'courier'
  | 'analyst';

export const ROLES: readonly Role[] = [
  'admin',
  'planner',
  'radiopharmacist',
  'qualified_person',
  'qc_analyst',
  'hospital_orderer',
  'hospital_staff',
  'courier',
  'analyst',
];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['producer', 'hospital', 'courier'];
