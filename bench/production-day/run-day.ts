import { join } from 'node:path';
import { DEMO_ZONE } from '@halflife/domain/demo';
import { advance, type Goal } from './batch-actions.js';
import {
  administrationAt,
  advanceShipment,
  type ShipmentGoal,
  type ShipmentSummary,
} from './distribution-actions.js';
import { DrawLedger } from './draw-ledger.js';
import { batchEnd, countBy, type BatchEnd } from './end-state.js';
import { latencyRows, type LatencyRow } from './latency.js';
import type { PreparedDay } from './prepare-day.js';
import { ResilientRun } from './resilient-run.js';
import type { Finding } from './sim-api.js';
import { auditVerify } from './sim-database.js';
import type { SimOptions } from './sim-options.js';
import { SimServer, isoIn } from './sim-server.js';
import type { BatchDetail, BatchSummary, PlanSummary } from './sim-types.js';

/**
 * The production day on a prepared database: the server's clock moves through the day in
 * windows — each a restart with HALFLIFE_NOW at the window's instant — and every batch is taken
 * through its phases; a last window 14 days on enters the post-release results and certifies
 * finally; then the end state is read and `halflife audit verify` checks the trail.
 *
 * Each phase of a batch is done in the first window at or after its planned time, never before
 * (planned start → the steps before EOS; planned EOS → the EOS step and the rest of the record;
 * planned release → QC, the QP, the doses). The record's EOS is when its EOS step is signed, and a
 * dose whose order's calibration time falls after the batch's expiry (EOS + shelf life) may not
 * leave: signing the EOS early would refuse doses the plan made on time.
 */

export interface RunFigures {
  readonly label: string;
  readonly database: string;
  readonly date: string;
  readonly plan: Pick<PlanSummary, 'method' | 'orders' | 'served' | 'batches'>;
  readonly prepareSeconds: { readonly seed: number; readonly plan: number };
  readonly windowMinutes: number;
  readonly windows: number;
  /** The production day: from the first window's start to the end state read (and audit verify). */
  readonly wallSeconds: number;
  readonly batches: number;
  readonly doses: { readonly planned: number; readonly dispensed: number };
  readonly successfulCalls: number;
  readonly restarts: {
    readonly windows: number;
    readonly afterKill: number;
    readonly unexpected: number;
  };
  readonly kills: number;
  readonly serverStartSeconds: { readonly mean: number; readonly max: number };
  readonly latency: readonly LatencyRow[];
  readonly endStatus: Record<string, number>;
  readonly qcVerdicts: Record<string, number>;
  /** Batches whose doses, decayed back to the measured EOS, need more than it held. */
  readonly eosShortfalls: readonly {
    readonly batch: string;
    readonly needMBq: number;
    readonly eosMBq: number;
  }[];
  /** After release: shipments by status, doses received by verdict, administered, waste. */
  readonly use: UseFigures;
  readonly findings: readonly Finding[];
  readonly stuck: readonly { readonly batch: string; readonly reason: string }[];
  readonly audit: { readonly exitCode: number; readonly output: string };
}

export interface RunResult {
  readonly figures: RunFigures;
  readonly ends: readonly BatchEnd[];
}

type Phase =
  | {
      readonly batch: BatchSummary;
      readonly goal: Goal;
      readonly planned: number;
      readonly window: number;
    }
  | {
      readonly shipment: ShipmentSummary;
      readonly goal: ShipmentGoal;
      readonly planned: number;
      readonly window: number;
    };

const GOAL_ORDER: readonly (Goal | ShipmentGoal)[] = [
  'pre-eos',
  'record',
  'release',
  'dispatch',
  'arrive',
  'administer',
  'final',
  'close-waste',
];
const nameOf = (p: Phase) => ('batch' in p ? p.batch.batchNumber : p.shipment.key);
const MINUTE = 60_000;
const FINAL_DAYS = 14;

export async function runDay(
  options: SimOptions,
  day: PreparedDay,
  label: string,
  killAfter: readonly number[],
  killDelay: () => number,
): Promise<RunResult> {
  const t0 = Date.now();
  const logFile = join(day.dir, `server-${label.replace(/\W+/g, '-')}.log`);
  const server = new SimServer({
    databaseUrl: day.database.url,
    auditKeyFile: day.auditKeyFile,
    password: options.password,
    demoDate: day.date,
    logFile,
  });
  const run = new ResilientRun(server, options.password, killAfter, killDelay);
  const { api } = run;
  const batches = day.batches;
  const phases = schedule(batches, day.shipments, options.windowMinutes);
  const windows = [...new Set(phases.map((p) => p.window))].sort((a, b) => a - b);
  console.log(
    `\n== ${label}: ${day.database.kind}, ${day.date}: ${batches.length} batches, ${batches.reduce((s, b) => s + b.doses, 0)} doses; ${windows.length} windows of ${options.windowMinutes} min (the last ${FINAL_DAYS} days on); server log ${logFile}`,
  );
  const ledger = new DrawLedger();
  const stuck = new Map<string, string>();
  try {
    for (const [k, window] of windows.entries()) {
      const todo = phases
        .filter((p) => p.window === window)
        .sort(
          (a, b) =>
            a.planned - b.planned ||
            GOAL_ORDER.indexOf(a.goal) - GOAL_ORDER.indexOf(b.goal) ||
            nameOf(a).localeCompare(nameOf(b)),
        );
      const first = todo[0];
      const zone =
        first === undefined
          ? DEMO_ZONE
          : 'batch' in first
            ? first.batch.siteZone
            : first.shipment.siteZone;
      const w0 = Date.now();
      await server.start(window, zone);
      api.newSessions();
      const ctx = { api, server, ledger, password: options.password, windowStart: window, stuck };
      const carry = { api, server, password: options.password, staff: day.staff, stuck };
      for (const p of todo) {
        await run.resilient(() =>
          'batch' in p ? advance(ctx, p.batch, p.goal) : advanceShipment(carry, p.shipment, p.goal),
        );
      }
      const counts = Object.entries(countBy(todo, (p) => p.goal)).map(([g, c]) => `${c} ${g}`);
      console.log(
        `[${k + 1}/${windows.length}] ${isoIn(window, zone)}: ${counts.join(', ')} — ${((Date.now() - w0) / 1000).toFixed(1)} s (server start ${server.startSeconds.at(-1)?.toFixed(1)} s)`,
      );
    }
    const ends: BatchEnd[] = [];
    for (const b of batches) {
      const d = await run.resilient(() =>
        api.call<BatchDetail>('end-state read', 'qp', 'GET', `/api/batches/${b.id}`, {
          batch: b.batchNumber,
        }),
      );
      if (d.ok) ends.push(batchEnd(d.body));
    }
    ends.sort((a, b) => a.number.localeCompare(b.number));
    const use = await useEnd(run, day.shipments);
    await server.stop();
    const audit = auditVerify(day.database.url, day.auditKeyFile);
    const starts = server.startSeconds;
    return {
      ends,
      figures: {
        label,
        database: day.database.kind,
        date: day.date,
        plan: {
          method: day.plan.method,
          orders: day.plan.orders,
          served: day.plan.served,
          batches: day.plan.batches,
        },
        prepareSeconds: day.seconds,
        windowMinutes: options.windowMinutes,
        windows: windows.length,
        wallSeconds: (Date.now() - t0) / 1000,
        batches: batches.length,
        doses: {
          planned: batches.reduce((s, b) => s + b.doses, 0),
          dispensed: ends.reduce(
            (s, e) => s + e.doses.filter((d) => d.calibrationBq !== null).length,
            0,
          ),
        },
        successfulCalls: api.succeeded,
        restarts: {
          windows: windows.length,
          afterKill: run.restartsAfterKill,
          unexpected: run.unexpected,
        },
        kills: server.kills,
        serverStartSeconds: {
          mean: starts.reduce((s, x) => s + x, 0) / starts.length,
          max: Math.max(...starts),
        },
        latency: latencyRows(api.latencies),
        endStatus: countBy(ends, (e) => e.status),
        qcVerdicts: countBy(ends, (e) => e.qcVerdict),
        eosShortfalls: ends.flatMap((e) =>
          e.eosShortfall ? [{ batch: e.number, ...e.eosShortfall }] : [],
        ),
        use,
        findings: api.findings,
        stuck: [...stuck.entries()].map(([id, reason]) => ({
          batch:
            batches.find((b) => b.id === id)?.batchNumber ??
            day.shipments.find((x) => x.id === id)?.key ??
            id,
          reason,
        })),
        audit,
      },
    };
  } finally {
    await server.stop();
  }
}

/**
 * Every batch's and shipment's phases, each in the first window at or after its planned time: a
 * shipment is dispatched at its planned departure, delivered and received at its planned arrival,
 * its doses given once the last is due (its calibration time, or 10 minutes after arrival); the
 * waste containers are closed on the last day.
 */
function schedule(
  batches: readonly BatchSummary[],
  shipments: readonly ShipmentSummary[],
  windowMinutes: number,
): Phase[] {
  const length = windowMinutes * MINUTE;
  const first = Math.min(...batches.map((b) => Date.parse(b.startAt)));
  const origin = Math.floor(first / length) * length;
  const windowOf = (t: number) => origin + Math.ceil((t - origin) / length) * length;
  const lastEos = Math.max(...batches.map((b) => Date.parse(b.eosAt)));
  const final = windowOf(lastEos + FINAL_DAYS * 24 * 60 * MINUTE);
  const batchPhases = batches.flatMap((batch) => {
    const at: [Goal, number][] = [
      ['pre-eos', Date.parse(batch.startAt)],
      ['record', Date.parse(batch.eosAt)],
      ['release', Date.parse(batch.releaseAt)],
      ['final', final],
    ];
    return at.map(([goal, planned]): Phase => ({
      batch,
      goal,
      planned,
      window: windowOf(planned),
    }));
  });
  const shipmentPhases = shipments.flatMap((shipment) => {
    const arrive = Date.parse(shipment.arriveAt);
    const given = administrationAt(shipment.lastCalibrationAt ?? shipment.arriveAt, arrive);
    const at: [ShipmentGoal, number][] = [
      ['dispatch', Date.parse(shipment.departAt)],
      ['arrive', arrive],
      // the residue is measured 5 minutes after; the clock must have passed it
      ['administer', given + 6 * MINUTE],
      ['close-waste', final],
    ];
    return at.map(([goal, planned]): Phase => ({
      shipment,
      goal,
      planned,
      window: windowOf(planned),
    }));
  });
  return [...batchPhases, ...shipmentPhases];
}

export interface UseFigures {
  readonly shipments: Record<string, number>;
  readonly receipts: Record<string, number>;
  readonly administered: number;
  readonly possibleMedicalEvents: number;
  readonly orderStatus: Record<string, number>;
  /** Per order, for comparing two runs: status, receipt verdict, administered Bq (rounded). */
  readonly doses: Record<string, string>;
}

/** The end state after release, read shipment by shipment. */
async function useEnd(
  run: ResilientRun,
  shipments: readonly ShipmentSummary[],
): Promise<UseFigures> {
  const statuses: string[] = [];
  const receipts: string[] = [];
  const orderStatuses: string[] = [];
  const doses: Record<string, string> = {};
  let administered = 0;
  let events = 0;
  for (const s of shipments) {
    const d = await run.resilient(() =>
      run.api.call<{
        shipment: { status: string };
        doses: {
          orderId: string;
          orderStatus: string;
          receipt: { status: string } | null;
          administration: { administeredBq: number; possibleMedicalEvent: boolean } | null;
        }[];
      }>('end-state read', 'radiopharmacist', 'GET', `/api/shipments/${s.id}`),
    );
    if (!d.ok) continue;
    statuses.push(d.body.shipment.status);
    for (const x of d.body.doses) {
      orderStatuses.push(x.orderStatus);
      if (x.receipt) receipts.push(x.receipt.status);
      if (x.administration) administered++;
      if (x.administration?.possibleMedicalEvent) events++;
      doses[x.orderId] =
        `${x.orderStatus} ${x.receipt?.status ?? '-'} ${x.administration ? Math.round(x.administration.administeredBq / 1e3) : '-'}`;
    }
  }
  return {
    shipments: countBy(statuses, (x) => x),
    receipts: countBy(receipts, (x) => x),
    administered,
    possibleMedicalEvents: events,
    orderStatus: countBy(orderStatuses, (x) => x),
    doses,
  };
}
