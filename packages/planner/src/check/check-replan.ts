import type { DepartedShipment, FixedBatch } from '../instance.js';
import type { Plan } from '../plan.js';
import type { CheckContext } from './check-context.js';
import { formatBq, formatTime } from './format.js';
import { close, instantSeconds, sameSecond } from './instant.js';

/** The plan a re-plan was made from, and the moment of re-planning. */
export interface ReplanBase {
  readonly plan: Plan;
  /** ISO 8601 instant: batches started by it and shipments that left before it are frozen. */
  readonly from: string;
}

/** What cannot change any more at the moment of re-planning. */
interface Frozen {
  readonly from: number;
  /** Where the frozen part comes from, for messages. */
  readonly source: string;
  readonly batches: readonly FixedBatch[];
  readonly shipments: readonly DepartedShipment[];
}

/**
 * Rule 12: a re-plan keeps everything that has started or left. The shipments that left before
 * the moment of re-planning appear under their ids unchanged, carrying exactly their doses (no
 * dose moved on or off); no other shipment leaves before it and no other batch starts before it.
 * The frozen part comes from the base plan when given, else from the instance (`replanFrom`,
 * `departedShipments`; its `fixedBatches` are rule 1's).
 */
export function checkReplan(ctx: CheckContext, base?: ReplanBase): void {
  const frozen = base ? frozenFromBase(ctx, base) : frozenFromInstance(ctx);
  if (!frozen) return;
  const { from, source } = frozen;
  const at = (seconds: number): string => formatTime(seconds, ctx.day);
  checkStartedBatches(ctx, frozen);

  const departed = new Map(frozen.shipments.map((s) => [s.id, s]));
  for (const s of frozen.shipments) {
    const subject = `shipment ${s.id}`;
    const view = ctx.shipments.get(s.id);
    const left = instantSeconds(s.departAt);
    const when = left === undefined ? s.departAt : at(left);
    if (!view) {
      ctx.report(
        'departed-shipment',
        subject,
        `Shipment ${s.id} left at ${when} (${source}) but is missing from the plan.`,
      );
      continue;
    }
    const changes: string[] = [];
    if (view.shipment.lane !== s.lane)
      changes.push(`lane ${view.shipment.lane} instead of ${s.lane}`);
    const arrive = instantSeconds(s.arriveAt);
    if (view.depart !== undefined && left !== undefined && !sameSecond(view.depart, left))
      changes.push(`departs ${at(view.depart)} instead of ${at(left)}`);
    if (view.arrive !== undefined && arrive !== undefined && !sameSecond(view.arrive, arrive))
      changes.push(`arrives ${at(view.arrive)} instead of ${at(arrive)}`);
    if (changes.length > 0)
      ctx.report(
        'departed-shipment',
        subject,
        `Shipment ${s.id} has left; changed: ${changes.join('; ')}.`,
      );

    const carried = new Map(
      ctx.plan.doses.filter((d) => d.shipment === s.id).map((d) => [d.order, d]),
    );
    for (const d of s.doses) {
      const now = carried.get(d.order);
      carried.delete(d.order);
      const where = ctx.plan.doses.find((p) => p.order === d.order);
      if (!now) {
        ctx.report(
          'departed-shipment',
          `order ${d.order}`,
          `The dose for order ${d.order} left on shipment ${s.id} at ${when}, but the plan has it ` +
            `${where ? `on shipment ${where.shipment}` : 'unserved'}.`,
        );
      } else if (now.batch !== d.batch || !close(now.eosActivityBq, d.eosActivityBq)) {
        ctx.report(
          'departed-shipment',
          `order ${d.order}`,
          `The dose for order ${d.order} left on shipment ${s.id} at ${when} from batch ${d.batch} ` +
            `with ${formatBq(d.eosActivityBq)} at EOS; the plan has batch ${now.batch} and ` +
            `${formatBq(now.eosActivityBq)}.`,
        );
      }
    }
    for (const order of carried.keys()) {
      ctx.report(
        'departed-shipment',
        `order ${order}`,
        `The plan puts order ${order} on shipment ${s.id}, which left at ${when} without it.`,
      );
    }
  }
  for (const view of ctx.shipments.values()) {
    if (departed.has(view.shipment.id) || view.depart === undefined || view.depart >= from)
      continue;
    ctx.report(
      'replan-from',
      view.subject,
      `Shipment ${view.shipment.id} departs at ${at(view.depart)}, before re-planning from ` +
        `${at(from)}, but no such shipment had left (${source}).`,
    );
  }
}

/** Batches the plan starts before the moment of re-planning must be ones that had started. */
function checkStartedBatches(ctx: CheckContext, frozen: Frozen): void {
  const { from, source } = frozen;
  const started = new Set([
    ...frozen.batches.map((b) => b.id),
    ...(ctx.instance.fixedBatches ?? []).map((b) => b.id),
  ]);
  for (const b of frozen.batches) {
    if (lost(ctx, frozen, b)) continue;
    const view = ctx.batches.get(b.id);
    const subject = `batch ${b.id}`;
    const start = instantSeconds(b.startAt) ?? NaN;
    if (!view) {
      ctx.report(
        'departed-shipment',
        subject,
        `Batch ${b.id} started at ${formatTime(start, ctx.day)} (${source}) but is missing from the plan.`,
      );
      continue;
    }
    const p = view.batch;
    const changes: string[] = [];
    if (p.site !== b.site || p.line !== b.line)
      changes.push(`line ${p.site}/${p.line} instead of ${b.site}/${b.line}`);
    if (p.product !== b.product) changes.push(`product ${p.product} instead of ${b.product}`);
    if (view.start !== undefined && !sameSecond(view.start, start))
      changes.push(
        `start ${formatTime(view.start, ctx.day)} instead of ${formatTime(start, ctx.day)}`,
      );
    if (!close(p.eosActivityBq, b.eosActivityBq))
      changes.push(
        `EOS activity ${formatBq(p.eosActivityBq)} instead of ${formatBq(b.eosActivityBq)}`,
      );
    if (changes.length > 0)
      ctx.report(
        'departed-shipment',
        subject,
        `Batch ${b.id} had started; changed: ${changes.join('; ')}.`,
      );
  }
  for (const view of ctx.batches.values()) {
    if (started.has(view.batch.id) || view.start === undefined || view.start >= from) continue;
    ctx.report(
      'replan-from',
      view.subject,
      `Batch ${view.batch.id} starts at ${formatTime(view.start, ctx.day)}, before re-planning from ` +
        `${formatTime(from, ctx.day)}, but had not started (${source}).`,
    );
  }
}

/**
 * A started batch may be lost when an outage of its line meets its synthesis and none of its doses
 * has left; its id may then name a new batch.
 */
function lost(ctx: CheckContext, frozen: Frozen, b: FixedBatch): boolean {
  const product = ctx.products.get(b.product);
  const start = instantSeconds(b.startAt);
  if (!product || start === undefined) return false;
  if (frozen.shipments.some((s) => s.doses.some((d) => d.batch === b.id))) return false;
  const eos = start + product.synthesisMinutes * 60;
  return (ctx.instance.outages ?? []).some((o) => {
    const oFrom = instantSeconds(o.from) ?? Infinity;
    const oTo = o.to === undefined ? Infinity : (instantSeconds(o.to) ?? Infinity);
    return o.site === b.site && o.line === b.line && oFrom < eos && start < oTo;
  });
}

function frozenFromInstance(ctx: CheckContext): Frozen | undefined {
  const { replanFrom, departedShipments } = ctx.instance;
  if (replanFrom === undefined) return undefined;
  const from = ctx.time(replanFrom, 'instance', 'replanFrom');
  if (from === undefined) return undefined;
  return { from, source: 'the instance', batches: [], shipments: departedShipments ?? [] };
}

function frozenFromBase(ctx: CheckContext, base: ReplanBase): Frozen | undefined {
  const from = ctx.time(base.from, 'base plan', 're-plan from');
  if (from === undefined) return undefined;
  const source = 'the base plan';
  const shipments = base.plan.shipments
    .filter((s) => (instantSeconds(s.departAt) ?? Infinity) < from)
    .map((s): DepartedShipment => ({
      ...s,
      doses: base.plan.doses.filter((d) => d.shipment === s.id),
    }));
  const batches = base.plan.batches.filter((b) => (instantSeconds(b.startAt) ?? Infinity) <= from);
  return { from, source, batches, shipments };
}
