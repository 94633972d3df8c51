/**
 * The worker pool's tasks (heavy-pool.ts): CPU-bound work that must not hold the server's
 * request thread. Each named export takes and returns plain data (structured clone).
 */
import { summariseCohort, swimmerRows } from '@halflife/clinical';
import { assessOrders, type OrderAssessment, type PlanningInstance } from '@halflife/planner';
import { certificateOfAnalysisPdf } from './documents/certificate-pdf.js';
import type { Certificate } from './documents/certificate.js';
import { doseLabelsPdf, type DoseLabel } from './documents/dose-label.js';
import { shippingPapersPdf } from './documents/shipping-papers-pdf.js';
import type { ShippingPapers } from './documents/shipping-papers.js';
import { decayInventory, type DecayRequest } from './services/decay-service.js';
import { instanceFromRows, type InstanceRows } from './services/network-instance.js';
import type { CohortFigures, CohortTask, OutlookTask } from './heavy-pool.js';
import { outlookFigures } from './services/outlook-figures.js';
import { projectSupply } from './services/outlook-supply.js';
import { cohortCsv, cohortFhirBundle, type ExportTask } from './services/cohort-exports.js';

export function decay(body: DecayRequest) {
  return decayInventory(body);
}

export function assess(instance: PlanningInstance): OrderAssessment[] {
  return assessOrders(instance);
}

export function cohort(task: CohortTask): CohortFigures {
  const summary = summariseCohort(task.members, task.grouping);
  return {
    ...summary,
    groups: [...summary.groups],
    swimmers: task.withSwimmers ? [...swimmerRows(task.members)] : null,
  };
}

export function cohortExport(task: ExportTask): string {
  return task.kind === 'csv' ? cohortCsv(task) : cohortFhirBundle(task);
}

export function outlook(task: OutlookTask) {
  return outlookFigures(task.input, projectSupply(task.records));
}

export function instance(rows: InstanceRows) {
  return instanceFromRows(rows);
}

export async function labels(task: { labels: DoseLabel[]; producedAt: string }) {
  return new Uint8Array(
    await doseLabelsPdf(task.labels, { producedAt: new Date(task.producedAt) }),
  );
}

export async function certificate(task: { certificate: Certificate; producedAt: string }) {
  return new Uint8Array(
    await certificateOfAnalysisPdf(task.certificate, { producedAt: new Date(task.producedAt) }),
  );
}

export async function shippingPapers(task: { papers: ShippingPapers; producedAt: string }) {
  return new Uint8Array(
    await shippingPapersPdf(task.papers, { producedAt: new Date(task.producedAt) }),
  );
}

/**
 * An incoming FHIR resource against the R4 definitions (fhir/fhir-validation.ts), loaded on the
 * first such task so that the pool's other tasks do not wait for Medplum's definitions.
 */
export async function fhirValidate(resource: unknown) {
  const { validateFhirResource } = await import('./fhir/fhir-validation.js');
  return validateFhirResource(resource);
}
