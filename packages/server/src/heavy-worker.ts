/**
 * The worker pool's tasks (heavy-pool.ts): CPU-bound work that must not hold the server's
 * request thread. Each named export takes and returns plain data (structured clone).
 */
import { summariseCohort, swimmerRows } from '@halflife/clinical';
import { assessOrders, type OrderAssessment, type PlanningInstance } from '@halflife/planner';
import { certificateOfAnalysisPdf } from './documents/certificate-pdf.js';
import { certificateProblems, type Certificate } from './documents/certificate.js';
import type { DocumentLang } from './documents/document-lang.js';
import { doseLabelProblems, doseLabelsPdf, type DoseLabel } from './documents/dose-label.js';
import { shippingPapersPdf } from './documents/shipping-papers-pdf.js';
import { shippingPapersProblems, type ShippingPapers } from './documents/shipping-papers.js';
import { decayInventory, type DecayRequest } from './services/decay-service.js';
import { failure, success, type ServiceResult } from './service-error.js';
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

/** What every document task carries besides its content. */
interface DocumentTask {
  producedAt: string;
  lang: DocumentLang;
}

const documentOptions = (task: DocumentTask) => ({
  producedAt: new Date(task.producedAt),
  lang: task.lang,
});

/*
 * The documents are checked here, beside their drawing: whether every character prints in the
 * document's language needs its font (the Chinese one takes ~0.4 s to load), kept off the
 * request thread.
 */

export async function labels(
  task: DocumentTask & { labels: DoseLabel[] },
): Promise<ServiceResult<Uint8Array>> {
  const problems = doseLabelProblems(task.labels, task.lang);
  if (problems.length > 0) return failure('unprocessable', `labels: ${problems.join('; ')}`);
  return success(new Uint8Array(await doseLabelsPdf(task.labels, documentOptions(task))));
}

export async function certificate(
  task: DocumentTask & { certificate: Certificate },
): Promise<ServiceResult<Uint8Array>> {
  const problems = certificateProblems(task.certificate, task.lang);
  if (problems.length > 0) return failure('unprocessable', `certificate: ${problems.join('; ')}`);
  return success(
    new Uint8Array(await certificateOfAnalysisPdf(task.certificate, documentOptions(task))),
  );
}

export async function shippingPapers(
  task: DocumentTask & { papers: ShippingPapers },
): Promise<ServiceResult<Uint8Array>> {
  const problems = shippingPapersProblems(task.papers, task.lang);
  if (problems.length > 0)
    return failure('conflict', `the papers cannot be made: ${problems.join('; ')}`);
  return success(new Uint8Array(await shippingPapersPdf(task.papers, documentOptions(task))));
}

/**
 * An incoming FHIR resource against the R4 definitions (fhir/fhir-validation.ts), loaded on the
 * first such task so that the pool's other tasks do not wait for Medplum's definitions.
 */
export async function fhirValidate(resource: unknown) {
  const { validateFhirResource } = await import('./fhir/fhir-validation.js');
  return validateFhirResource(resource);
}
