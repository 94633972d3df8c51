/**
 * The facility-location model of a design scenario, solved with HiGHS (issue 16; documented in
 * docs/network-design.md). A capacitated facility-location MILP with the strong linking
 * constraints (an option's share ≤ the units open at its site) that make its LP bound tight:
 *
 * - units[s,k] (integer): existing units kept and new units of technology k at site s;
 * - share[d,o] ∈ [0,1]: the share of demand d served by option o;
 * - unserved[d] ∈ [0,1], with Σ_o share[d,o] + unserved[d] = 1;
 * - capacity per site, technology and nuclide in starting GBq per week; supply limits per nuclide;
 *   at most N new units of a technology; in the coverage objective, a budget.
 *
 * The caller loads the solver (`loadSolver` in @halflife/planner) and passes it in.
 */
import { LpBuilder, runReporting, type Highs, type MilpProgress } from '@halflife/planner';
import type { DesignScenario } from './design-scenario.js';
import { WEEKS_PER_YEAR } from '../forecast/demo-history.js';
import {
  demandOptions,
  weeklyCost,
  type Demand,
  type DemandOption,
  type LegMode,
} from './reach.js';

export const DEFAULT_DESIGN_GAP = 0.01;
export const DEFAULT_DESIGN_TIME_LIMIT = 60;
export const DEFAULT_REACH_HOURS = 4;
/** Coverage objective: weight of a unit of cost against a unit of unserved weight. */
const COVERAGE_COST_WEIGHT = 1e-6;

/** The solver's report on each better design found. */
export type DesignProgress = MilpProgress;

export type DesignStatus = 'optimal' | 'gap-reached' | 'time-limit' | 'infeasible' | 'failed';

export interface DesignFacility {
  readonly site: string;
  readonly siteName: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly technology: string;
  readonly units: number;
  readonly existingUnits: number;
  readonly newUnits: number;
  /** Share of capacity used, by nuclide. */
  readonly utilisation: Readonly<Record<string, number>>;
}

export interface DesignAssignment {
  readonly hospital: string;
  readonly product: string;
  readonly site: string;
  readonly technology: string;
  readonly share: number;
  readonly dosesPerWeek: number;
  readonly mode: LegMode;
  readonly transportMinutes: number;
  readonly startGbqPerDose: number;
}

export type UnservedReason = 'no-site' | 'out-of-reach' | 'supply' | 'capacity' | 'budget' | 'cost';

export interface DesignUnserved {
  readonly hospital: string;
  readonly product: string;
  readonly dosesPerWeek: number;
  readonly reason: UnservedReason;
  readonly detail: string;
}

export interface DesignProductSummary {
  readonly product: string;
  readonly demandPerWeek: number;
  readonly servedPerWeek: number;
  /** Served doses whose transport takes at most the scenario's reach hours, ÷ all demand. */
  readonly reachedWithinHoursShare: number;
  /** Mean starting isotope per served dose, GBq. */
  readonly isotopeGbqPerDose: number;
}

export interface DesignCosts {
  readonly unitsPerYear: number;
  readonly isotopePerYear: number;
  readonly transportPerYear: number;
  /** Total cost of the network (units, isotope, transport). */
  readonly totalPerYear: number;
  /** Penalty of unserved doses (cost objective) or their weight (coverage objective). */
  readonly unservedPerYear: number;
}

export interface DesignResult {
  readonly scenario: string;
  readonly objective: DesignScenario['objective']['kind'];
  readonly status: DesignStatus;
  /** The model's objective at the plan found, and the proven bound on it. */
  readonly objectiveValue: number;
  readonly bound: number;
  /** (objective − bound) ÷ |objective|: the most the plan can be worse than the optimum. */
  readonly gap: number;
  readonly seconds: number;
  readonly model: { readonly columns: number; readonly integers: number; readonly rows: number };
  readonly reachHours: number;
  readonly costs: DesignCosts;
  readonly facilities: readonly DesignFacility[];
  readonly assignments: readonly DesignAssignment[];
  readonly unserved: readonly DesignUnserved[];
  readonly products: readonly DesignProductSummary[];
}

interface UnitColumns {
  readonly site: number;
  readonly technology: number;
  readonly existing: number;
  /** Column of existing units kept, or undefined when fixed (kept, or none). */
  readonly keptColumn?: number;
  readonly newColumn?: number;
}

/** The columns that count a (site, technology)'s open units. */
const unitColumns = (u: UnitColumns): number[] =>
  [u.keptColumn, u.newColumn].filter((c): c is number => c !== undefined);

export interface SolveDesignOptions {
  readonly onProgress?: (progress: DesignProgress) => void;
  /** A clock in milliseconds, for the elapsed `seconds` (the caller's; this package reads none). */
  readonly now: () => number;
}

/** Builds and solves the scenario's model; the scenario must already be valid. */
export function solveDesign(
  highs: Highs,
  scenario: DesignScenario,
  options: SolveDesignOptions,
): DesignResult {
  const { now } = options;
  const started = now();
  const demands = demandOptions(scenario);
  const coverage = scenario.objective.kind === 'coverage';
  const costWeight = coverage ? COVERAGE_COST_WEIGHT : 1;
  const lp = new LpBuilder();
  const techIndex = new Map(scenario.technologies.map((t, k) => [t.id, k]));

  // Units: one entry per (site, technology) that exists or may be added.
  const units: UnitColumns[] = [];
  const unitOf = new Map<string, number>();
  const budgetColumns: number[] = [];
  const budgetValues: number[] = [];
  let fixedCost = 0;
  const mayClose = scenario.mayCloseExisting ?? false;
  scenario.sites.forEach((site, s) => {
    if (site.closed) return;
    scenario.technologies.forEach((t, k) => {
      const existing = site.existing?.[t.id] ?? 0;
      const factor = site.costFactor ?? 1;
      const keptCost = factor * t.existingUnitCostPerYear;
      const newCost = factor * t.newUnitCostPerYear;
      const allowed = site.allowed.includes(t.id);
      if (existing === 0 && !allowed) return;
      let keptColumn: number | undefined;
      let newColumn: number | undefined;
      if (existing > 0 && mayClose) {
        keptColumn = lp.column(costWeight * keptCost, 0, existing, true);
        budgetColumns.push(keptColumn);
        budgetValues.push(keptCost);
      } else fixedCost += existing * keptCost;
      if (allowed && t.maxUnitsPerSite > existing) {
        newColumn = lp.column(costWeight * newCost, 0, t.maxUnitsPerSite - existing, true);
        budgetColumns.push(newColumn);
        budgetValues.push(newCost);
      }
      unitOf.set(`${s}/${k}`, units.length);
      units.push({
        site: s,
        technology: k,
        existing,
        ...(keptColumn !== undefined ? { keptColumn } : {}),
        ...(newColumn !== undefined ? { newColumn } : {}),
      });
    });
  });
  lp.offset = costWeight * fixedCost;

  // Shares and unserved per demand.
  const shareColumns: number[][] = [];
  const unservedColumns: (number | undefined)[] = [];
  const capacityTerms = new Map<string, { columns: number[]; values: number[] }>();
  const supplyTerms = (scenario.supplyLimits ?? []).map(() => ({
    columns: [] as number[],
    values: [] as number[],
  }));
  let unreachablePenalty = 0;
  for (const d of demands) {
    const product = scenario.products[d.product]!;
    const yearlyPenalty = WEEKS_PER_YEAR * d.dosesPerWeek * product.unservedPenaltyPerDose;
    if (d.options.length === 0) {
      shareColumns.push([]);
      unservedColumns.push(undefined);
      unreachablePenalty += yearlyPenalty;
      continue;
    }
    const columns = d.options.map((o) => {
      const yearly = WEEKS_PER_YEAR * weeklyCost(o);
      const column = lp.column(costWeight * yearly, 0, 1, false);
      budgetColumns.push(column);
      budgetValues.push(yearly);
      const unit = units[unitOf.get(`${o.site}/${o.technology}`)!]!;
      // Strong linking: a share only where a unit is open.
      const open = unitColumns(unit);
      const link = [column, ...open];
      const linkValues = [1, ...open.map(() => -1)];
      const fixedUnits = unit.keptColumn === undefined ? unit.existing : 0;
      lp.row(link, linkValues, -Infinity, fixedUnits);
      const gbq = d.dosesPerWeek * o.startGbqPerDose;
      const key = `${o.site}/${o.technology}/${product.nuclide}`;
      let terms = capacityTerms.get(key);
      if (!terms) capacityTerms.set(key, (terms = { columns: [], values: [] }));
      terms.columns.push(column);
      terms.values.push(gbq);
      (scenario.supplyLimits ?? []).forEach((limit, i) => {
        const technology = scenario.technologies[o.technology]!.id;
        if (limit.nuclide !== product.nuclide) return;
        if (limit.technologies && !limit.technologies.includes(technology)) return;
        supplyTerms[i]!.columns.push(column);
        supplyTerms[i]!.values.push(gbq);
      });
      return column;
    });
    const unserved = lp.column(yearlyPenalty, 0, 1, false);
    lp.row([...columns, unserved], [...columns.map(() => 1), 1], 1, 1);
    shareColumns.push(columns);
    unservedColumns.push(unserved);
  }
  lp.offset += unreachablePenalty;

  for (const [key, terms] of capacityTerms) {
    const [s, k, nuclide] = key.split('/') as [string, string, string];
    const unit = units[unitOf.get(`${s}/${k}`)!]!;
    const capacity = scenario.technologies[unit.technology]!.capacityGbqPerWeek[nuclide]!;
    const open = unitColumns(unit);
    const columns = [...terms.columns, ...open];
    const values = [...terms.values, ...open.map(() => -capacity)];
    const fixedUnits = unit.keptColumn === undefined ? unit.existing : 0;
    lp.row(columns, values, -Infinity, fixedUnits * capacity);
  }
  (scenario.supplyLimits ?? []).forEach((limit, i) =>
    lp.row(supplyTerms[i]!.columns, supplyTerms[i]!.values, -Infinity, limit.maxGbqPerWeek),
  );
  for (const limit of scenario.newUnitLimits ?? []) {
    const k = techIndex.get(limit.technology)!;
    const columns = units
      .filter((u) => u.technology === k && u.newColumn !== undefined)
      .map((u) => u.newColumn!);
    lp.row(
      columns,
      columns.map(() => 1),
      -Infinity,
      limit.max,
    );
  }
  if (scenario.objective.kind === 'coverage')
    lp.row(budgetColumns, budgetValues, -Infinity, scenario.objective.budgetPerYear - fixedCost);

  const integers = lp.integer.filter(Boolean).length;
  const modelSize = { columns: lp.columns, integers, rows: lp.rows };
  const settings = scenario.settings ?? {};
  const reachHours = settings.reachHours ?? DEFAULT_REACH_HOURS;
  if (lp.columns === 0) {
    return report(
      scenario,
      demands,
      units,
      [],
      lp.offset,
      lp.offset,
      'optimal',
      now() - started,
      modelSize,
      reachHours,
    );
  }
  const model = highs.createModel(lp.model(highs));
  try {
    model.options.set({
      output_flag: false,
      time_limit: settings.timeLimitSeconds ?? DEFAULT_DESIGN_TIME_LIMIT,
      mip_rel_gap: settings.relativeGap ?? DEFAULT_DESIGN_GAP,
    });
    const { modelStatus } = highs.constants;
    runReporting(highs, model, options.onProgress);
    const status = model.getModelStatus();
    if (status === modelStatus.infeasible)
      return report(
        scenario,
        demands,
        units,
        [],
        NaN,
        NaN,
        'infeasible',
        now() - started,
        modelSize,
        reachHours,
      );
    const values = Array.from(model.getSolution().colValue);
    if (values.length !== lp.columns)
      return report(
        scenario,
        demands,
        units,
        [],
        NaN,
        NaN,
        'failed',
        now() - started,
        modelSize,
        reachHours,
      );
    const objective = model.getObjectiveValue();
    // A model without integers is an LP: its optimum is its own bound.
    const dual = integers > 0 ? Number(model.info.get('mip_dual_bound')) : objective;
    const bound = Number.isFinite(dual) ? Math.min(dual, objective) : -Infinity;
    const gap = relativeGap(objective, bound);
    const target = settings.relativeGap ?? DEFAULT_DESIGN_GAP;
    const outcome: DesignStatus =
      status === modelStatus.optimal
        ? gap <= 1e-4
          ? 'optimal'
          : 'gap-reached'
        : status === modelStatus.timeLimit
          ? gap <= target
            ? 'gap-reached'
            : 'time-limit'
          : 'failed';
    return report(
      scenario,
      demands,
      units,
      values,
      objective,
      bound,
      outcome,
      now() - started,
      modelSize,
      reachHours,
      { shareColumns, unservedColumns, fixedCost },
    );
  } finally {
    model.dispose();
  }
}

export function relativeGap(objective: number, bound: number): number {
  if (!Number.isFinite(objective) || !Number.isFinite(bound)) return Infinity;
  const scale = Math.max(Math.abs(objective), 1e-9);
  return Math.max(0, (objective - bound) / scale);
}

interface Columns {
  readonly shareColumns: readonly (readonly number[])[];
  readonly unservedColumns: readonly (number | undefined)[];
  readonly fixedCost: number;
}

const EPS = 1e-6;

function report(
  scenario: DesignScenario,
  demands: readonly Demand[],
  units: readonly UnitColumns[],
  values: readonly number[],
  objectiveValue: number,
  bound: number,
  status: DesignStatus,
  ms: number,
  model: DesignResult['model'],
  reachHours: number,
  columns?: Columns,
): DesignResult {
  const solved = columns !== undefined;
  const value = (column: number | undefined): number =>
    column === undefined ? 0 : (values[column] ?? 0);
  // Units open at each (site, technology).
  const open = units.map((u) => {
    const kept = u.keptColumn === undefined ? u.existing : Math.round(value(u.keptColumn));
    const added = Math.round(value(u.newColumn));
    return { kept, added };
  });
  const unitOf = new Map(units.map((u, i) => [`${u.site}/${u.technology}`, i]));
  const pending: { demand: Demand; dosesLeft: number }[] = [];
  const used = new Map<string, number>();
  const supplyUsed = (scenario.supplyLimits ?? []).map(() => 0);

  let unitsPerYear = 0;
  units.forEach((u, i) => {
    const t = scenario.technologies[u.technology]!;
    const factor = scenario.sites[u.site]!.costFactor ?? 1;
    unitsPerYear +=
      factor * (open[i]!.kept * t.existingUnitCostPerYear + open[i]!.added * t.newUnitCostPerYear);
  });
  let isotopePerYear = 0;
  let transportPerYear = 0;
  let unservedPerYear = 0;
  const assignments: DesignAssignment[] = [];
  const unserved: DesignUnserved[] = [];
  const perProduct = scenario.products.map(() => ({
    demand: 0,
    served: 0,
    within: 0,
    gbq: 0,
  }));

  demands.forEach((d, i) => {
    const product = scenario.products[d.product]!;
    const hospital = scenario.hospitals[d.hospital]!;
    const summary = perProduct[d.product]!;
    summary.demand += d.dosesPerWeek;
    let servedShare = 0;
    d.options.forEach((o: DemandOption, j) => {
      const share = solved ? value(columns.shareColumns[i]![j]) : 0;
      if (share <= EPS) return;
      servedShare += share;
      const doses = share * d.dosesPerWeek;
      isotopePerYear += WEEKS_PER_YEAR * share * o.isotopeCostPerWeek;
      transportPerYear += WEEKS_PER_YEAR * share * o.transportCostPerWeek;
      summary.served += doses;
      summary.gbq += doses * o.startGbqPerDose;
      if (o.transportMinutes <= reachHours * 60 + EPS) summary.within += doses;
      const key = `${o.site}/${o.technology}/${product.nuclide}`;
      used.set(key, (used.get(key) ?? 0) + doses * o.startGbqPerDose);
      const technology = scenario.technologies[o.technology]!.id;
      (scenario.supplyLimits ?? []).forEach((limit, l) => {
        if (limit.nuclide !== product.nuclide) return;
        if (limit.technologies && !limit.technologies.includes(technology)) return;
        supplyUsed[l]! += doses * o.startGbqPerDose;
      });
      assignments.push({
        hospital: hospital.id,
        product: product.id,
        site: scenario.sites[o.site]!.id,
        technology,
        share,
        dosesPerWeek: doses,
        mode: o.mode,
        transportMinutes: Math.round(o.transportMinutes),
        startGbqPerDose: o.startGbqPerDose,
      });
    });
    const left = Math.max(0, 1 - servedShare);
    if (left <= EPS && solved) return;
    const dosesLeft = left * d.dosesPerWeek;
    unservedPerYear += WEEKS_PER_YEAR * dosesLeft * product.unservedPenaltyPerDose;
    if (d.unreachable) {
      unserved.push({
        hospital: hospital.id,
        product: product.id,
        dosesPerWeek: dosesLeft,
        reason: d.unreachable.reason,
        detail: d.unreachable.detail,
      });
      return;
    }
    pending.push({ demand: d, dosesLeft });
  });
  // Why the rest was left: supply used up, every unit within reach full, the budget, or cost.
  const full = (o: DemandOption, nuclide: string): boolean => {
    const i = unitOf.get(`${o.site}/${o.technology}`)!;
    const u = units[i]!;
    const t = scenario.technologies[u.technology]!;
    const count = open[i]!.kept + open[i]!.added;
    const most = u.newColumn !== undefined ? t.maxUnitsPerSite : u.existing;
    const gbq = used.get(`${o.site}/${o.technology}/${nuclide}`) ?? 0;
    return count >= most && gbq >= (t.capacityGbqPerWeek[nuclide] ?? 0) * count * (1 - 1e-3);
  };
  for (const { demand: d, dosesLeft } of pending) {
    const product = scenario.products[d.product]!;
    unserved.push({
      hospital: scenario.hospitals[d.hospital]!.id,
      product: product.id,
      dosesPerWeek: dosesLeft,
      ...notServedBecause(scenario, product.nuclide, supplyUsed, solved, () =>
        d.options.every((o) => full(o, product.nuclide)),
      ),
    });
  }

  const facilities: DesignFacility[] = [];
  units.forEach((u, i) => {
    const count = open[i]!.kept + open[i]!.added;
    if (count === 0) return;
    const t = scenario.technologies[u.technology]!;
    const site = scenario.sites[u.site]!;
    const utilisation: Record<string, number> = {};
    for (const [nuclide, capacity] of Object.entries(t.capacityGbqPerWeek)) {
      utilisation[nuclide] =
        (used.get(`${u.site}/${u.technology}/${nuclide}`) ?? 0) / (capacity * count);
    }
    facilities.push({
      site: site.id,
      siteName: site.name,
      latitude: site.latitude,
      longitude: site.longitude,
      technology: t.id,
      units: count,
      existingUnits: open[i]!.kept,
      newUnits: open[i]!.added,
      utilisation,
    });
  });

  return {
    scenario: scenario.name,
    objective: scenario.objective.kind,
    status,
    objectiveValue,
    bound,
    gap: relativeGap(objectiveValue, bound),
    seconds: ms / 1000,
    model,
    reachHours,
    costs: {
      unitsPerYear,
      isotopePerYear,
      transportPerYear,
      totalPerYear: unitsPerYear + isotopePerYear + transportPerYear,
      unservedPerYear,
    },
    facilities,
    assignments,
    unserved,
    products: scenario.products.map((p, k) => {
      const s = perProduct[k]!;
      return {
        product: p.id,
        demandPerWeek: s.demand,
        servedPerWeek: s.served,
        reachedWithinHoursShare: s.demand > 0 ? s.within / s.demand : 0,
        isotopeGbqPerDose: s.served > 0 ? s.gbq / s.served : 0,
      };
    }),
  };
}

function notServedBecause(
  scenario: DesignScenario,
  nuclide: string,
  supplyUsed: readonly number[],
  solved: boolean,
  capacityFull: () => boolean,
): { reason: UnservedReason; detail: string } {
  if (!solved) return { reason: 'cost', detail: 'no plan was found' };
  const limits = scenario.supplyLimits ?? [];
  const binding = limits.findIndex(
    (l, i) => l.nuclide === nuclide && supplyUsed[i]! >= l.maxGbqPerWeek * (1 - 1e-3),
  );
  if (binding >= 0)
    return {
      reason: 'supply',
      detail: `the ${nuclide} the network can buy (${limits[binding]!.maxGbqPerWeek} GBq a week) is used up`,
    };
  if (capacityFull())
    return {
      reason: 'capacity',
      detail: 'every site within reach has all the units it may have, and they are full',
    };
  if (capacityFull())
    return {
      reason: 'capacity',
      detail: 'every site within reach has all the units it may have, and they are full',
    };
  if (scenario.objective.kind === 'coverage')
    return {
      reason: 'budget',
      detail: 'the budget is spent on doses of higher priority or cheaper to serve',
    };
  return {
    reason: 'cost',
    detail:
      'serving it costs more than leaving it unserved, or the capacity within reach is used up',
  };
}
