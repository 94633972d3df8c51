import type { Outage } from '@halflife/planner';
import { formatActivity, type DisplayUnit } from '../units.js';
import type { PlanLookup } from './plan-lookup.js';
import type { TimelineBar } from './plan-timeline.js';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Up to `n` names, then "and k more". */
export function someNames(names: readonly string[], n = 4): string {
  const unique = [...new Set(names)].sort();
  if (unique.length <= n) return unique.join(', ');
  return `${unique.slice(0, n).join(', ')} and ${unique.length - n} more`;
}

/** The tooltip of a timeline bar (HTML, every name escaped): what, when, how much, for whom. */
export function describeBar(
  bar: Pick<TimelineBar, 'kind' | 'id' | 'start' | 'end'>,
  lookup: PlanLookup,
  unit: DisplayUnit,
  outages: readonly Outage[] = [],
): string {
  const { clock } = lookup;
  if (bar.kind === 'batch') {
    const b = lookup.batch(bar.id);
    if (!b) return '';
    const doses = lookup.dosesOfBatch(b.id);
    const hospitals = doses.map((d) => lookup.hospital(lookup.order(d.order)?.hospital ?? ''));
    const drawn = doses.reduce((sum, d) => sum + d.eosActivityBq, 0);
    return [
      `<b>${escape(lookup.product(b.product))}</b>${b.fixed ? ' (fixed)' : ''}`,
      `${escape(lookup.site(b.site))} · ${escape(lookup.line(b.line))}`,
      `start ${clock(b.startAt)} · EOS ${clock(b.eosAt)} · release ${clock(b.releaseAt)}`,
      `${formatActivity(b.eosActivityBq, unit)} at EOS; ${doses.length === 1 ? '1 dose draws' : `${doses.length} doses draw`} ${formatActivity(drawn, unit)}`,
      doses.length > 0 ? `for ${escape(someNames(hospitals))}` : 'no doses',
    ].join('<br>');
  }
  if (bar.kind === 'shipment') {
    const doses = lookup.dosesOfShipment(bar.id);
    const first = doses[0];
    const batch = first ? lookup.batch(first.batch) : undefined;
    const orders = doses.map((d) => lookup.order(d.order));
    const hospital = lookup.hospital(orders[0]?.hospital ?? '');
    const products = orders.map((o) => lookup.product(o?.product ?? ''));
    const depart = batch ? lookup.site(batch.site) : '';
    const activity = doses.reduce((sum, d) => sum + d.calibrationActivityBq, 0);
    return [
      `<b>${escape(depart)} → ${escape(hospital)}</b>`,
      `departs ${clock(bar.start)} · arrives ${clock(bar.end)}`,
      `${doses.length} ${doses.length === 1 ? 'dose' : 'doses'}: ${escape(someNames(products, 3))}`,
      `${formatActivity(activity, unit)} at calibration`,
    ].join('<br>');
  }
  const o = outages[Number(bar.id)];
  if (!o) return '';
  return [
    `<b>${escape(lookup.line(o.line))} down</b>`,
    `${escape(lookup.site(o.site))}`,
    `from ${clock(o.from)}${o.to ? ` to ${clock(o.to)}` : ''}`,
    escape(o.reason),
  ].join('<br>');
}
