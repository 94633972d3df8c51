import type { CheckContext } from './check-context.js';
import { formatBq, formatTime } from './format.js';
import { atMost } from './instant.js';
import { batchesByNuclide } from './check-supply.js';

/** Rule 8: starting activity of a site's batches in progress never exceeds its licence. */
export function checkSiteLicences(ctx: CheckContext): void {
  for (const site of ctx.instance.sites) {
    for (const [nuclide, started] of batchesByNuclide(ctx, site)) {
      const licence = site.licences.find((l) => l.nuclide === nuclide);
      if (!licence) {
        for (const { view } of started) {
          ctx.report(
            'site-licence',
            view.subject,
            `Site ${site.id} has no licence for ${nuclide}, so it may make no ${view.batch.product} batch.`,
          );
        }
        continue;
      }
      const ends = started
        .map(({ view, start, bq }) => ({ end: view.release ?? start, bq }))
        .sort((a, b) => a.end - b.end);
      let inProgress = 0;
      let e = 0;
      for (let b = 0; b < started.length;) {
        const t = started[b]?.start as number;
        const first = started[b];
        for (; b < started.length && started[b]?.start === t; b++) {
          inProgress += started[b]?.bq as number;
        }
        for (; e < ends.length && (ends[e]?.end as number) <= t; e++)
          inProgress -= ends[e]?.bq as number;
        if (first && !atMost(inProgress, licence.maxActivityBq)) {
          ctx.report(
            'site-licence',
            first.view.subject,
            `At its start ${formatTime(t, ctx.day)} site ${site.id} has batches of ${nuclide} in progress with ${formatBq(inProgress)} starting activity, above its licence of ${formatBq(licence.maxActivityBq)}.`,
          );
        }
      }
    }
  }
}

/** Seconds in a day of the horizon: 24-hour periods from its start. */
const DAY_SECONDS = 86_400;

/**
 * Rule 9: the doses a hospital receives of a nuclide in one day of the horizon (24-hour periods
 * from its start), each at its arrival, stay within its licence.
 */
export function checkHospitalLicences(ctx: CheckContext): void {
  const received = new Map<
    string,
    { hospital: string; nuclide: string; day: number; bq: number; doses: number }
  >();
  const origin = ctx.horizon?.start ?? 0;
  for (const { order, product, batch, shipment, dose } of ctx.doses) {
    if (shipment.arrive === undefined || batch.eos === undefined) continue;
    const ratio = ctx.ratio(product.nuclide, shipment.arrive - batch.eos);
    if (ratio === undefined) continue;
    const day = Math.floor((shipment.arrive - origin) / DAY_SECONDS);
    const key = `${order.hospital}\u0000${product.nuclide}\u0000${day}`;
    const sum = received.get(key) ?? {
      hospital: order.hospital,
      nuclide: product.nuclide,
      day,
      bq: 0,
      doses: 0,
    };
    sum.bq += dose.eosActivityBq * ratio;
    sum.doses++;
    received.set(key, sum);
  }
  for (const { hospital, nuclide, day, bq, doses } of received.values()) {
    const spec = ctx.hospitals.get(hospital);
    const subject = `hospital ${hospital}`;
    if (!spec) {
      ctx.report('reference', subject, `Hospital ${hospital} of an order is not in the instance.`);
      continue;
    }
    const licence = spec.licences.find((l) => l.nuclide === nuclide);
    const when = day === 0 ? '' : ` on day ${day + 1} of the horizon`;
    if (!licence) {
      ctx.report(
        'hospital-licence',
        subject,
        `Hospital ${hospital} has no licence for ${nuclide} but receives ${doses} doses (${formatBq(bq)} at arrival)${when}.`,
      );
    } else if (!atMost(bq, licence.maxActivityBq)) {
      ctx.report(
        'hospital-licence',
        subject,
        `Hospital ${hospital} receives ${doses} doses of ${nuclide} with ${formatBq(bq)} at arrival${when}, above its licence of ${formatBq(licence.maxActivityBq)}.`,
      );
    }
  }
}
