import { fromBq, type DisplayUnit } from '../units.js';
import type { SiteSupply } from './supply-types.js';

/** One release of the day, as the table lists it. */
export interface ReleaseRow {
  readonly at: number;
  readonly nuclide: string;
  readonly kind: SiteSupply['supply'][number]['kind'];
  readonly label: string;
  readonly activityBq: number;
  /** Released so far of this nuclide, this one included. */
  readonly cumulativeBq: number;
  /** A recorded elution (measured), not a scheduled one. */
  readonly recorded: boolean;
}

/** A nuclide's day in one line. */
export interface NuclideTotal {
  readonly nuclide: string;
  readonly releases: number;
  readonly sources: number;
  readonly first: number;
  readonly last: number;
  readonly totalBq: number;
}

export interface SupplyChartData {
  readonly start: number;
  readonly end: number;
  /** Per nuclide: [time ms, released so far in the unit], one point per release time, and the
   * total held to the end of the day (`until`, drawn without a marker). */
  readonly series: readonly {
    readonly name: string;
    readonly points: [number, number][];
    readonly until: [number, number] | undefined;
  }[];
  /** The smallest value drawn, for the log axis's floor. */
  readonly floor: number | undefined;
}

/** Every release of the day in time order (ties by nuclide), with the running total per nuclide. */
export function releaseRows(supply: SiteSupply): ReleaseRow[] {
  const recorded = new Set(
    supply.generators.flatMap((g) =>
      g.releases.filter((r) => r.recorded).map((r) => `${g.label}|${Date.parse(r.at)}`),
    ),
  );
  const flat = supply.supply.flatMap((spec) =>
    spec.releases.map((r) => ({
      at: Date.parse(r.at),
      nuclide: spec.nuclide,
      kind: spec.kind,
      label: spec.label,
      activityBq: r.activityBq,
    })),
  );
  flat.sort(
    (a, b) => a.at - b.at || a.nuclide.localeCompare(b.nuclide) || a.label.localeCompare(b.label),
  );
  const sums = new Map<string, number>();
  return flat.map((r) => {
    const cumulativeBq = (sums.get(r.nuclide) ?? 0) + r.activityBq;
    sums.set(r.nuclide, cumulativeBq);
    return { ...r, cumulativeBq, recorded: recorded.has(`${r.label}|${r.at}`) };
  });
}

/** Per nuclide: how many releases from how many sources, first and last, and the total. */
export function nuclideTotals(rows: readonly ReleaseRow[]): NuclideTotal[] {
  const by = new Map<string, ReleaseRow[]>();
  for (const r of rows) by.set(r.nuclide, [...(by.get(r.nuclide) ?? []), r]);
  return [...by.entries()]
    .map(([nuclide, rs]) => ({
      nuclide,
      releases: rs.length,
      sources: new Set(rs.map((r) => r.label)).size,
      first: Math.min(...rs.map((r) => r.at)),
      last: Math.max(...rs.map((r) => r.at)),
      totalBq: rs.reduce((sum, r) => sum + r.activityBq, 0),
    }))
    .sort((a, b) => b.totalBq - a.totalBq);
}

/**
 * The chart of the day: per nuclide, the activity released so far (each release counted at its
 * release time, not decayed afterwards) as steps, held to the end of the day.
 */
export function supplyChartData(
  rows: readonly ReleaseRow[],
  supply: SiteSupply,
  unit: DisplayUnit,
): SupplyChartData {
  const start = Date.parse(supply.horizon.start);
  const end = Date.parse(supply.horizon.end);
  const names = [...new Set(rows.map((r) => r.nuclide))];
  let floor: number | undefined;
  const series = names.map((name) => {
    const points: [number, number][] = [];
    for (const r of rows.filter((x) => x.nuclide === name)) {
      const value = fromBq(r.cumulativeBq, unit);
      const last = points[points.length - 1];
      if (last && last[0] === r.at) last[1] = value;
      else points.push([r.at, value]);
    }
    for (const [, v] of points) if (v > 0 && (floor === undefined || v < floor)) floor = v;
    const last = points[points.length - 1];
    const until: [number, number] | undefined = last && last[0] < end ? [end, last[1]] : undefined;
    return { name, points, until };
  });
  return { start, end, series, floor };
}
