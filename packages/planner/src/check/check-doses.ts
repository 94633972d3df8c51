import type { CheckContext, DoseView } from './check-context.js';
import { formatBq, formatMinutes, formatTime, significant } from './format.js';
import { close } from './instant.js';

/** Rules 3 and 4 for each dose: product, decay to calibration, tolerance, shelf life. */
export function checkDoses(ctx: CheckContext): void {
  for (const view of ctx.doses) checkDose(ctx, view);
}

function checkDose(ctx: CheckContext, view: DoseView): void {
  const { report } = ctx;
  const { dose, subject, order, batch, product, calibration } = view;
  const at = (t: number): string => formatTime(t, ctx.day);
  if (order.product !== product.id) {
    report(
      'dose-product',
      subject,
      `Order ${order.id} wants ${order.product}, but batch ${batch.batch.id} makes ${product.id}.`,
    );
    return;
  }
  if (!(dose.eosActivityBq > 0 && Number.isFinite(dose.eosActivityBq))) {
    report(
      'dose-product',
      subject,
      `The dose draws ${dose.eosActivityBq} Bq at EOS; it must be a positive activity.`,
    );
    return;
  }
  const eos = batch.eos;
  if (calibration === undefined || eos === undefined) return;
  const elapsed = calibration - eos;
  if (elapsed < 0) {
    report(
      'shelf-life',
      subject,
      `Calibration ${at(calibration)} is before the EOS of batch ${batch.batch.id} at ${at(eos)}.`,
    );
    return;
  }
  if (elapsed > product.shelfLifeMinutes * 60) {
    report(
      'shelf-life',
      subject,
      `Calibration ${at(calibration)} is ${formatMinutes(elapsed)} after the EOS of batch ${batch.batch.id} (${at(eos)}), beyond the ${product.shelfLifeMinutes} min shelf life of ${product.id}.`,
    );
  }
  const ratio = ctx.ratio(product.nuclide, elapsed);
  if (ratio === undefined) return;
  const expected = dose.eosActivityBq * ratio;
  if (!close(dose.calibrationActivityBq, expected)) {
    report(
      'dose-decay',
      subject,
      `The plan gives ${formatBq(dose.calibrationActivityBq)} at calibration ${at(calibration)}, but ${formatBq(dose.eosActivityBq)} at EOS ${at(eos)} decays to ${formatBq(expected)}.`,
    );
  }
  const tolerancePct = order.tolerancePct ?? product.tolerancePct;
  const deviation = Math.abs(expected - order.activityBq);
  if (deviation > (tolerancePct / 100) * order.activityBq * (1 + 1e-6) + 1e-9) {
    const pct = ((expected - order.activityBq) / order.activityBq) * 100;
    report(
      'dose-tolerance',
      subject,
      `The dose holds ${formatBq(expected)} at calibration ${at(calibration)}, ${pct > 0 ? '+' : ''}${significant(pct, 3)}% from the ordered ${formatBq(order.activityBq)} (tolerance ±${tolerancePct}%).`,
    );
  }
}

/** Rule 10: each order has at most one dose and is either served or unserved, never both. */
export function checkOrders(ctx: CheckContext): void {
  const { report, plan } = ctx;
  const served = new Map<string, number>();
  for (const dose of plan.doses) served.set(dose.order, (served.get(dose.order) ?? 0) + 1);
  const unserved = new Map<string, number>();
  for (const u of plan.unserved) {
    unserved.set(u.order, (unserved.get(u.order) ?? 0) + 1);
  }
  for (const [order, count] of served) {
    if (count > 1)
      report(
        'order-duplicate',
        `order ${order}`,
        `Order ${order} has ${count} doses; it may have one.`,
      );
    if (unserved.has(order))
      report(
        'order-both',
        `order ${order}`,
        `Order ${order} is served and also listed as unserved.`,
      );
  }
  for (const [order, count] of unserved) {
    if (!ctx.orders.has(order)) {
      report('reference', `order ${order}`, `Unserved order ${order} is not in the instance.`);
    }
    if (count > 1)
      report(
        'order-duplicate',
        `order ${order}`,
        `Order ${order} is listed as unserved ${count} times.`,
      );
  }
  for (const order of ctx.instance.orders) {
    if (!served.has(order.id) && !unserved.has(order.id)) {
      report(
        'order-missing',
        `order ${order.id}`,
        `Order ${order.id} is neither served nor listed as unserved.`,
      );
    }
  }
}
