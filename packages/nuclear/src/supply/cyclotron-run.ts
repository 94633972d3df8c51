import type { Dataset, Nuclide } from '../dataset.js';
import { ok } from '../result.js';
import { epochMillis, type EpochMillis } from '../units.js';
import { chainPropagator } from './chain-propagator.js';
import { supplyError, type SupplyResult } from './supply-error.js';
import type { CyclotronTarget } from './supply-data.js';

export interface CyclotronRun {
  readonly target: CyclotronTarget;
  readonly beamCurrentUA: number;
  readonly bombardmentSeconds: number;
  readonly endOfBombardment: EpochMillis;
  /** Processing after EOB: its duration and the fraction of the product it keeps (default none, 1). */
  readonly synthesisSeconds?: number;
  readonly radiochemicalYield?: number;
}

export interface CyclotronRunResult {
  readonly run: CyclotronRun;
  /** 1 − e^(−λ·t_irr) of the produced nuclide, from the decay engine (its decays per atom in t_irr). */
  readonly saturationFactor: number;
  /** Activity of the produced nuclide at EOB: Y_sat · I · (1 − e^(−λ·t)), Bq. */
  readonly eobBq: number;
  readonly endOfSynthesis: EpochMillis;
  /** Activity of the product at the end of synthesis, after decay (and ingrowth, Xe-123 → I-123). */
  readonly productBq: number;
  /** Activity of the product at any time after EOB (before EOS: as if synthesis kept all of it). */
  productAt(t: EpochMillis): number;
}

/** Activity from a cyclotron run, with the target's beam-current and bombardment-time limits. */
export function cyclotronRun(data: Dataset, run: CyclotronRun): SupplyResult<CyclotronRunResult> {
  const { target } = run;
  const maxI = target.maxBeamCurrentUA.value;
  const maxT = target.maxBombardment.value;
  if (!(run.beamCurrentUA > 0 && Number.isFinite(run.beamCurrentUA))) {
    return supplyError(
      'bad-input',
      `beam current: expected a positive number of µA, got ${run.beamCurrentUA}`,
    );
  }
  if (run.beamCurrentUA > maxI) {
    return supplyError(
      'beam-current-limit',
      `${target.id}: beam current ${run.beamCurrentUA} µA is above the target's limit of ${maxI} µA`,
    );
  }
  if (!(run.bombardmentSeconds > 0 && Number.isFinite(run.bombardmentSeconds))) {
    return supplyError(
      'bad-input',
      `bombardment time: expected a positive time, got ${run.bombardmentSeconds} s`,
    );
  }
  if (run.bombardmentSeconds > maxT) {
    return supplyError(
      'bombardment-time-limit',
      `${target.id}: bombardment of ${run.bombardmentSeconds / 3600} h is longer than the target's limit of ${maxT / 3600} h`,
    );
  }
  const rcy = run.radiochemicalYield ?? 1;
  if (!(rcy > 0 && rcy <= 1)) {
    return supplyError(
      'bad-input',
      `radiochemical yield: expected a fraction in (0, 1], got ${rcy}`,
    );
  }
  const synthesis = run.synthesisSeconds ?? 0;
  if (!(synthesis >= 0 && Number.isFinite(synthesis))) {
    return supplyError(
      'bad-input',
      `synthesis time: expected a non-negative time, got ${synthesis} s`,
    );
  }
  const propagator = chainPropagator(data, [target.produced]);
  const p = propagator.index.get(target.produced) as number;
  const q = propagator.index.get(target.product);
  if (q === undefined) {
    return supplyError(
      'unknown-target',
      `${target.id}: ${target.product} does not come from ${target.produced}`,
    );
  }
  const produced = propagator.members[p] as Nuclide;
  const product = propagator.members[q] as Nuclide;
  const saturationFactor = propagator.decayedFraction(p, run.bombardmentSeconds);
  const eobBq = target.saturationYieldBqPerUA.value * run.beamCurrentUA * saturationFactor;
  const eob = new Float64Array(propagator.members.length);
  eob[p] = eobBq / produced.lambda;
  const productAt = (t: EpochMillis): number => {
    const dt = Math.max(0, (t - run.endOfBombardment) / 1000);
    return (propagator.advance(eob, dt)[q] as number) * product.lambda;
  };
  const endOfSynthesis = epochMillis(run.endOfBombardment + synthesis * 1000);
  return ok({
    run,
    saturationFactor,
    eobBq,
    endOfSynthesis,
    productBq: productAt(endOfSynthesis) * rcy,
    productAt,
  });
}
