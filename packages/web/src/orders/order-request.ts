import type { components } from '../api/schema.js';
import { toBq, type DisplayUnit } from '../units.js';

export type OrderBody = components['schemas']['OrderCreate'];

/** What the order form holds, as typed: numbers are still text. */
export interface OrderForm {
  readonly hospitalId: string;
  readonly productCode: string;
  /** Injection date and wall time in the hospital's zone. */
  readonly date: string;
  readonly time: string;
  readonly zone: string;
  readonly kind: 'fixed' | 'per_kg';
  /** Activity (fixed) or activity per kg (per_kg), in `unit` (per kg for per_kg). */
  readonly activity: string;
  readonly unit: DisplayUnit;
  readonly weightKg: string;
  readonly patientRef: string;
}

/**
 * The API body for a filled-in form, or the first thing missing or wrong, named as the form names
 * it. The injection time is sent as wall time with the hospital's IANA zone, so the server reads
 * it in that zone whatever the browser's own zone is.
 */
export function orderRequest(
  form: OrderForm,
  options: { onBehalf: boolean },
): { ok: true; body: OrderBody } | { ok: false; problem: string } {
  if (options.onBehalf && !form.hospitalId) return { ok: false, problem: 'choose a hospital' };
  if (!form.productCode) return { ok: false, problem: 'choose a product' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date))
    return { ok: false, problem: 'injection date: YYYY-MM-DD' };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time))
    return { ok: false, problem: 'injection time: HH:MM' };
  const activity = Number(form.activity);
  if (!form.activity.trim() || !Number.isFinite(activity) || activity <= 0)
    return { ok: false, problem: 'activity: a positive number' };
  let amount: OrderBody['amount'];
  if (form.kind === 'per_kg') {
    const weight = Number(form.weightKg);
    if (!form.weightKg.trim() || !Number.isFinite(weight) || weight <= 0 || weight > 500)
      return { ok: false, problem: "patient's weight: a number of kg up to 500" };
    amount = { kind: 'per_kg', perKgBq: toBq(activity, form.unit), patientWeightKg: weight };
  } else {
    amount = { kind: 'fixed', activityBq: toBq(activity, form.unit) };
  }
  const patientRef = form.patientRef.trim();
  return {
    ok: true,
    body: {
      ...(options.onBehalf ? { hospitalId: form.hospitalId } : {}),
      productCode: form.productCode,
      calibrationTime: `${form.date}T${form.time} ${form.zone}`,
      amount,
      ...(patientRef ? { patientRef } : {}),
    },
  };
}

/** The product's usual amount, in the form's unit: per kg where the product is dosed by weight. */
export function usualAmount(
  product: { doseBq: number | null; doseBqPerKg: number | null },
  unit: DisplayUnit,
): { kind: 'fixed' | 'per_kg'; activity: string } {
  const round = (bq: number) => String(Number((bq / toBq(1, unit)).toPrecision(3)));
  if (product.doseBqPerKg !== null) return { kind: 'per_kg', activity: round(product.doseBqPerKg) };
  if (product.doseBq !== null) return { kind: 'fixed', activity: round(product.doseBq) };
  return { kind: 'fixed', activity: '' };
}
