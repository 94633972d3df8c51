import type { Outage, Plan, SiteSpec } from '@halflife/planner';
import { i18n } from '../i18n/i18n.js';
import type { PlanLookup } from './plan-lookup.js';

export type BarKind = 'batch' | 'shipment' | 'outage';

export interface TimelineRow {
  /** "Site · Line" for a line, "Site · shipments" for the site's departures. */
  readonly label: string;
  readonly site: string;
  readonly kind: 'line' | 'shipments';
}

export interface TimelineBar {
  /** Index into `rows`. */
  readonly row: number;
  readonly start: number;
  /** Batches: end of synthesis (QC follows until `end`, the release); others: `end`. */
  readonly mid: number;
  readonly end: number;
  readonly kind: BarKind;
  /** The batch, shipment or outage (its index in the instance's outages). */
  readonly id: string;
  /** Batches: index into `products`; shipments: 0 road, 1 air. */
  readonly colour: number;
  /** Shipments share a row in `tracks` thin tracks so that overlapping trips stay visible. */
  readonly track: number;
}

export interface PlanTimeline {
  readonly rows: readonly TimelineRow[];
  readonly bars: readonly TimelineBar[];
  /** Product names, in colour order. */
  readonly products: readonly string[];
  readonly tracks: number;
}

export interface TimelineInput {
  readonly plan: Pick<Plan, 'batches' | 'shipments'>;
  readonly sites: readonly Pick<SiteSpec, 'id' | 'name' | 'lines'>[];
  readonly outages?: readonly Outage[] | undefined;
  readonly lookup: Pick<PlanLookup, 'product' | 'lane'>;
  /** Show one site only. */
  readonly site?: string | undefined;
}

export const SHIPMENT_TRACKS = 4;

/**
 * Batches per site and line (start → release), each site's shipments (departure → arrival) on a
 * row below its lines, and line outages, on one time axis. Rows are named; a site with neither
 * batches nor shipments is left out. Overlapping shipments are spread over a few thin tracks.
 */
export function planTimeline(input: TimelineInput): PlanTimeline {
  const { plan, lookup } = input;
  const busyLines = new Set(plan.batches.map((b) => b.line));
  for (const o of input.outages ?? []) busyLines.add(o.line);
  const shipmentsBySite = new Map<string, Plan['shipments'][number][]>();
  for (const s of plan.shipments) {
    const site = lookup.lane(s.lane)?.site;
    if (site === undefined) continue;
    const list = shipmentsBySite.get(site);
    if (list) list.push(s);
    else shipmentsBySite.set(site, [s]);
  }

  const shortName = shortNames(input.sites.map((s) => s.name));
  const short = (site: { name: string }) => shortName.get(site.name) ?? site.name;
  const rows: TimelineRow[] = [];
  const lineRow = new Map<string, number>();
  const shipmentRow = new Map<string, number>();
  const sites = [...input.sites]
    .filter((s) => input.site === undefined || s.id === input.site)
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const site of sites) {
    const lines = site.lines.filter((l) => busyLines.has(l.id));
    if (lines.length === 0 && !shipmentsBySite.has(site.id)) continue;
    for (const l of lines) {
      lineRow.set(l.id, rows.length);
      rows.push({ label: `${short(site)} · ${l.name}`, site: site.id, kind: 'line' });
    }
    if (shipmentsBySite.has(site.id)) {
      shipmentRow.set(site.id, rows.length);
      rows.push({
        label: i18n.t('plans:timeline.shipmentsRow', { site: short(site) }),
        site: site.id,
        kind: 'shipments',
      });
    }
  }

  const productIds = [...new Set(plan.batches.map((b) => b.product))].sort((a, b) =>
    lookup.product(a).localeCompare(lookup.product(b)),
  );
  const colourOf = new Map(productIds.map((p, i) => [p, i]));
  const bars: TimelineBar[] = [];
  for (const b of plan.batches) {
    const row = lineRow.get(b.line);
    if (row === undefined) continue;
    bars.push({
      row,
      start: Date.parse(b.startAt),
      mid: Date.parse(b.eosAt),
      end: Date.parse(b.releaseAt),
      kind: 'batch',
      id: b.id,
      colour: colourOf.get(b.product) ?? 0,
      track: 0,
    });
  }
  for (const [site, shipments] of shipmentsBySite) {
    const row = shipmentRow.get(site);
    if (row === undefined) continue;
    const sorted = [...shipments].sort((a, b) => a.departAt.localeCompare(b.departAt));
    const trackEnds = new Array<number>(SHIPMENT_TRACKS).fill(-Infinity);
    for (const [i, s] of sorted.entries()) {
      const start = Date.parse(s.departAt);
      const end = Date.parse(s.arriveAt);
      // The first free track, else share one in turn.
      let track = trackEnds.findIndex((e) => e <= start);
      if (track < 0) track = i % SHIPMENT_TRACKS;
      trackEnds[track] = Math.max(trackEnds[track] ?? end, end);
      const mode = lookup.lane(s.lane)?.mode;
      const colour = mode === 'air' ? 1 : 0;
      bars.push({ row, start, mid: end, end, kind: 'shipment', id: s.id, colour, track });
    }
  }
  // An outage without an end lasts past everything drawn.
  const last = bars.reduce((m, b) => Math.max(m, b.end), -Infinity);
  for (const [k, o] of (input.outages ?? []).entries()) {
    const row = lineRow.get(o.line);
    if (row === undefined) continue;
    const start = Date.parse(o.from);
    const end = o.to === undefined ? Math.max(last, start + 3600_000) : Date.parse(o.to);
    bars.push({ row, start, mid: end, end, kind: 'outage', id: String(k), colour: 0, track: 0 });
  }
  return {
    rows,
    bars,
    products: productIds.map((p) => lookup.product(p)),
    tracks: SHIPMENT_TRACKS,
  };
}

/** Sites of the instance that appear in the plan, by name: the choices of the site filter. */
export function timelineSites(
  plan: Pick<Plan, 'batches'>,
  sites: readonly Pick<SiteSpec, 'id' | 'name'>[],
): { id: string; name: string }[] {
  const used = new Set(plan.batches.map((b) => b.site));
  return sites
    .filter((s) => used.has(s.id))
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Names without the words every name shares at its start and end ("Demo Isotopes Beijing
 * Radiopharmacy (demo)" → "Beijing"), so that rows stay short; a name left empty stays whole.
 */
export function shortNames(names: readonly string[]): Map<string, string> {
  const words = [...new Set(names)].map((n) => n.split(' '));
  if (words.length < 2) return new Map(names.map((n) => [n, n]));
  const shortest = Math.min(...words.map((w) => w.length));
  let head = 0;
  while (head < shortest - 1 && words.every((w) => w[head] === words[0]![head])) head++;
  let tail = 0;
  while (
    tail < shortest - 1 - head &&
    words.every((w) => w[w.length - 1 - tail] === words[0]![words[0]!.length - 1 - tail])
  )
    tail++;
  return new Map(
    words.map((w) => {
      const short = w.slice(head, w.length - tail).join(' ');
      return [w.join(' '), short || w.join(' ')];
    }),
  );
}
