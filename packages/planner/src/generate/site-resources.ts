/**
 * Lines, supply and licences of the generated sites and hospitals, sized from the day's orders
 * (assumption, demo): enough lines that most orders can be served; Lu-177 as a bulk lot released
 * the afternoon before; generous but round licences.
 */
import type { LicenceSpec, LineSpec, OrderSpec, ProductSpec, SupplySpec } from '../instance.js';
import { addDays } from '@halflife/domain';
import { localInstant } from './local-time.js';
import type { PlaceHospital, PlaceSite } from './network-places.js';
import { productPlan, type LineKind } from './planning-products.js';

const GBq = 1e9;

const LINE_NAMES: Record<LineKind, string> = {
  f18: 'F-18 synthesis module',
  ga68: 'Ga-68 labelling module',
  tc99m: 'Tc-99m kit bench',
  therapy: 'Therapy hot cell',
};
/** Batches one line is planned for per day (demo-sites.ts: 4 runs a day per module). */
const BATCHES_PER_LINE: Record<LineKind, number> = { f18: 4, ga68: 4, tc99m: 8, therapy: 4 };
const MAX_LINES = 4;

/** Lines of a site: per kind, enough for the orders it is expected to serve (1–4). */
export function siteLines(site: PlaceSite, orders: readonly OrderSpec[]): LineSpec[] {
  const kinds = new Map<LineKind, string[]>();
  for (const code of site.products) {
    const kind = productPlan(code).line;
    kinds.set(kind, [...(kinds.get(kind) ?? []), code]);
  }
  const lines: LineSpec[] = [];
  for (const [kind, codes] of kinds) {
    const batches = codes.reduce((sum, code) => {
      const n = orders.filter((o) => o.product === code).length;
      return sum + Math.ceil(n / productPlan(code).dosesPerBatch);
    }, 0);
    const count = Math.min(MAX_LINES, Math.max(1, Math.ceil(batches / BATCHES_PER_LINE[kind])));
    for (let n = 1; n <= count; n += 1) {
      lines.push({ id: `${kind}-${n}`, name: `${LINE_NAMES[kind]} ${n}`, products: codes });
    }
  }
  return lines;
}

/** Round licence figures: 1, 2 or 5 × a power of ten, at least `bq`. */
export function roundUpLicence(bq: number): number {
  let scale = 10 ** Math.floor(Math.log10(bq));
  for (;;) {
    for (const step of [1, 2, 5]) if (step * scale >= bq) return step * scale;
    scale *= 10;
  }
}

/**
 * Site licences: twice what every line of a nuclide starting a full batch at once would hold,
 * plus the bulk lots held (`supply`), rounded up.
 */
export function siteLicences(
  lines: readonly LineSpec[],
  supply: readonly SupplySpec[],
  products: ReadonlyMap<string, ProductSpec>,
): LicenceSpec[] {
  const need = new Map<string, number>();
  for (const s of supply) {
    const held = s.releases.reduce((sum, r) => sum + r.activityBq, 0);
    need.set(s.nuclide, (need.get(s.nuclide) ?? 0) + held / 2);
  }
  for (const line of lines) {
    const largest = Math.max(
      ...line.products.map((code) => {
        const p = products.get(code);
        return p === undefined ? 0 : p.maxBatchBq / p.radiochemicalYield;
      }),
    );
    const nuclide = products.get(line.products[0] ?? '')?.nuclide;
    if (nuclide !== undefined) need.set(nuclide, (need.get(nuclide) ?? 0) + largest);
  }
  return [...need].map(([nuclide, bq]): LicenceSpec => ({
    nuclide,
    maxActivityBq: roundUpLicence(2 * bq),
  }));
}

/** Lu-177 lot: the site's expected demand × 1.6 (decay, yield, spare), in 185 GBq (5 Ci) units. */
export function siteSupply(
  date: string,
  orders: readonly OrderSpec[],
  products: ReadonlyMap<string, ProductSpec>,
): SupplySpec[] {
  const lu = orders.filter((o) => products.get(o.product)?.nuclide === 'Lu-177');
  if (lu.length === 0) return [];
  const demand = lu.reduce((s, o) => s + o.activityBq, 0);
  const units = Math.max(1, Math.ceil((1.6 * demand) / (185 * GBq)));
  return [
    {
      nuclide: 'Lu-177',
      kind: 'lot',
      label: `Lu-177 bulk lot delivered ${addDays(date, -1)} (demo)`,
      releases: [{ at: localInstant(date, -10 * 60), activityBq: units * 185 * GBq }],
    },
  ];
}

/** Smallest licence a hospital holds per nuclide, and the multiple of its orders it covers. */
const HOSPITAL_LICENCE: Record<string, { base: number; factor: number }> = {
  'F-18': { base: 20 * GBq, factor: 4 },
  'Ga-68': { base: 5 * GBq, factor: 8 },
  'Tc-99m': { base: 50 * GBq, factor: 3 },
  'Lu-177': { base: 50 * GBq, factor: 1.5 },
};

export function hospitalLicences(
  hospital: PlaceHospital,
  orders: readonly OrderSpec[],
  products: readonly ProductSpec[],
): LicenceSpec[] {
  const nuclides = [
    ...new Set(
      products.filter((p) => hospital.uses.has(productPlan(p.id).use)).map((p) => p.nuclide),
    ),
  ];
  return nuclides.map((nuclide) => {
    const rule = HOSPITAL_LICENCE[nuclide] ?? { base: 10 * GBq, factor: 4 };
    const ordered = orders
      .filter((o) => products.find((p) => p.id === o.product)?.nuclide === nuclide)
      .reduce((s, o) => s + o.activityBq, 0);
    return { nuclide, maxActivityBq: roundUpLicence(Math.max(rule.base, rule.factor * ordered)) };
  });
}
