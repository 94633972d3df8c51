import {
  changeRecord,
  getBatchRecord,
  listBatchRecords,
  listQualityAlerts,
  qcHistory,
  recordContent,
  recordContentHash,
  verifiedSignatures,
  type Actor,
  type BatchRecordListRow,
  type BatchRecordSnapshot,
  type ChangeOutcome,
  type Database,
  type DrawSource,
  type NewDraw,
} from '@halflife/db';
import { localDateOf } from '@halflife/domain';
import { CYCLOTRON_TARGETS, GENERATOR_TYPES, parseInstant } from '@halflife/nuclear';
import {
  batchHoldsRefusal,
  checkDispense,
  checkStepEntry,
  current,
  decayedActivity,
  dispensable,
  evaluateRecorded,
  halfLifeIdentity,
  measuredEos,
  MEANING_TEXT,
  nextStep,
  parseQcCsv,
  postReleaseFailures,
  qcTrend,
  recordStatus,
  releaseRefusal,
  signedContent,
  SIGNATURE_MEANINGS,
  specificationFor,
  yieldRatio,
  type QcEvaluation,
  type RecordStatus,
  type SignatureMeaning,
} from '@halflife/ops';
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type {
  BatchDetailSchema,
  BatchListQuerySchema,
  BatchSummarySchema,
  DeviationCreateSchema,
  DispenseSchema,
  HalfLifeSchema,
  QcResultsSchema,
  SignSchema,
  StepSignSchema,
  TrendQuerySchema,
  TrendSchema,
} from '../batch-schemas.js';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { reauthenticate } from './auth-service.js';
import { callerZone } from './working-day-service.js';

/**
 * The production day at a site (issue 13): the worklist, the batch record, QC results, the QP's
 * signatures and dispensing. Every rule is @halflife/ops's; this file reads and writes through the
 * batch-records repository and says what went wrong, naming the field.
 */

export interface BatchDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type Summary = z.infer<typeof BatchSummarySchema>;
type Detail = z.infer<typeof BatchDetailSchema>;
const iso = (d: Date | number) => new Date(d).toISOString();
const MBQ = 1e6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const actorOf = (deps: BatchDeps, caller: Caller): Actor => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

/** An instant with an offset or an IANA zone (as every instant of the API), in epoch ms. */
function epochOf(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const parsed = parseInstant(text);
  return parsed.ok
    ? { ok: true, ms: parsed.value.epochMs }
    : { ok: false, message: parsed.error.message };
}

const invalid = (field: string, message: string): ServiceResult<never> =>
  failure('invalid', `${field}: ${message}`, [{ path: field, message }]);

/** What waits for a QP: complete records, and conditional releases waiting for their last results. */
const RELEASE_QUEUE: readonly RecordStatus[] = ['awaiting-release', 'conditionally-released'];

/** The most records a worklist returns (a day of a large network has a few hundred batches). */
const WORKLIST_LIMIT = 1000;

// ---------------------------------------------------------------------------------------------
// Reading

export async function listBatches(
  deps: BatchDeps,
  caller: Caller,
  query: z.infer<typeof BatchListQuerySchema>,
): Promise<ServiceResult<{ date: string; batches: Summary[] }>> {
  const zone = await callerZone(deps, caller);
  const date = query.date ?? (zone === undefined ? undefined : localDateOf(deps.now(), zone));
  if (date === undefined) return invalid('date', 'no site or hospital gives a time zone for today');
  const queue = query.queue === 'release';
  const rows = await listBatchRecords(deps.db, {
    ...(queue ? {} : { date }),
    siteId: query.siteId,
    statuses: queue
      ? RELEASE_QUEUE.filter((s) => query.status === undefined || s === query.status)
      : query.status === undefined
        ? undefined
        : [query.status],
    limit: WORKLIST_LIMIT,
  });
  return success({ date, batches: rows.map((r) => summaryOf(r, deps.now())) });
}

function summaryOf(
  row: Pick<BatchRecordListRow, 'record' | 'batch'> & { doses: number; deviations: number },
  now: Date,
): Summary {
  const { record, batch } = row;
  const minutesToStart = Math.round((batch.startAt.getTime() - now.getTime()) / 60_000);
  return {
    id: record.id,
    batchNumber: record.batch_number,
    productCode: record.product_code,
    productName: batch.productName,
    nuclide: batch.nuclide,
    siteId: batch.siteId,
    siteName: batch.siteName,
    siteZone: batch.siteZone,
    lineName: batch.lineName,
    planDate: batch.planDate,
    startAt: iso(batch.startAt),
    eosAt: iso(batch.eosAt),
    releaseAt: iso(batch.releaseAt),
    expectedEosBq: batch.expectedEosBq,
    status: record.status,
    minutesToStart,
    late: lateness(record.status, batch, now),
    doses: row.doses,
    deviations: row.deviations,
  };
}

/** What is late, in words: a batch not started at its start, or not released at its release time. */
function lateness(
  status: RecordStatus,
  batch: { startAt: Date; releaseAt: Date },
  now: Date,
): string | null {
  const minutes = (since: Date) => Math.round((now.getTime() - since.getTime()) / 60_000);
  if (status === 'open' && now > batch.startAt) {
    return `not started, ${minutes(batch.startAt)} min after the planned start`;
  }
  if (
    (status === 'open' || status === 'in-production' || status === 'awaiting-release') &&
    now > batch.releaseAt
  ) {
    return `not released, ${minutes(batch.releaseAt)} min after the planned release`;
  }
  return null;
}

export async function batchDetail(deps: BatchDeps, id: string): Promise<ServiceResult<Detail>> {
  const snapshot = await getBatchRecord(deps.db, id);
  if (!snapshot) return failure('not-found', `batch record ${id} not found`);
  return success(detailOf(snapshot, deps.now()));
}

/** The QC evaluation of a record's current results. */
const qcOf = (snapshot: BatchRecordSnapshot): QcEvaluation =>
  evaluateRecorded(snapshot.record.specification, snapshot.results);

function releaseFacts(snapshot: BatchRecordSnapshot) {
  return {
    status: snapshot.record.status,
    qc: qcOf(snapshot),
    deviations: snapshot.deviations,
    signatures: verifiedSignatures(snapshot),
  };
}

function detailOf(snapshot: BatchRecordSnapshot, now: Date): Detail {
  const { record, batch } = snapshot;
  const name = (id: string) => snapshot.people.get(id) ?? id;
  const recipe = record.recipe;
  const live = new Set(current(snapshot.steps).map((e) => e.id));
  const qc = qcOf(snapshot);
  const latest = new Map(current(snapshot.results).map((r) => [r.test, r]));
  const facts = releaseFacts(snapshot);
  const eos = measuredEos(recipe, snapshot.steps);
  return {
    batch: summaryOf(
      { record, batch, doses: snapshot.doses.length, deviations: snapshot.deviations.length },
      now,
    ),
    voided: record.voided_reason,
    inForce: batch.inForce,
    recipe: { version: recipe.version, source: recipe.source },
    steps: recipe.steps.map((step) => {
      const entries = snapshot.steps.filter((e) => e.step === step.code);
      return {
        code: step.code,
        name: step.name,
        instruction: step.instruction,
        draws: step.draws ?? null,
        eos: step.eos === true,
        fields: step.fields.map((f) => ({ ...f })),
        entries: entries.map((e) => ({
          id: e.id,
          values: { ...e.values },
          signedBy: name(e.signedBy),
          signedAt: iso(e.signedAt),
          supersedes: e.supersedes,
          reason: e.reason,
          current: live.has(e.id),
        })),
        materials: snapshot.draws
          .filter((d) => d.step === step.code)
          .map((d) => ({ id: d.id, kind: d.kind, source: d.source, activityBq: d.activityBq })),
      };
    }),
    nextStep: nextStep(recipe, snapshot.steps)?.code ?? null,
    eos:
      eos === undefined
        ? null
        : {
            activityBq: eos.activityBq,
            volumeMl: eos.volumeMl,
            yield: yieldRatio(eos.activityBq, batch.expectedEosBq) ?? null,
          },
    deviations: snapshot.deviations.map((d) => ({
      id: d.id,
      step: d.step,
      description: d.description,
      classification: d.classification,
      recordedBy: name(d.recordedBy),
      recordedAt: iso(d.recordedAt),
    })),
    qc: {
      specificationVersion: qc.specificationVersion,
      verdict: qc.verdict,
      notSourced: [...record.specification.notSourced],
      tests: qc.tests.map((t) => {
        const spec = record.specification.tests.find((s) => s.code === t.code)!;
        const entered = latest.get(t.code);
        return {
          ...t,
          unit: spec.kind === 'pass-fail' ? '' : spec.unit,
          kind: spec.kind,
          basis: spec.basis,
          source: spec.source,
          ...(entered === undefined
            ? {}
            : { enteredBy: name(entered.enteredBy), enteredAt: iso(entered.enteredAt) }),
          history: snapshot.results.filter((r) => r.test === t.code).length - (entered ? 1 : 0),
        };
      }),
    },
    signatures: facts.signatures.map((s) => ({
      id: s.id,
      meaning: s.meaning,
      meaningText: MEANING_TEXT[s.meaning],
      printedName: s.printedName,
      signedAt: iso(s.signedAt),
      contentHash: s.contentHash,
      valid: s.valid,
      reason: s.reason,
    })),
    release: {
      'conditional-release': releaseRefusal(facts, 'conditional-release') ?? null,
      'final-release': releaseRefusal(facts, 'final-release') ?? null,
      rejection: releaseRefusal(facts, 'rejection') ?? null,
    },
    meanings: Object.fromEntries(SIGNATURE_MEANINGS.map((m) => [m, MEANING_TEXT[m]])) as Record<
      SignatureMeaning,
      string
    >,
    doses: snapshot.doses.map((d) => ({
      orderId: d.orderId,
      orderStatus: d.orderStatus,
      hospitalId: d.hospitalId,
      hospitalName: d.hospitalName,
      patientRef: d.patientRef,
      orderedBq: d.orderedBq,
      calibrationAt: iso(d.calibrationAt),
      tolerancePct: d.tolerancePct,
      dispensed:
        d.dispensed === null
          ? null
          : {
              ...d.dispensed,
              measuredAt: iso(d.dispensed.measuredAt),
              expiresAt: iso(d.dispensed.expiresAt),
              dispensedAt: iso(d.dispensed.dispensedAt),
              dispensedBy: name(d.dispensed.dispensedBy),
            },
    })),
    alerts: snapshot.alerts.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Changing a record

type Refusal = {
  readonly code: 'invalid' | 'conflict';
  readonly field: string;
  readonly message: string;
};

/** Runs a change on a locked record and maps its outcome to a service result with the new detail. */
async function change(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  body: Parameters<typeof changeRecord<Refusal | null>>[3],
): Promise<ServiceResult<Detail>> {
  const outcome: ChangeOutcome<Refusal | null> = await changeRecord(
    deps.db,
    id,
    actorOf(deps, caller),
    body,
  );
  if (outcome.kind === 'not-found') return failure('not-found', `batch record ${id} not found`);
  if (outcome.kind === 'refused') {
    const r = outcome.value!;
    return r.code === 'invalid'
      ? invalid(r.field, r.message)
      : failure('conflict', `${r.field}: ${r.message}`, [{ path: r.field, message: r.message }]);
  }
  return success(detailOf(outcome.snapshot, deps.now()));
}

const refuse = (code: Refusal['code'], field: string, message: string) => ({
  refused: { code, field, message } as Refusal,
});

/** A record that can take no entries: voided, or rejected. */
function closed(snapshot: BatchRecordSnapshot): string | undefined {
  if (snapshot.record.voided_reason !== null)
    return `the record is void: ${snapshot.record.voided_reason}`;
  if (snapshot.record.status === 'rejected') return 'the batch is rejected';
  return undefined;
}

const statusOf = (after: BatchRecordSnapshot): RecordStatus =>
  recordStatus(
    new Set(current(after.steps).map((e) => e.step)).size,
    after.record.recipe.steps.length,
    after.signatures.map((s) => ({ meaning: s.meaning, valid: true })),
  );

export function signStep(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof StepSignSchema>,
): Promise<ServiceResult<Detail>> {
  return change(deps, caller, id, async (snapshot, writer) => {
    const shut = closed(snapshot);
    if (shut) return refuse('conflict', 'record', shut);
    const checked = checkStepEntry(snapshot.record.recipe, snapshot.steps, input);
    if (!checked.ok) return refuse('invalid', checked.field, checked.message);
    const step = snapshot.record.recipe.steps.find((s) => s.code === input.step)!;
    const draws: NewDraw[] = [];
    for (const [k, d] of input.draws.entries()) {
      const field = `draws[${k}]`;
      if (step.draws !== d.kind) {
        return refuse(
          'invalid',
          `${field}.kind`,
          step.draws === undefined
            ? `step "${step.name}" draws no starting material`
            : `step "${step.name}" draws a ${step.draws}, not a ${d.kind}`,
        );
      }
      if (d.kind === 'kit-lot') {
        draws.push({ kind: d.kind, source: d.source, activityBq: null, at: deps.now() });
        continue;
      }
      if (!UUID.test(d.source)) {
        return refuse('invalid', `${field}.source`, `expected the id of a ${d.kind}`);
      }
      // The step's field activityMBq is the activity drawn (checked above); when a step pools
      // several sources (e.g. two eluates), each names its share, and the shares add up to it.
      const pooled = input.draws.filter((x) => x.kind !== 'kit-lot').length > 1;
      if (pooled && d.activityMBq === undefined) {
        return refuse(
          'invalid',
          `${field}.activityMBq`,
          'with several sources, each names the activity drawn from it',
        );
      }
      const activityBq = (d.activityMBq ?? Number(checked.value.values['activityMBq'])) * MBQ;
      if (!(activityBq > 0)) {
        return refuse('invalid', 'values.activityMBq', 'the activity drawn must be positive');
      }
      const source = await writer.drawSource(d.kind, d.source);
      const problem = drawProblem(source, activityBq, snapshot.batch.siteId, deps.now());
      const at =
        problem?.field === 'activityBq'
          ? pooled
            ? `${field}.activityMBq`
            : 'values.activityMBq'
          : `${field}.${problem?.field}`;
      if (problem) return refuse(problem.code, at, problem.message);
      draws.push({ kind: d.kind, source: d.source, activityBq, at: deps.now() });
    }
    const drawnBq = draws.reduce((sum, d) => sum + (d.activityBq ?? 0), 0);
    const statedBq = Number(checked.value.values['activityMBq']) * MBQ;
    if (
      draws.some((d) => d.activityBq !== null) &&
      Math.abs(drawnBq - statedBq) > statedBq * 1e-3
    ) {
      return refuse(
        'invalid',
        'values.activityMBq',
        `the sources' shares add up to ${(drawnBq / MBQ).toFixed(1)} MBq, not the ${(statedBq / MBQ).toFixed(1)} MBq drawn`,
      );
    }
    const firstSigning = checked.value.supersedes === null;
    if (firstSigning && step.draws !== undefined && draws.length === 0) {
      return refuse(
        'invalid',
        'draws',
        `step "${step.name}" needs the ${step.draws} it draws from`,
      );
    }
    if (!firstSigning && draws.length > 0) {
      return refuse('invalid', 'draws', 'a correction cannot draw starting material again');
    }
    await writer.addStep({
      step: step.code,
      values: checked.value.values,
      supersedes: checked.value.supersedes,
      reason: checked.value.supersedes === null ? null : (input.reason ?? null),
      draws,
    });
    if (snapshot.steps.length === 0) {
      await writer.moveOrders('start_production', `batch ${snapshot.record.batch_number} started`);
    }
    return { done: null, status: statusOf };
  });
}

/** Why `activityBq` cannot be drawn from `source` now, or undefined. */
function drawProblem(
  source: DrawSource | undefined,
  activityBq: number,
  siteId: string,
  now: Date,
): { code: Refusal['code']; field: string; message: string } | undefined {
  if (!source) return { code: 'invalid', field: 'source', message: 'no such supply record' };
  if (source.siteId !== siteId) {
    return { code: 'invalid', field: 'source', message: 'the supply record is of another site' };
  }
  if (source.kind === 'generator-elution' && source.drawn.length > 0) {
    return { code: 'conflict', field: 'source', message: 'this eluate went into another batch' };
  }
  if (source.expiresAt !== null && now > source.expiresAt) {
    return { code: 'conflict', field: 'source', message: 'the lot has expired' };
  }
  if (source.activityBq === null) {
    return {
      code: 'conflict',
      field: 'source',
      message: 'no activity was measured for this supply record: record it first',
    };
  }
  const nuclide = nuclideOf(source);
  const at = now.getTime();
  const left =
    decayedActivity(nuclide, source.activityBq, source.at.getTime(), at) -
    source.drawn.reduce(
      (sum, d) => sum + decayedActivity(nuclide, d.activityBq, d.at.getTime(), at),
      0,
    );
  if (activityBq > left * (1 + 1e-9)) {
    return {
      code: 'invalid',
      field: 'activityBq',
      message: `${(activityBq / MBQ).toFixed(1)} MBq is more than the ${(Math.max(0, left) / MBQ).toFixed(1)} MBq of ${nuclide} left in it now`,
    };
  }
  return undefined;
}

function nuclideOf(source: DrawSource): string {
  if (source.kind === 'generator-elution') {
    return GENERATOR_TYPES.find((g) => g.id === source.what)?.daughter ?? source.what;
  }
  if (source.kind === 'cyclotron-run') {
    return CYCLOTRON_TARGETS.find((t) => t.id === source.what)?.product ?? source.what;
  }
  return source.what;
}

export function addDeviation(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof DeviationCreateSchema>,
): Promise<ServiceResult<Detail>> {
  return change(deps, caller, id, async (snapshot, writer) => {
    const shut = closed(snapshot);
    if (shut) return refuse('conflict', 'record', shut);
    if (
      input.step !== undefined &&
      !snapshot.record.recipe.steps.some((s) => s.code === input.step)
    ) {
      return refuse('invalid', 'step', `no step "${input.step}" in the master recipe`);
    }
    await writer.addDeviation({
      step: input.step ?? null,
      description: input.description,
      classification: input.classification,
    });
    return { done: null, status: statusOf };
  });
}

export function enterResults(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof QcResultsSchema>,
  source: 'entered' | 'instrument-csv' = 'entered',
): Promise<ServiceResult<Detail>> {
  return change(deps, caller, id, async (snapshot, writer) => {
    const shut = closed(snapshot);
    if (shut) return refuse('conflict', 'record', shut);
    const spec = snapshot.record.specification;
    const latest = new Map(current(snapshot.results).map((r) => [r.test, r]));
    const seen = new Set<string>();
    for (const [k, r] of input.results.entries()) {
      const field = `results[${k}]`;
      const test = spec.tests.find((t) => t.code === r.test);
      if (!test) {
        return refuse(
          'invalid',
          `${field}.test`,
          `no test "${r.test}" in specification v${spec.version} of ${spec.product}`,
        );
      }
      if (seen.has(test.code)) return refuse('invalid', `${field}.test`, 'given twice');
      seen.add(test.code);
      if (test.kind === 'pass-fail' && r.passed === undefined) {
        return refuse('invalid', `${field}.passed`, `${test.name} is an observation: give passed`);
      }
      if (test.kind !== 'pass-fail' && (r.value === undefined || !Number.isFinite(r.value))) {
        return refuse('invalid', `${field}.value`, `${test.name} is measured: give value`);
      }
      const replaces = latest.get(test.code);
      if (replaces !== undefined && input.reason === undefined) {
        return refuse(
          'invalid',
          'reason',
          `${test.name} has a result already: replacing it needs a reason`,
        );
      }
    }
    const before = qcOf(snapshot);
    for (const r of input.results) {
      const replaces = latest.get(r.test);
      await writer.addResult({
        test: r.test,
        value: r.value ?? null,
        passed: r.passed ?? null,
        note: r.note ?? null,
        source,
        supersedes: replaces?.id ?? null,
        reason: replaces === undefined ? null : (input.reason ?? null),
      });
    }
    const after = qcOf(await writer.snapshot());
    const failures = postReleaseFailures(snapshot.record.status, before, after);
    if (failures.length > 0) {
      const what = failures.map((f) => f.reason).join('; ');
      await alertHospitals(
        snapshot,
        writer,
        'post-release-failure',
        `Batch ${snapshot.record.batch_number} (${snapshot.batch.productName}) failed a test after release: ${what}.`,
      );
    }
    return { done: null, status: statusOf };
  });
}

export function importResultsCsv(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  csv: string,
  reason: string | undefined,
): Promise<ServiceResult<Detail>> {
  return getBatchRecord(deps.db, id).then((snapshot) => {
    if (!snapshot) return failure('not-found', `batch record ${id} not found`);
    const parsed = parseQcCsv(csv, snapshot.record.specification);
    if (!parsed.ok) {
      return failure(
        'invalid',
        parsed.errors.map((e) => `line ${e.line}: ${e.field}: ${e.message}`).join('; '),
        parsed.errors.map((e) => ({ path: `line ${e.line}.${e.field}`, message: e.message })),
      );
    }
    return enterResults(
      deps,
      caller,
      id,
      {
        results: parsed.results.map((r) =>
          'value' in r
            ? { test: r.code, value: r.value }
            : { test: r.code, passed: r.passed, ...(r.note ? { note: r.note } : {}) },
        ),
        ...(reason === undefined ? {} : { reason }),
      },
      'instrument-csv',
    );
  });
}

/** Half-life identity from two dose-calibrator readings of the batch's QC sample. */
export async function halfLifeOf(
  deps: BatchDeps,
  id: string,
  input: z.infer<typeof HalfLifeSchema>,
): Promise<
  ServiceResult<{ measuredMinutes: number; referenceMinutes: number; deviation: number }>
> {
  const snapshot = await getBatchRecord(deps.db, id);
  if (!snapshot) return failure('not-found', `batch record ${id} not found`);
  const first = epochOf(input.first.at);
  const second = epochOf(input.second.at);
  if (!first.ok) return invalid('first.at', first.message);
  if (!second.ok) return invalid('second.at', second.message);
  try {
    return success(
      halfLifeIdentity(
        snapshot.batch.nuclide,
        { at: first.ms, activityBq: input.first.activityBq },
        { at: second.ms, activityBq: input.second.activityBq },
      ),
    );
  } catch (e) {
    const message = (e as Error).message;
    const [field, ...rest] = message.split(': ');
    return rest.length > 0 && field === 'second reading'
      ? invalid('second', rest.join(': '))
      : invalid('readings', message);
  }
}

async function alertHospitals(
  snapshot: BatchRecordSnapshot,
  writer: Parameters<Parameters<typeof changeRecord>[3]>[1],
  kind: 'post-release-failure' | 'batch-rejected',
  message: string,
): Promise<void> {
  const byHospital = new Map<string, typeof snapshot.doses>();
  for (const d of snapshot.doses) {
    byHospital.set(d.hospitalId, [...(byHospital.get(d.hospitalId) ?? []), d]);
  }
  for (const [hospitalId, doses] of byHospital) {
    await writer.addAlert({
      hospitalId,
      kind,
      message,
      doses: doses.map((d) => ({
        orderId: d.orderId,
        doseId: d.dispensed?.id ?? null,
        reference: d.patientRef ?? d.orderId,
      })),
    });
  }
}

export async function sign(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof SignSchema>,
  client: string,
): Promise<ServiceResult<Detail>> {
  if (input.meaning === 'rejection' && input.reason === undefined) {
    return invalid('reason', 'a rejection needs a reason');
  }
  const exists = await getBatchRecord(deps.db, id);
  if (!exists) return failure('not-found', `batch record ${id} not found`);
  const facts = releaseFacts(exists);
  const early = releaseRefusal(facts, input.meaning);
  if (early) return failure('conflict', `meaning: ${early}`, [{ path: 'meaning', message: early }]);
  const auth = await reauthenticate(deps, caller, {
    email: input.email,
    password: input.password,
    client,
  });
  if (!auth.ok) return auth;
  return change(deps, caller, id, async (snapshot, writer) => {
    const shut = closed(snapshot);
    if (shut) return refuse('conflict', 'record', shut);
    const refusal = releaseRefusal(releaseFacts(snapshot), input.meaning);
    if (refusal) return refuse('conflict', 'meaning', refusal);
    const covers = snapshot.record.rev;
    await writer.addSignature({
      meaning: input.meaning,
      printedName: caller.displayName,
      covers,
      contentHash: recordContentHash(signedContent(recordContent(snapshot), covers)),
      reason: input.reason ?? null,
    });
    const number = snapshot.record.batch_number;
    if (input.meaning === 'rejection') {
      await writer.moveOrders('lose_batch', `batch ${number} rejected: ${input.reason}`);
      await alertHospitals(
        snapshot,
        writer,
        'batch-rejected',
        `Batch ${number} (${snapshot.batch.productName}) is rejected: ${input.reason}. Its doses are not coming; the planner can re-plan them.`,
      );
    } else {
      await writer.moveOrders(
        'release',
        `batch ${number}: ${input.meaning} by ${caller.displayName}`,
      );
    }
    return { done: null, status: statusOf };
  });
}

export function dispense(
  deps: BatchDeps,
  caller: Caller,
  id: string,
  input: z.infer<typeof DispenseSchema>,
): Promise<ServiceResult<Detail>> {
  return change(deps, caller, id, async (snapshot, writer) => {
    const shut = closed(snapshot);
    if (shut) return refuse('conflict', 'record', shut);
    if (!dispensable(snapshot.record.status)) {
      return refuse('conflict', 'record', 'the batch is not released');
    }
    const broken = verifiedSignatures(snapshot).find((s) => !s.valid);
    if (broken) {
      return refuse(
        'conflict',
        'record',
        'the record changed after the release was signed: the QP must review and sign again',
      );
    }
    const dose = snapshot.doses.find((d) => d.orderId === input.orderId);
    if (!dose) return refuse('invalid', 'orderId', 'no dose of this batch for that order');
    if (dose.dispensed) return refuse('conflict', 'orderId', 'the dose is dispensed already');
    if (dose.orderStatus !== 'released') {
      return refuse('conflict', 'orderId', `the order is ${dose.orderStatus}`);
    }
    const parsed = epochOf(input.measuredAt);
    if (!parsed.ok) return refuse('invalid', 'measuredAt', parsed.message);
    const measuredAt = parsed.ms;
    if (measuredAt > deps.now().getTime() + 5 * 60_000) {
      return refuse('invalid', 'measuredAt', 'is in the future');
    }
    const eos = measuredEos(snapshot.record.recipe, snapshot.steps);
    const check = checkDispense({
      nuclide: snapshot.batch.nuclide,
      measuredBq: input.measuredBq,
      measuredAt,
      volumeMl: input.volumeMl,
      orderedBq: dose.orderedBq,
      calibrationAt: dose.calibrationAt.getTime(),
      tolerancePct: dose.tolerancePct,
      eosAt: eos?.at ?? snapshot.batch.eosAt.getTime(),
      shelfLifeMinutes: snapshot.batch.shelfLifeMinutes,
    });
    if (eos) {
      const drawn = snapshot.doses.flatMap((d) =>
        d.dispensed === null
          ? []
          : [
              {
                measuredBq: d.dispensed.measuredBq,
                measuredAt: d.dispensed.measuredAt.getTime(),
                volumeMl: d.dispensed.volumeMl,
              },
            ],
      );
      const short = batchHoldsRefusal(snapshot.batch.nuclide, eos, drawn, {
        measuredBq: input.measuredBq,
        measuredAt,
        volumeMl: input.volumeMl,
      });
      if (short) return refuse('invalid', short.field, short.message);
    }
    if (check.refusal) return refuse('invalid', check.refusal.field, check.refusal.message);
    await writer.addDispensed({
      orderId: dose.orderId,
      measuredBq: input.measuredBq,
      measuredAt: new Date(measuredAt),
      volumeMl: input.volumeMl,
      container: input.container,
      calibrationBq: check.calibrationBq,
      deviation: check.deviation,
      expiresAt: new Date(check.expiresAt),
    });
    return { done: null, status: (after) => after.record.status };
  });
}

// ---------------------------------------------------------------------------------------------
// Trends and alerts

/** The control chart of one QC test over a product's recent batches. */
export async function trendOf(
  deps: BatchDeps,
  query: z.infer<typeof TrendQuerySchema>,
): Promise<ServiceResult<z.infer<typeof TrendSchema>>> {
  const spec = specificationFor(query.product, deps.now().toISOString().slice(0, 10));
  if (!spec) return invalid('product', `no QC specification for "${query.product}"`);
  const test = spec.tests.find((t) => t.code === query.test);
  if (!test) return invalid('test', `no test "${query.test}" in ${spec.product}'s specification`);
  if (test.kind === 'pass-fail') {
    return invalid('test', `${test.name} is an observation: it has no trend`);
  }
  const history = await qcHistory(deps.db, query.product, query.test, query.limit);
  const chart = qcTrend(
    history.map((h) => ({ batch: h.batchNumber, at: h.at.getTime(), value: h.value })),
    test,
  );
  return success({
    product: spec.product,
    test: test.code,
    name: test.name,
    unit: test.unit,
    points: history.map((h) => ({ batch: h.batchNumber, at: iso(h.at), value: h.value })),
    centre: chart.centre ?? null,
    ucl: chart.ucl ?? null,
    lcl: chart.lcl ?? null,
    specMin: test.kind === 'max' ? null : test.min,
    specMax: test.kind === 'min' ? null : test.max,
    signals: chart.signals.map((x) => ({ batch: x.batch, rule: x.rule })),
  });
}

export async function alertsFor(
  deps: BatchDeps,
  caller: Caller,
  scope: string,
): Promise<ServiceResult<{ alerts: Awaited<ReturnType<typeof listQualityAlerts>> }>> {
  const alerts = await listQualityAlerts(deps.db, {
    ...(scope === 'organisation' ? { organisationId: caller.organisationId } : {}),
    limit: 200,
  });
  return success({ alerts });
}
