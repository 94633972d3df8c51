import type { components } from '../api/schema.js';

/** A patient's pathway as the API gives and takes it, named once for the patients screen (types only). */
export type PatientDetail = components['schemas']['PatientDetail'];
export type PatientSummary = components['schemas']['PatientSummary'];
export type Stage = PatientSummary['stage'];
export type Therapy = NonNullable<PatientDetail['therapy']>;
export type Cycle = Therapy['cycles'][number];
export type TherapyChangeRecord = Therapy['changes'][number];
export type DoseLevel = Cycle['level'];
export type Regimen = components['schemas']['Regimen'];
export type Catalogue = components['schemas']['TherapyCatalogue'];
export type TheranosticPair = Catalogue['pairs'][number];
export type PetScan = PatientDetail['pets'][number];
export type Visit = PatientDetail['visits'][number];
export type Lesion = components['schemas']['Lesion'];
export type AdverseEvent = components['schemas']['AdverseEvent'];
export type Endpoints = components['schemas']['PatientEndpoints'];
export type Assessment = Endpoints['assessments'][number];
export type BestResponse = Endpoints['bestResponse'];
export type PatientCreate = components['schemas']['PatientCreate'];
export type PetScanCreate = components['schemas']['PetScanCreate'];
export type TherapyStart = components['schemas']['TherapyStart'];
export type TherapyChange = components['schemas']['TherapyChange'];
export type ChangeKind = TherapyChange['kind'];
export type VisitCreate = components['schemas']['VisitCreate'];
export type VitalStatus = components['schemas']['VitalStatus'];
export type CycleOrdering = components['schemas']['CycleOrdering'];
export type PatientListReply = components['schemas']['PatientList'];
