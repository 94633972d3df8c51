import { decayed, type DrawLedger } from './draw-ledger.js';
import { passingResultsCsv } from './passing-results.js';
import { ROLES, type ActionKind, type SimApi } from './sim-api.js';
import { isoIn, type SimServer } from './sim-server.js';
import { materialFor } from './starting-material.js';
import type { BatchDetail, BatchSummary, DoseView, StepView, TestView } from './sim-types.js';

/**
 * Takes one batch record as far as a goal, doing only what the record lacks: it reads the record
 * (GET /api/batches/{id}) before every action and chooses the next one from what it says, so a
 * run cut off anywhere continues where the server's data stands.
 *
 * Goals, in the order of the day: `pre-eos` (the steps before the EOS step, at the planned start),
 * `record` (every step, at the planned EOS), `release` (pre-release QC, the QP's release, every
 * dose dispensed, at the planned release) and `final` (the post-release results and the QP's final
 * certification, 14 days on).
 */

export type Goal = 'pre-eos' | 'record' | 'release' | 'final';

export interface BatchContext {
  readonly api: SimApi;
  readonly server: SimServer;
  readonly ledger: DrawLedger;
  readonly password: string;
  readonly windowStart: number;
  /** Batches the server refused something for: why; their later phases are skipped. */
  readonly stuck: Map<string, string>;
}

type Action =
  | { readonly kind: 'step'; readonly step: StepView }
  | { readonly kind: 'results'; readonly tests: readonly TestView[] }
  | { readonly kind: 'sign'; readonly meaning: 'conditional-release' | 'final-release' }
  | { readonly kind: 'dispense'; readonly dose: DoseView }
  | { readonly kind: 'blocked'; readonly reason: string };

const KIT_STEP_VALUE = 'kit-lot';
const MAX_ACTIONS = 100;

export async function advance(ctx: BatchContext, batch: BatchSummary, goal: Goal): Promise<void> {
  if (ctx.stuck.has(batch.id)) return;
  for (let k = 0; k < MAX_ACTIONS; k++) {
    const read = await ctx.api.call<BatchDetail>(
      'get record',
      'radiopharmacist',
      'GET',
      `/api/batches/${batch.id}`,
      { batch: batch.batchNumber },
    );
    if (!read.ok) {
      ctx.stuck.set(batch.id, `the record could not be read (${read.status})`);
      return;
    }
    ctx.ledger.observe(read.body);
    const action = nextAction(read.body, goal);
    if (action === undefined) return;
    if (action.kind === 'blocked') {
      console.log(`  ? ${batch.batchNumber}: ${action.reason}`);
      ctx.stuck.set(batch.id, action.reason);
      return;
    }
    const done = await perform(ctx, read.body, action, goal);
    if (!done) {
      ctx.stuck.set(batch.id, `refused: ${action.kind}`);
      return;
    }
  }
  throw new Error(`${batch.batchNumber}: still not done after ${MAX_ACTIONS} actions`);
}

/** What the record needs next to reach the goal, or undefined when it is there. */
export function nextAction(d: BatchDetail, goal: Goal): Action | undefined {
  const status = d.batch.status;
  if (d.voided !== null || status === 'rejected') return undefined;
  const next = d.steps.find((s) => s.code === d.nextStep);
  if (next) {
    const eosIndex = d.steps.findIndex((s) => s.eos);
    if (goal === 'pre-eos' && d.steps.indexOf(next) >= eosIndex) return undefined;
    return { kind: 'step', step: next };
  }
  if (goal === 'pre-eos' || goal === 'record') return undefined;
  const pending = (timing?: TestView['timing']) =>
    d.qc.tests.filter(
      (t) => t.status === 'pending' && (timing === undefined || t.timing === timing),
    );
  if (goal === 'release') {
    const before = pending('before-release');
    if (before.length > 0) return { kind: 'results', tests: before };
    if (status === 'awaiting-release') {
      if (d.release['conditional-release'] === null) {
        return { kind: 'sign', meaning: 'conditional-release' };
      }
      // Every test is before release (e.g. Lu-177 PSMA-617): certify finally at once.
      if (d.release['final-release'] === null) return { kind: 'sign', meaning: 'final-release' };
      return { kind: 'blocked', reason: `not releasable: ${d.release['conditional-release']}` };
    }
    if (status !== 'conditionally-released' && status !== 'released') return undefined;
    const dose = d.doses.find((x) => x.dispensed === null && x.orderStatus === 'released');
    return dose === undefined ? undefined : { kind: 'dispense', dose };
  }
  const after = pending();
  if (after.length > 0) return { kind: 'results', tests: after };
  if (status !== 'conditionally-released') return undefined;
  if (d.release['final-release'] === null) return { kind: 'sign', meaning: 'final-release' };
  return { kind: 'blocked', reason: `not certifiable: ${d.release['final-release']}` };
}

async function perform(
  ctx: BatchContext,
  d: BatchDetail,
  action: Exclude<Action, { kind: 'blocked' }>,
  goal: Goal,
): Promise<boolean> {
  const { api } = ctx;
  const batch = d.batch;
  const path = `/api/batches/${batch.id}`;
  const n = batch.batchNumber;
  switch (action.kind) {
    case 'step': {
      const body = await stepBody(ctx, d, action.step);
      if (body === undefined) return false;
      return (
        await api.call('step sign', 'radiopharmacist', 'POST', `${path}/steps`, {
          json: body,
          batch: n,
        })
      ).ok;
    }
    case 'results': {
      const csv = passingResultsCsv(batch, d.qc.specificationVersion, action.tests);
      const kind: ActionKind = goal === 'final' ? 'final results' : 'qc csv import';
      return (await api.call(kind, 'qc', 'POST', `${path}/qc-results/csv`, { csv, batch: n })).ok;
    }
    case 'sign': {
      const kind: ActionKind = goal === 'final' ? 'final signature' : 'signature';
      const json = {
        meaning: action.meaning,
        password: ctx.password,
        ...(api.qpSignedInSession ? {} : { email: ROLES.qp }),
      };
      const r = await api.call(kind, 'qp', 'POST', `${path}/signatures`, { json, batch: n });
      if (r.ok) api.qpSignedInSession = true;
      return r.ok;
    }
    case 'dispense':
      return (
        await api.call('dispense', 'radiopharmacist', 'POST', `${path}/doses`, {
          json: dispenseBody(ctx, d, action.dose),
          batch: n,
        })
      ).ok;
  }
}

/** The step's values (the middle of each range; the activities drawn and at EOS) and its draws. */
async function stepBody(
  ctx: BatchContext,
  d: BatchDetail,
  step: StepView,
): Promise<
  { step: string; values: Record<string, number | string>; draws: unknown[] } | undefined
> {
  const batch = d.batch;
  const values: Record<string, number | string> = {};
  for (const f of step.fields) {
    values[f.code] =
      f.kind === 'text'
        ? `SIM-${batch.batchNumber}-${f.code}`
        : ((f.min ?? 0) + (f.max ?? 100)) / 2;
  }
  const max = (code: string) => step.fields.find((f) => f.code === code)?.max ?? Infinity;
  const draws: unknown[] = [];
  if (step.draws === KIT_STEP_VALUE) {
    draws.push({ kind: 'kit-lot', source: `KIT-${batch.productCode}-${batch.planDate}` });
  } else if (
    step.draws === 'generator-elution' ||
    step.draws === 'cyclotron-run' ||
    step.draws === 'bulk-lot'
  ) {
    const material = await materialFor(ctx, batch, step.draws, max('activityMBq'));
    if (material === undefined) return undefined;
    if (!(material.activityMBq > 0)) {
      const sources = material.draws.map((x) => x.source).join(', ');
      console.log(`  ? ${batch.batchNumber}: nothing left to draw from ${sources}`);
      return undefined;
    }
    values['activityMBq'] = material.activityMBq;
    draws.push(...material.draws);
  }
  if (step.eos) values['eosActivityMBq'] = eosMBq(ctx, d, max('eosActivityMBq'));
  return { step: step.code, values, draws };
}

/**
 * The EOS activity the operator reads: the plan's expected EOS, but never more than 95% of the
 * activity drawn at the first step (every source pooled), decayed to now (the simulation's assumption).
 */
function eosMBq(ctx: BatchContext, d: BatchDetail, fieldMax: number): number {
  const batch = d.batch;
  let bq = batch.expectedEosBq;
  const first = d.steps.find((s) => s.materials.some((m) => m.activityBq !== null));
  const drawn = first?.materials.reduce((sum, m) => sum + (m.activityBq ?? 0), 0);
  const at = first?.entries[0]?.signedAt;
  if (drawn !== undefined && at !== undefined) {
    bq = Math.min(bq, 0.95 * decayed(batch.nuclide, drawn, Date.parse(at), ctx.server.now()));
  }
  return Math.max(0.001, Math.floor(Math.min(bq / 1e6, fieldMax) * 1000) / 1000);
}

/**
 * Measured now, the activity that decays exactly to the ordered activity at the order's
 * calibration time (the nuclide's half-life from @halflife/nuclear's dataset).
 */
function dispenseBody(ctx: BatchContext, d: BatchDetail, dose: DoseView) {
  const eosStep = d.steps.find((s) => s.eos);
  const eosAt = Date.parse(eosStep?.entries.at(-1)?.signedAt ?? d.batch.eosAt);
  const measuredAt = Math.max(ctx.server.now(), eosAt + 1000);
  return {
    orderId: dose.orderId,
    measuredBq: decayed(
      d.batch.nuclide,
      dose.orderedBq,
      Date.parse(dose.calibrationAt),
      measuredAt,
    ),
    measuredAt: isoIn(measuredAt, d.batch.siteZone),
    volumeMl: 1,
    container: 'syringe',
  };
}
