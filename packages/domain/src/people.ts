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
  | 'analyst'
  /** A hospital's physician: enrols patients, plans their therapy, records their outcomes. */
  | 'physician'
  /** A study's team (at the producer as sponsor): sees the patients of its own studies. */
  | 'study_team';

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
  'physician',
  'study_team',
];

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['producer', 'hospital', 'courier'];
