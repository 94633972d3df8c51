import type {
  DesignResult,
  DesignScenario,
  SolvedRun,
  TransportMode,
  UnservedReason,
} from './design-types.js';

/** What the result view draws, worked out from a scenario and its design (pure). */

export type HospitalState = 'served' | 'partly' | 'unserved' | 'none';

export interface Supply {
  readonly product: string;
  readonly productName: string;
  readonly siteId: string;
  readonly siteName: string;
  readonly technology: string;
  readonly mode: TransportMode;
  readonly transportMinutes: number;
  readonly dosesPerWeek: number;
  readonly startGbqPerDose: number;
}

export interface Gap {
  readonly product: string;
  readonly productName: string;
  readonly dosesPerWeek: number;
  readonly reason: UnservedReason;
  readonly detail: string;
}

export interface HospitalView {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  /** [longitude, latitude] */
  readonly value: [number, number];
  readonly state: HospitalState;
  readonly demandPerWeek: number;
  readonly supplies: readonly Supply[];
  readonly gaps: readonly Gap[];
}

export interface SiteView {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly value: [number, number];
  readonly units: number;
  readonly newUnits: number;
  readonly technologies: readonly {
    readonly technology: string;
    readonly existing: number;
    readonly added: number;
    /** Highest use of capacity over its nuclides, 0–1 (null when it has none). */
    readonly use: number | null;
  }[];
  readonly hospitalsServed: number;
}

export interface DesignLine {
  readonly hospitalId: string;
  readonly siteId: string;
  /** Doses made on site need no line. */
  readonly mode: Exclude<TransportMode, 'on-site'>;
  readonly coords: [[number, number], [number, number]];
}

export interface DesignView {
  readonly hospitals: readonly HospitalView[];
  readonly sites: readonly SiteView[];
  /** Hospital → serving site, on-site supply left out; the first `limit`. */
  readonly lines: readonly DesignLine[];
  readonly totalLines: number;
}

/** Lines drawn at most: beyond, a big scenario's map is a blur and slow to pan. */
export const LINE_LIMIT = 1_500;

const namer = <T extends { id: string; name: string }>(items: readonly T[]) => {
  const names = new Map(items.map((i) => [i.id, i.name]));
  return (id: string) => names.get(id) ?? id;
};

export function designView(run: SolvedRun, limit = LINE_LIMIT): DesignView {
  const { scenario, result } = run;
  const productName = namer(scenario.products);
  const techName = namer(scenario.technologies);
  const siteOf = new Map(scenario.sites.map((s) => [s.id, s]));
  const supplies = new Map<string, Supply[]>();
  const seen = new Set<string>();
  const lines: DesignLine[] = [];
  const hospitalOf = new Map(scenario.hospitals.map((h) => [h.id, h]));
  let totalLines = 0;
  for (const a of result.assignments) {
    const site = siteOf.get(a.site);
    const list = supplies.get(a.hospital) ?? [];
    list.push({
      product: a.product,
      productName: productName(a.product),
      siteId: a.site,
      siteName: site?.name ?? a.site,
      technology: techName(a.technology),
      mode: a.mode,
      transportMinutes: a.transportMinutes,
      dosesPerWeek: a.dosesPerWeek,
      startGbqPerDose: a.startGbqPerDose,
    });
    supplies.set(a.hospital, list);
    const key = `${a.hospital}→${a.site}`;
    const h = hospitalOf.get(a.hospital);
    if (a.mode === 'on-site' || seen.has(key) || !site || !h) continue;
    seen.add(key);
    totalLines++;
    if (lines.length < limit)
      lines.push({
        hospitalId: a.hospital,
        siteId: a.site,
        mode: a.mode,
        coords: [
          [h.longitude, h.latitude],
          [site.longitude, site.latitude],
        ],
      });
  }
  const gaps = new Map<string, Gap[]>();
  for (const u of result.unserved) {
    const list = gaps.get(u.hospital) ?? [];
    list.push({ ...u, productName: productName(u.product) });
    gaps.set(u.hospital, list);
  }
  const hospitals = scenario.hospitals.map((h): HospitalView => {
    const got = supplies.get(h.id) ?? [];
    const missing = gaps.get(h.id) ?? [];
    const demandPerWeek = Object.values(h.demand).reduce((n, d) => n + d, 0);
    const served = got.reduce((n, s) => n + s.dosesPerWeek, 0);
    return {
      id: h.id,
      name: h.name,
      city: h.city ?? '',
      value: [h.longitude, h.latitude],
      state: stateOf(demandPerWeek, served, missing.length),
      demandPerWeek,
      supplies: got,
      gaps: missing,
    };
  });
  return { hospitals, sites: siteViews(result, scenario), lines, totalLines };
}

function stateOf(demand: number, served: number, gaps: number): HospitalState {
  if (demand <= 0) return 'none';
  if (gaps === 0) return 'served';
  return served > 0 ? 'partly' : 'unserved';
}

function siteViews(result: DesignResult, scenario: DesignScenario): SiteView[] {
  const techName = namer(scenario.technologies);
  const cityOf = new Map(scenario.sites.map((s) => [s.id, s.city ?? '']));
  const served = new Map<string, Set<string>>();
  for (const a of result.assignments)
    served.set(a.site, (served.get(a.site) ?? new Set()).add(a.hospital));
  const bySite = new Map<string, SiteView>();
  for (const f of result.facilities) {
    if (f.units <= 0) continue;
    const uses = Object.values(f.utilisation).filter((u): u is number => u !== null);
    const prior = bySite.get(f.site);
    const tech = {
      technology: techName(f.technology),
      existing: f.existingUnits,
      added: f.newUnits,
      use: uses.length > 0 ? Math.max(...uses) : null,
    };
    bySite.set(f.site, {
      id: f.site,
      name: f.siteName,
      city: cityOf.get(f.site) ?? '',
      value: [f.longitude, f.latitude],
      units: (prior?.units ?? 0) + f.units,
      newUnits: (prior?.newUnits ?? 0) + f.newUnits,
      technologies: [...(prior?.technologies ?? []), tech],
      hospitalsServed: served.get(f.site)?.size ?? 0,
    });
  }
  return [...bySite.values()];
}

/** Per product with demand: figures for the table. */
export function productRows(run: SolvedRun) {
  const name = namer(run.scenario.products);
  return run.result.products
    .filter((p) => p.demandPerWeek > 0)
    .map((p) => ({
      id: p.product,
      name: name(p.product),
      demandPerWeek: p.demandPerWeek,
      servedShare: p.servedPerWeek / p.demandPerWeek,
      withinShare: p.reachedWithinHoursShare,
      gbqPerDose: p.isotopeGbqPerDose,
    }));
}

/** Unserved demand, largest first, with names. */
export function unservedRows(run: SolvedRun) {
  const hospital = namer(run.scenario.hospitals);
  const product = namer(run.scenario.products);
  return [...run.result.unserved]
    .sort((a, b) => b.dosesPerWeek - a.dosesPerWeek)
    .map((u) => ({ ...u, hospitalName: hospital(u.hospital), productName: product(u.product) }));
}
