import type { components } from '../api/schema.js';

/** The manufacturing API's replies, named once for the production screens (types only). */
export type BatchSummary = components['schemas']['BatchSummary'];
export type BatchStatus = components['schemas']['BatchRecordStatus'];
export type BatchDetail = components['schemas']['BatchDetail'];
export type BatchStep = BatchDetail['steps'][number];
export type StepField = BatchStep['fields'][number];
export type StepEntry = BatchStep['entries'][number];
export type QcTest = BatchDetail['qc']['tests'][number];
export type QcVerdict = BatchDetail['qc']['verdict'];
export type Deviation = BatchDetail['deviations'][number];
export type DeviationClass = Deviation['classification'];
export type Signature = BatchDetail['signatures'][number];
export type SignatureMeaning = Signature['meaning'];
export type Dose = BatchDetail['doses'][number];
export type QcTrend = components['schemas']['QcTrend'];
export type QualityAlert = components['schemas']['QualityAlertList']['alerts'][number];
export type DrawKind = components['schemas']['StepSign']['draws'][number]['kind'];
export type Site = components['schemas']['Place'];
