import type { CyclotronRunRow, ElutionRow, GeneratorRow, IsotopeLotRow } from '@halflife/db';
import {
  cyclotronReleases,
  epochMillis,
  generatorReleases,
  lotReleases,
  type CyclotronRunResult,
  type EpochMillis,
  type Supply,
  type SupplyRelease,
} from '@halflife/nuclear';
import {
  defaultElutionIntervalMinutes,
  generatorModelOf,
  generatorType,
  lotModelOf,
  runResultOf,
} from './supply-models.js';

/** A site's supply records that a day can use (supplyRows of @halflife/db, one site). */
export interface SiteRecords {
  readonly generators: readonly { generator: GeneratorRow; elutions: readonly ElutionRow[] }[];
  readonly lots: readonly IsotopeLotRow[];
  readonly runs: readonly CyclotronRunRow[];
}

export interface Interval {
  readonly start: string;
  readonly end: string;
}

/** What each record gives the day, for people (the site supply endpoint) and the instance. */
export interface DaySupply {
  /** The planner's SupplySpec entries, one per record (runs: one per product nuclide). */
  readonly supply: Supply[];
  readonly generators: {
    readonly id: string;
    readonly label: string;
    readonly type: string;
    readonly nuclide: string;
    readonly intervalMinutes: number;
    readonly efficiency: number;
    readonly efficiencyBasis: string;
    readonly releases: readonly (SupplyRelease & { readonly recorded: boolean })[];
  }[];
  readonly lots: {
    readonly id: string;
    readonly label: string;
    readonly nuclide: string;
    readonly availableAt: string;
    readonly activityBq: number;
    readonly expiresAt: string | null;
  }[];
  readonly runs: {
    readonly id: string;
    readonly label: string;
    readonly target: string;
    readonly nuclide: string;
    readonly endOfBombardment: string;
    readonly activityBq: number;
    readonly measured: boolean;
  }[];
  /** Records that give nothing this day, and why. */
  readonly notes: string[];
  /** One line per record, for the instance's `sources`. */
  readonly sources: string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const gbq = (bq: number): string => `${(bq / 1e9).toPrecision(3)} GBq`;

/**
 * The supply a site's records give a day: each generator eluted on its regular schedule (every
 * interval from each opening, or from the last recorded elution), recorded elutions of the day as
 * they were measured; each lot once, at the start of the day or when it arrives; each cyclotron
 * run at its end of bombardment.
 */
export function siteDaySupply(
  records: SiteRecords,
  open: readonly Interval[],
  horizon: Interval,
  siteName: string,
): DaySupply {
  const out: { -readonly [K in keyof DaySupply]: DaySupply[K] } = {
    supply: [],
    generators: [],
    lots: [],
    runs: [],
    notes: [],
    sources: [],
  };
  const start = Date.parse(horizon.start);
  const end = Date.parse(horizon.end);
  for (const { generator: g, elutions } of records.generators) {
    const type = generatorType(g.type);
    const model = generatorModelOf(g, elutions);
    if (!type || !model.ok) {
      out.notes.push(`${g.label}: ${model.ok ? `unknown type ${g.type}` : model.error.message}`);
      continue;
    }
    if (g.calibrated_at.getTime() >= end) {
      out.notes.push(`${g.label}: calibrated after the day; not in use yet`);
      continue;
    }
    const m = model.value;
    const interval = g.elution_interval_minutes ?? defaultElutionIntervalMinutes(type);
    const recorded = elutions.filter((e) => e.at.getTime() >= start && e.at.getTime() < end);
    const releases: (SupplyRelease & { recorded: boolean })[] = [];
    for (const e of recorded) {
      if (e.breakthrough_passed === false) {
        out.notes.push(`${g.label}: the elution at ${iso(e.at.getTime())} failed breakthrough`);
        continue;
      }
      const t = epochMillis(e.at.getTime());
      const replayed = m.replay.find((r) => r.at === t);
      const bq = e.measured_activity_bq ?? (replayed?.predictedBq ?? 0) * m.efficiencyAt(t).value;
      if (bq > 0) releases.push({ at: iso(t), activityBq: bq, recorded: true });
    }
    const last = elutions
      .filter((e) => e.at.getTime() < end)
      .at(-1)
      ?.at.getTime();
    const shelfEnd = g.calibrated_at.getTime() + type.shelfLife.value * 1000;
    const times: EpochMillis[] = [];
    for (const o of open) {
      let t = Math.max(
        Date.parse(o.start),
        last === undefined ? -Infinity : last + interval * 60_000,
      );
      for (; t < Date.parse(o.end) && t < end; t += interval * 60_000) {
        if (t >= g.calibrated_at.getTime() && t <= shelfEnd && t >= start)
          times.push(epochMillis(t));
      }
    }
    if (times.length === 0 && recorded.length === 0) {
      out.notes.push(
        shelfEnd < end
          ? `${g.label}: past its shelf life (${iso(shelfEnd)})`
          : `${g.label}: no elution in the site's hours this day`,
      );
    }
    for (const r of generatorReleases(m, g.label, times).releases) {
      if (r.activityBq > 0) releases.push({ ...r, at: iso(Date.parse(r.at)), recorded: false });
    }
    releases.sort((a, b) => a.at.localeCompare(b.at));
    const efficiency = m.efficiencyAt(epochMillis(times[0] ?? start));
    out.supply.push({
      nuclide: type.daughter,
      kind: 'generator',
      label: g.label,
      releases: releases.map(({ at, activityBq }) => ({ at, activityBq })),
    });
    out.generators.push({
      id: g.id,
      label: g.label,
      type: g.type,
      nuclide: type.daughter,
      intervalMinutes: interval,
      efficiency: efficiency.value,
      efficiencyBasis: efficiency.basis,
      releases,
    });
    out.sources.push(
      `Supply, ${siteName}: generator ${g.label} (${g.type}, ${gbq(g.parent_activity_bq)} at ${iso(g.calibrated_at.getTime())}): ${releases.length} elution(s), every ${interval} min from opening${g.elution_interval_minutes === null ? ' (default: two daughter half-lives, 75% regrowth)' : ' (the site’s interval)'}, efficiency ${efficiency.value.toFixed(3)} (${efficiency.basis}${efficiency.records > 0 ? `, ${efficiency.records} measured elution(s)` : ''}); activity from the generator model of @halflife/nuclear.`,
    );
  }
  for (const lot of records.lots) {
    const model = lotModelOf(lot);
    if (!model.ok) {
      out.notes.push(`${lot.label}: ${model.error.message}`);
      continue;
    }
    const available = Math.max(lot.received_at.getTime(), lot.reference_at.getTime(), start);
    const expires = lot.expires_at?.getTime() ?? Infinity;
    if (available >= end || expires <= available) {
      out.notes.push(`${lot.label}: not held during the day`);
      continue;
    }
    const supply = lotReleases(model.value, epochMillis(available));
    const release = supply.releases[0];
    if (!release || !(release.activityBq > 0)) continue;
    out.supply.push({ ...supply, releases: [{ ...release, at: iso(available) }] });
    out.lots.push({
      id: lot.id,
      label: lot.label,
      nuclide: lot.nuclide,
      availableAt: iso(available),
      activityBq: release.activityBq,
      expiresAt: lot.expires_at?.toISOString() ?? null,
    });
    out.sources.push(
      `Supply, ${siteName}: lot ${lot.label} (${lot.profile}, ${gbq(lot.activity_bq)} at ${lot.reference_at.toISOString()}): ${gbq(release.activityBq)} at ${iso(available)}, decayed by the engine; usage on earlier days is not recorded, so the whole lot counts (assumption).`,
    );
  }
  const byNuclide = new Map<string, { row: CyclotronRunRow; result: CyclotronRunResult }[]>();
  for (const row of records.runs) {
    const result = runResultOf(row);
    if (!result.ok) {
      out.notes.push(`${row.label || row.target}: ${result.error.message}`);
      continue;
    }
    const nuclide = result.value.run.target.product;
    byNuclide.set(nuclide, [...(byNuclide.get(nuclide) ?? []), { row, result: result.value }]);
  }
  for (const [nuclide, runs] of byNuclide) {
    const supply = cyclotronReleases(
      runs.map((r) => r.result),
      `cyclotron ${nuclide}`,
    );
    out.supply.push({
      ...supply,
      releases: supply.releases
        .filter((r) => r.activityBq > 0)
        .map((r) => ({ ...r, at: iso(Date.parse(r.at)) })),
    });
    for (const { row, result } of runs) {
      out.runs.push({
        id: row.id,
        label: row.label,
        target: row.target,
        nuclide,
        endOfBombardment: row.end_at.toISOString(),
        activityBq: result.productBq,
        measured: row.measured_activity_bq !== null,
      });
      out.sources.push(
        `Supply, ${siteName}: cyclotron run ${row.label || row.id} (${row.target}, ${row.beam_current_ua} µA, EOB ${row.end_at.toISOString()}): ${gbq(result.productBq)} ${row.measured_activity_bq === null ? 'predicted (A = Y_sat · I · (1 − e^(−λt)), assumed saturation yield)' : 'measured'}.`,
      );
    }
  }
  return out;
}
