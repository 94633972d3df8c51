import { formatInstant } from '../instant.js';
import { epochMillis, type EpochMillis } from '../units.js';
import type { LotModel } from './bulk-lot.js';
import type { CyclotronRunResult } from './cyclotron-run.js';
import type { GeneratorModel } from './generator-model.js';
import type { Nuclide } from '../dataset.js';

/** The planner's supply format (packages/planner SupplySpec), made here without importing it. */
export interface SupplyRelease {
  /** ISO 8601 instant with offset (or zone), readable by parseInstant. */
  readonly at: string;
  readonly activityBq: number;
}

export interface Supply {
  readonly nuclide: string;
  readonly kind: 'lot' | 'generator' | 'cyclotron';
  readonly label: string;
  readonly releases: readonly SupplyRelease[];
}

const iso = (t: EpochMillis, zone: string): string => formatInstant({ epochMs: t, zone });

/**
 * A generator's planned elutions as releases: each elution's predicted daughter activity, in time
 * order, each taking its efficiency and what the earlier planned elutions left on the column.
 */
export function generatorReleases(
  model: GeneratorModel,
  label: string,
  times: readonly EpochMillis[],
  zone = 'Z',
): Supply {
  const d = model.daughterIndex;
  const lambda = (model.propagator.members[d] as Nuclide).lambda;
  const sorted = [...times].sort((a, b) => a - b);
  const releases: SupplyRelease[] = [];
  let at = sorted[0];
  let column = at === undefined ? new Float64Array(0) : model.columnAt(at);
  for (const t of sorted) {
    column = model.propagator.advance(column, (t - (at as number)) / 1000);
    const elution = model.elute(column, model.efficiencyAt(t).value);
    releases.push({ at: iso(t, zone), activityBq: (elution.eluate[d] as number) * lambda });
    column = elution.column;
    at = t;
  }
  return { nuclide: model.state.type.daughter, kind: 'generator', label, releases };
}

/** Cyclotron runs as releases: each run's product at its end of synthesis. */
export function cyclotronReleases(
  runs: readonly CyclotronRunResult[],
  label: string,
  zone = 'Z',
): Supply {
  const nuclide = runs[0]?.run.target.product ?? '';
  return {
    nuclide,
    kind: 'cyclotron',
    label,
    releases: [...runs]
      .sort((a, b) => a.endOfSynthesis - b.endOfSynthesis)
      .map((r) => ({ at: iso(r.endOfSynthesis, zone), activityBq: r.productBq })),
  };
}

/** A lot as one release: its main activity at `availableAt` (default its reference time). */
export function lotReleases(model: LotModel, availableAt?: EpochMillis, zone = 'Z'): Supply {
  const at = availableAt ?? epochMillis(model.lot.referenceAt);
  return {
    nuclide: model.lot.profile.nuclide,
    kind: 'lot',
    label: model.lot.label,
    releases: [{ at: iso(at, zone), activityBq: model.activityAt(at) }],
  };
}
