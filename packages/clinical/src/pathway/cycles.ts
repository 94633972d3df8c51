import { prescribedActivity, type DoseLevel, type Regimen } from '../regimens/regimen.js';
import { daysBetween, shiftDate } from './local-date.js';

/**
 * A physician's recorded change to a therapy plan. Every change carries a reason. A delay moves its
 * cycle and, since each cycle is counted from the one before, every later cycle; a reduction
 * applies from its cycle on; a stop ends the plan before its cycle.
 */
export type CycleChange =
  | {
      readonly kind: 'delay';
      readonly cycle: number;
      readonly days: number;
      readonly reason: string;
    }
  | { readonly kind: 'reduce'; readonly cycle: number; readonly reason: string }
  | { readonly kind: 'stop'; readonly cycle: number; readonly reason: string };

/** What is known of a cycle already under way: its order, and the day its dose was given. */
export interface CycleFact {
  readonly cycle: number;
  readonly administeredOn: string | null;
}

export interface TherapyPlanInput {
  readonly regimen: Regimen;
  /** The day of the first cycle. */
  readonly firstOn: string;
  /** The dose level chosen when the plan was made (a fixed choice for AcTION-like regimens). */
  readonly level: DoseLevel;
  readonly changes: readonly CycleChange[];
  readonly facts: readonly CycleFact[];
  /** The patient's latest weight, for per-kg regimens. */
  readonly weightKg: number | null;
}

export interface ScheduledCycle {
  readonly cycle: number;
  /** The day the dose is due, and the window around it that needs no reason. */
  readonly dueOn: string;
  readonly earliestOn: string;
  readonly latestOn: string;
  /** Days since the cycle before (its administration if given, else its due day); null for 1. */
  readonly gapDays: number | null;
  readonly level: DoseLevel;
  readonly activityBq: number;
  readonly administeredOn: string | null;
  /** The recorded reasons that shape this cycle (delays and reductions). */
  readonly reasons: readonly string[];
}

export interface CycleSchedule {
  readonly cycles: readonly ScheduledCycle[];
  /** Set when the plan was stopped: before which cycle and why. */
  readonly stopped: { readonly cycle: number; readonly reason: string } | null;
  /** Advice a physician should see, e.g. a delay longer than the label's four weeks. */
  readonly warnings: readonly string[];
}

/** The longest single delay the product accepts, in days (12 weeks; a longer pause is a stop). */
export const MAX_DELAY_DAYS = 84;

/**
 * Why a change cannot be recorded against `regimen` with the cycles given so far, or undefined.
 * A reason is always required; a delay is 1–84 whole days and not on a cycle already given; a
 * reduction needs a reduced dose from the regimen's source.
 */
export function changeRefusal(
  regimen: Regimen,
  change: CycleChange,
  facts: readonly CycleFact[],
): string | undefined {
  if (change.reason.trim() === '') return 'reason: every change to a therapy plan needs a reason';
  if (!Number.isInteger(change.cycle) || change.cycle < 1 || change.cycle > regimen.maxCycles)
    return `cycle: must be 1–${regimen.maxCycles} for ${regimen.name}`;
  const given = facts.find((f) => f.cycle === change.cycle)?.administeredOn ?? null;
  if (given !== null) return `cycle: cycle ${change.cycle} was already given on ${given}`;
  if (
    change.kind === 'delay' &&
    (!Number.isInteger(change.days) || change.days < 1 || change.days > MAX_DELAY_DAYS)
  )
    return `days: a delay is 1–${MAX_DELAY_DAYS} whole days (a longer pause is a stop)`;
  if (change.kind === 'reduce' && regimen.reducedDoseBq === null)
    return `kind: ${regimen.name} has no reduced dose in its source`;
  return undefined;
}

/**
 * The cycles of a therapy plan: cycle 1 on `firstOn`, each later one the regimen's interval after
 * the one before (after the day it was given, once it was), moved by the delays recorded for it;
 * doses from the regimen, reduced from a recorded reduction on, none after a stop. Throws a
 * RangeError when a change would be refused (`changeRefusal`).
 */
export function scheduleCycles(plan: TherapyPlanInput): CycleSchedule {
  const { regimen } = plan;
  for (const change of plan.changes) {
    const refusal = changeRefusal(regimen, change, []);
    if (refusal !== undefined) throw new RangeError(refusal);
  }
  const stop = plan.changes.filter((c) => c.kind === 'stop').sort((a, b) => a.cycle - b.cycle)[0];
  const reducedFrom = Math.min(
    ...plan.changes.filter((c) => c.kind === 'reduce').map((c) => c.cycle),
  );
  const cycles: ScheduledCycle[] = [];
  const warnings: string[] = [];
  let previous: string | null = null;
  const last = stop === undefined ? regimen.maxCycles : stop.cycle - 1;
  for (let cycle = 1; cycle <= last; cycle++) {
    const delays = plan.changes.filter(
      (c): c is Extract<CycleChange, { kind: 'delay' }> => c.kind === 'delay' && c.cycle === cycle,
    );
    const delayDays = delays.reduce((sum, d) => sum + d.days, 0);
    const base = previous === null ? plan.firstOn : shiftDate(previous, regimen.intervalDays);
    const dueOn = shiftDate(base, delayDays);
    if (regimen.longestDelayDays !== null && delayDays > regimen.longestDelayDays)
      warnings.push(
        `Cycle ${cycle} is delayed ${delayDays} days, more than ${regimen.longestDelayDays}: the label advises considering stopping.`,
      );
    const level: DoseLevel = cycle >= reducedFrom ? { kind: 'reduced' } : plan.level;
    const administeredOn = plan.facts.find((f) => f.cycle === cycle)?.administeredOn ?? null;
    const reasons = plan.changes
      .filter((c) => c.cycle === cycle && c.kind !== 'stop')
      .map((c) => c.reason);
    cycles.push({
      cycle,
      dueOn,
      earliestOn: shiftDate(dueOn, -regimen.windowDays),
      latestOn: shiftDate(dueOn, regimen.windowDays),
      gapDays: previous === null ? null : daysBetween(previous, dueOn),
      level,
      activityBq: prescribedActivity(regimen, level, plan.weightKg),
      administeredOn,
      reasons,
    });
    previous = administeredOn ?? dueOn;
  }
  return {
    cycles,
    stopped: stop === undefined ? null : { cycle: stop.cycle, reason: stop.reason },
    warnings,
  };
}

/** A therapy order is placed this many days before its cycle (assumption (demo): time to book isotope and a batch). */
export const ORDER_LEAD_DAYS = 14;

/**
 * The cycles whose orders are due on `today`: not given, not yet ordered, due within the lead
 * time, and the cycle before them given (a cycle's day is only known once the one before was given,
 * so an order is never placed two cycles ahead).
 */
export function cyclesToOrder(
  schedule: CycleSchedule,
  ordered: ReadonlySet<number>,
  today: string,
): readonly ScheduledCycle[] {
  return schedule.cycles.filter((c, i) => {
    if (c.administeredOn !== null || ordered.has(c.cycle)) return false;
    if (daysBetween(today, c.dueOn) > ORDER_LEAD_DAYS) return false;
    const before = schedule.cycles[i - 1];
    return before === undefined || before.administeredOn !== null;
  });
}

/** Whether a cycle keeps the regimen's interval: its gap within the window, or a recorded reason. */
export function keepsInterval(regimen: Regimen, cycle: ScheduledCycle): boolean {
  if (cycle.gapDays === null) return true;
  const off = Math.abs(cycle.gapDays - regimen.intervalDays);
  return off <= regimen.windowDays || cycle.reasons.length > 0;
}
