import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from './people.js';

/**
 * Who may do what: the product's one permission matrix (role × action × scope). The server
 * enforces it on every route through one middleware, `/api/auth/session` returns what it allows
 * the caller, and the web app shows exactly that. Services apply the scope; they do not check
 * roles again.
 */

/** Everything a caller can ask of the product, by area. */
export const ACTIONS = [
  /** Whether the service and its database answer: public. */
  'health.check',
  /** Sign in, sign out, ask whether one is signed in: public. */
  'session.open',
  /** Decay and chain calculations: public. */
  'decay.compute',
  /** One's own account: session, password, API tokens. */
  'account.manage',
  /** The products one may order, with their per-patient limits. */
  'products.read',
  'orders.read',
  'orders.place',
  /** Accept or reject a submitted order. */
  'orders.decide',
  'orders.cancel',
  'plans.read',
  /** Plan a date, re-plan, commit. */
  'plans.run',
  'sites.read',
  'hospitals.read',
  /** Add sites, hospitals, lanes and products. */
  'network.edit',
  'map.read',
  'supply.read',
  /** Import a weekly demand history for the supply outlook (issue 16). */
  'demand.import',
  /** Network design: templates, saved scenarios and their designs (issue 16). */
  'design.read',
  /** Save a network-design scenario and solve it. */
  'design.run',
  /** Generators, elutions, cyclotron runs, lots: record, amend, retire. */
  'supply.record',
  /** Batch records, QC results, signatures, labels and certificates: read. */
  'batches.read',
  /** Sign a batch record's steps, draw starting materials, record deviations, dispense doses. */
  'batches.record',
  /** Enter or import QC results. */
  'qc.record',
  /** Release, certify or reject a batch with an electronic signature. */
  'batches.release',
  /** Quality alerts about batches: a hospital's own, or all of them for the producer. */
  'alerts.read',
  /** Shipments with their packages and tracking: the producer's, a hospital's own, a courier's runs. */
  'shipments.read',
  /** Pack doses, measure packages, load a vehicle. */
  'shipments.dispatch',
  /** A courier's run: pick up with a signature, report a delay, deliver. */
  'shipments.carry',
  /** Record a dose received, measured in the hospital's dose calibrator. */
  'doses.receive',
  /** Record a dose given to a patient. */
  'doses.administer',
  /** Waste containers, their contents and release dates. */
  'waste.read',
  /** Open, fill, close and release waste containers. */
  'waste.record',
  /** The regimen and programme catalogue. */
  'regimens.read',
  /** Patients on a pathway with their records: a hospital's own, a study team's study. */
  'patients.read',
  /** Enrol a patient, record PET scans, plan and change therapy, record visits and outcomes. */
  'patients.record',
  /** A cohort's figures: endpoints, curves, comparisons (no patient references). */
  'cohorts.read',
  /** A cohort's patient-level export (CSV, FHIR R4 Bundle), pseudonymous. */
  'cohorts.export',
  /** Hospitals' system interfaces (HL7 v2): facility mappings and the outbox with its dead letters. */
  'interfaces.read',
  /** Map a sending facility to a hospital and its endpoint; retry a dead letter. */
  'interfaces.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * What a permission reaches: `network` everything the producer serves; `organisation` only the
 * caller's own organisation (a hospital's own orders); `study` the studies whose team the caller
 * is on (their patients); `self` the caller's own account.
 */
export const SCOPES = ['network', 'organisation', 'study', 'self', 'public'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who asks: enough of a signed-in caller for the policy. */
export interface Who {
  readonly role: Role;
  readonly organisationKind: OrganisationKind;
}

type Grant = readonly [kind: OrganisationKind, roles: readonly Role[], scope: Scope];

const PRODUCER_STAFF: readonly Role[] = [
  'admin',
  'planner',
  'radiopharmacist',
  'qualified_person',
  'qc_analyst',
  'analyst',
];
/** A hospital's clinical staff: those who see its patients. */
const CLINICIANS: readonly Role[] = ['physician', 'hospital_staff'];
const PLANNERS: readonly Role[] = ['admin', 'planner'];
const SUPPLY_RECORDERS: readonly Role[] = ['admin', 'planner', 'radiopharmacist'];
const HOSPITAL_STAFF: readonly Role[] = ['hospital_orderer', 'hospital_staff'];
/** Anyone signed in, in a scope. */
const everyone = (scope: Scope): readonly Grant[] =>
  ORGANISATION_KINDS.map((kind): Grant => [kind, ROLES, scope]);

/** The matrix. An action not granted to a role is refused (403); `public` needs no sign-in. */
export const POLICY: Readonly<Record<Action, 'public' | readonly Grant[]>> = {
  'health.check': 'public',
  'session.open': 'public',
  'decay.compute': 'public',
  'account.manage': everyone('self'),
  'products.read': everyone('network'),
  'orders.read': [
    ['producer', PRODUCER_STAFF, 'network'],
    ['hospital', HOSPITAL_STAFF, 'organisation'],
  ],
  'orders.place': [
    ['producer', PLANNERS, 'network'],
    ['hospital', ['hospital_orderer'], 'organisation'],
  ],
  'orders.decide': [['producer', PLANNERS, 'network']],
  'orders.cancel': [
    ['producer', PLANNERS, 'network'],
    ['hospital', HOSPITAL_STAFF, 'organisation'],
  ],
  'plans.read': [['producer', PRODUCER_STAFF, 'network']],
  'plans.run': [['producer', PLANNERS, 'network']],
  'sites.read': [['producer', PRODUCER_STAFF, 'network']],
  'hospitals.read': [
    ['producer', PRODUCER_STAFF, 'network'],
    ['hospital', ROLES, 'organisation'],
  ],
  'network.edit': [['producer', ['admin'], 'network']],
  'map.read': [['producer', PRODUCER_STAFF, 'network']],
  'supply.read': [['producer', PRODUCER_STAFF, 'network']],
  // The supply analyst and the planners bring in the history the outlook forecasts from.
  'demand.import': [['producer', ['admin', 'planner', 'analyst'], 'network']],
  // Where the next cyclotron goes is the supply analyst's and the planners' question.
  'design.read': [['producer', ['admin', 'planner', 'analyst'], 'network']],
  'design.run': [['producer', ['admin', 'planner', 'analyst'], 'network']],
  'supply.record': [['producer', SUPPLY_RECORDERS, 'network']],
  // GMP entries are made by the trained person whose job they are (segregation of duties, EU GMP
  // Annex 11 §12 and Part 11 §11.10(g)); an administrator manages the system, not batches.
  'batches.read': [['producer', PRODUCER_STAFF, 'network']],
  'batches.record': [['producer', ['radiopharmacist'], 'network']],
  'qc.record': [['producer', ['qc_analyst'], 'network']],
  'batches.release': [['producer', ['qualified_person'], 'network']],
  'alerts.read': [
    ['producer', PRODUCER_STAFF, 'network'],
    ['hospital', HOSPITAL_STAFF, 'organisation'],
  ],
  'shipments.read': [
    ['producer', PRODUCER_STAFF, 'network'],
    ['hospital', HOSPITAL_STAFF, 'organisation'],
    ['courier', ['courier'], 'self'],
  ],
  'shipments.dispatch': [['producer', ['radiopharmacist'], 'network']],
  'shipments.carry': [['courier', ['courier'], 'self']],
  // Nuclear-medicine staff measure, receive and give doses; orderers only order.
  'doses.receive': [['hospital', ['hospital_staff'], 'organisation']],
  'doses.administer': [['hospital', ['hospital_staff'], 'organisation']],
  'waste.read': [
    ['producer', PRODUCER_STAFF, 'network'],
    ['hospital', HOSPITAL_STAFF, 'organisation'],
  ],
  'waste.record': [
    ['producer', ['radiopharmacist'], 'network'],
    ['hospital', ['hospital_staff'], 'organisation'],
  ],
  'regimens.read': everyone('network'),
  // Patients are seen only by their hospital and their study's team; an analyst sees figures.
  'patients.read': [
    ['hospital', CLINICIANS, 'organisation'],
    ['producer', ['study_team'], 'study'],
  ],
  'patients.record': [['hospital', ['physician'], 'organisation']],
  'cohorts.read': [
    ['producer', ['analyst'], 'network'],
    ['producer', ['study_team'], 'study'],
  ],
  'cohorts.export': [['producer', ['study_team'], 'study']],
  // The interfaces to hospitals' systems are the system's administration.
  'interfaces.read': [['producer', ['admin'], 'network']],
  'interfaces.manage': [['producer', ['admin'], 'network']],
};

/** The scope in which `who` may take `action`, or undefined when the policy refuses it. */
export function permitted(who: Who | undefined, action: Action): Scope | undefined {
  const rule = POLICY[action];
  if (rule === 'public') return 'public';
  if (who === undefined) return undefined;
  const grant = rule.find(
    ([kind, roles]) => kind === who.organisationKind && roles.includes(who.role),
  );
  return grant?.[2];
}

/** Every action `who` may take, with its scope: what `/api/auth/session` tells the web app. */
export function capabilities(who: Who): Partial<Record<Action, Scope>> {
  const out: Partial<Record<Action, Scope>> = {};
  for (const action of ACTIONS) {
    const scope = permitted(who, action);
    if (scope !== undefined) out[action] = scope;
  }
  return out;
}

/** "a hospital orderer", "an administrator": for refusals a person reads. */
export function roleName(role: Role): string {
  const names: Record<Role, string> = {
    admin: 'an administrator',
    planner: 'a planner',
    radiopharmacist: 'a radiopharmacist',
    qualified_person: 'a qualified person',
    qc_analyst: 'a QC analyst',
    hospital_orderer: 'a hospital orderer',
    hospital_staff: "a hospital's staff",
    courier: 'a courier',
    analyst: 'an analyst',
    physician: 'a physician',
    study_team: "a study team's member",
  };
  return names[role];
}

/** What an action is, for refusals: "may not plan" reads "… may not plan, re-plan or commit". */
export const ACTION_TEXT: Readonly<Record<Action, string>> = {
  'health.check': 'check the service',
  'session.open': 'sign in or out',
  'decay.compute': 'compute decay',
  'account.manage': 'manage an account',
  'products.read': 'see the products',
  'orders.read': 'see orders',
  'orders.place': 'place orders',
  'orders.decide': 'accept or reject orders',
  'orders.cancel': 'cancel orders',
  'plans.read': 'see plans',
  'plans.run': 'plan, re-plan or commit',
  'sites.read': 'see the production sites',
  'hospitals.read': 'see hospitals',
  'network.edit': 'change the network',
  'map.read': 'see the network map',
  'supply.read': 'see supply records',
  'demand.import': 'import demand history',
  'design.read': 'see network designs',
  'design.run': 'solve network designs',
  'supply.record': 'record supply',
  'batches.read': 'see batch records',
  'batches.record': 'sign batch records or dispense doses',
  'qc.record': 'enter QC results',
  'batches.release': 'release or reject batches',
  'alerts.read': 'see quality alerts',
  'shipments.read': 'see shipments',
  'shipments.dispatch': 'pack or load shipments',
  'shipments.carry': 'carry shipments',
  'doses.receive': 'receive doses',
  'doses.administer': 'record administrations',
  'waste.read': 'see waste containers',
  'waste.record': 'record waste',
  'regimens.read': 'see the regimens',
  'patients.read': 'see patients',
  'patients.record': 'record a patient’s pathway',
  'cohorts.read': 'see cohort figures',
  'cohorts.export': 'export patient-level cohort data',
  'interfaces.read': 'see the hospital system interfaces',
  'interfaces.manage': 'manage the hospital system interfaces',
};
