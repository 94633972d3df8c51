/**
 * One pool of worker threads (piscina) for the server's CPU-bound requests: decay calculations,
 * order assessments, the network map's reach, cohort statistics, the supply outlook and printed documents (labels, certificates). The request thread only waits for the answer,
 * so /api/health and order creation stay quick while they run. Planning keeps its own worker.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CohortMember, CohortSummary, Grouping, SwimmerRow } from '@halflife/clinical';
import type { OrderAssessment, PlanningInstance } from '@halflife/planner';
import { Piscina } from 'piscina';
import { failure, success, type ServiceResult } from './service-error.js';
import type { Certificate } from './documents/certificate.js';
import type { DocumentLang } from './documents/document-lang.js';
import type { DoseLabel } from './documents/dose-label.js';
import type { ShippingPapers } from './documents/shipping-papers.js';
import type { ExportTask } from './services/cohort-exports.js';
import type { FhirIssue } from './fhir/operation-outcome.js';
import type { DecayRequest, DecayResponse } from './services/decay-service.js';
import type { InstanceRows, NetworkInstance } from './services/network-instance.js';
import type { Outlook, OutlookInput } from './services/outlook-figures.js';
import type { SupplyRecords } from './services/outlook-supply-types.js';

/** The compiled worker beside this module (from the TypeScript sources under test: dist). */
function workerFile(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return fileURLToPath(
    new URL(fromSource ? '../dist/heavy-worker.js' : './heavy-worker.js', import.meta.url),
  );
}

/** Tasks waiting beyond this many are refused (429) rather than queued without bound. */
export const MAX_QUEUED_TASKS = 64;

let pool: Piscina | undefined;
function heavyPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile(),
    // One core stays with the request thread (and the planner's worker).
    maxThreads: Math.max(1, availableParallelism() - 1),
    minThreads: 0,
    idleTimeout: 30_000,
  });
  return pool;
}

/** Runs a task in the pool; a full queue is a 429 "busy", never a 5xx. */
async function run<T>(name: string, input: unknown): Promise<ServiceResult<T>> {
  const tasks = heavyPool();
  if (tasks.queueSize >= MAX_QUEUED_TASKS) {
    return failure('rate-limited', 'the server is busy with heavy requests; try again shortly');
  }
  return success((await tasks.run(input, { name })) as T);
}

export async function decayOffThread(body: DecayRequest): Promise<ServiceResult<DecayResponse>> {
  const result = await run<ServiceResult<DecayResponse>>('decay', body);
  return result.ok ? result.value : result;
}

/** A cohort's endpoints, curves and comparisons (and its swimmer rows, for its team). */
export interface CohortTask {
  readonly members: CohortMember[];
  readonly grouping: Grouping;
  readonly withSwimmers: boolean;
}
export type CohortFigures = CohortSummary & { swimmers: SwimmerRow[] | null };

export function cohortOffThread(task: CohortTask): Promise<ServiceResult<CohortFigures>> {
  return run<CohortFigures>('cohort', task);
}

/** A study's CSV or FHIR export (cohort-exports.ts). */
export function exportOffThread(task: ExportTask): Promise<ServiceResult<string>> {
  return run<string>('cohortExport', task);
}

/** The supply outlook: supply projected from the records, the forecast, the balance (issue 16). */
export interface OutlookTask {
  readonly input: OutlookInput;
  readonly records: SupplyRecords;
}

export function outlookOffThread(task: OutlookTask): Promise<ServiceResult<Outlook>> {
  return run<Outlook>('outlook', task);
}

export function instanceOffThread(rows: InstanceRows): Promise<ServiceResult<NetworkInstance>> {
  return run<NetworkInstance>('instance', rows);
}

export function assessOffThread(
  instance: PlanningInstance,
): Promise<ServiceResult<OrderAssessment[]>> {
  return run<OrderAssessment[]>('assess', instance);
}

/** Checked (every character printable in its language) and drawn in the pool. */
export async function labelsOffThread(task: {
  labels: DoseLabel[];
  producedAt: string;
  lang: DocumentLang;
}): Promise<ServiceResult<Uint8Array>> {
  const result = await run<ServiceResult<Uint8Array>>('labels', task);
  return result.ok ? result.value : result;
}

/** Checked (every character printable in its language) and drawn in the pool. */
export async function certificateOffThread(task: {
  certificate: Certificate;
  producedAt: string;
  lang: DocumentLang;
}): Promise<ServiceResult<Uint8Array>> {
  const result = await run<ServiceResult<Uint8Array>>('certificate', task);
  return result.ok ? result.value : result;
}

/** Checked (every character printable in its language) and drawn in the pool. */
export async function shippingPapersOffThread(task: {
  papers: ShippingPapers;
  producedAt: string;
  lang: DocumentLang;
}): Promise<ServiceResult<Uint8Array>> {
  const result = await run<ServiceResult<Uint8Array>>('shippingPapers', task);
  return result.ok ? result.value : result;
}

/** The problems of an incoming FHIR resource against the R4 definitions (empty: valid). */
export function fhirValidateOffThread(resource: unknown): Promise<ServiceResult<FhirIssue[]>> {
  return run<FhirIssue[]>('fhirValidate', resource);
}

/** Closes the pool's threads (server shutdown). */
export async function closeHeavyPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}
