import type { Outage } from '@halflife/planner';
import { i18n } from '../i18n/i18n.js';
import { serverText } from '../i18n/server-texts.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import type { PlanLookup } from './plan-lookup.js';
import type { TimelineBar } from './plan-timeline.js';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Up to `n` names, then "and k more". */
export function someNames(names: readonly string[], n = 4): string {
  const unique = [...new Set(names)].sort();
  if (unique.length <= n) return unique.join(', ');
  return i18n.t('plans:bar.more', { names: unique.slice(0, n).join(', '), n: unique.length - n });
}

/** The tooltip of a timeline bar (HTML, every name escaped): what, when, how much, for whom. */
export function describeBar(
  bar: Pick<TimelineBar, 'kind' | 'id' | 'start' | 'end'>,
  lookup: PlanLookup,
  unit: DisplayUnit,
  outages: readonly Outage[] = [],
): string {
  const { clock } = lookup;
  const t = i18n.getFixedT(null, 'plans', 'bar');
  if (bar.kind === 'batch') {
    const b = lookup.batch(bar.id);
    if (!b) return '';
    const doses = lookup.dosesOfBatch(b.id);
    const hospitals = doses.map((d) => lookup.hospital(lookup.order(d.order)?.hospital ?? ''));
    const drawn = doses.reduce((sum, d) => sum + d.eosActivityBq, 0);
    return [
      `<b>${escape(lookup.product(b.product))}</b>${b.fixed ? t('fixed') : ''}`,
      `${escape(lookup.site(b.site))} · ${escape(lookup.line(b.line))}`,
      t('batchTimes', {
        start: clock(b.startAt),
        eos: clock(b.eosAt),
        release: clock(b.releaseAt),
      }),
      t('batchDoses', {
        eos: formatActivity(b.eosActivityBq, unit),
        count: doses.length,
        drawn: formatActivity(drawn, unit),
      }),
      doses.length > 0 ? t('forHospitals', { names: escape(someNames(hospitals)) }) : t('noDoses'),
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
      t('shipmentTimes', { depart: clock(bar.start), arrive: clock(bar.end) }),
      t('shipmentDoses', { count: doses.length, products: escape(someNames(products, 3)) }),
      t('atCalibration', { activity: formatActivity(activity, unit) }),
    ].join('<br>');
  }
  const o = outages[Number(bar.id)];
  if (!o) return '';
  return [
    `<b>${t('lineDown', { line: escape(lookup.line(o.line)) })}</b>`,
    `${escape(lookup.site(o.site))}`,
    o.to
      ? t('fromTo', { from: clock(o.from), to: clock(o.to) })
      : t('from', { from: clock(o.from) }),
    escape(serverText(o.reason)),
  ].join('<br>');
}
