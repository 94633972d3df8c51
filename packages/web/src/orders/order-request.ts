import type { components } from '../api/schema.js';
import { i18n } from '../i18n/i18n.js';
import { formatActivity, toBq, type DisplayUnit } from '../units.js';

export type OrderBody = components['schemas']['OrderCreate'];
export type OrderLimits = components['schemas']['OrderLimits'];

/** The limits the API holds an order to, as GET /api/products gives them. */
export interface FormLimits {
  readonly order: OrderLimits;
  /** The chosen product's per-patient limits, once the products are loaded. */
  readonly product?: {
    readonly code: string;
    readonly minDoseBq: number;
    readonly maxDoseBq: number;
  };
}

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
  options: { onBehalf: boolean; limits: FormLimits },
): { ok: true; body: OrderBody } | { ok: false; problem: string } {
  if (options.onBehalf && !form.hospitalId)
    return { ok: false, problem: i18n.t('orders:problem.chooseHospital') };
  if (!form.productCode) return { ok: false, problem: i18n.t('orders:problem.chooseProduct') };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date))
    return { ok: false, problem: i18n.t('orders:problem.date') };
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time))
    return { ok: false, problem: i18n.t('orders:problem.time') };
  const activity = Number(form.activity);
  if (!form.activity.trim() || !Number.isFinite(activity) || activity <= 0)
    return { ok: false, problem: i18n.t('orders:problem.amount') };
  let amount: OrderBody['amount'];
  let patientBq: number;
  if (form.kind === 'per_kg') {
    const weight = Number(form.weightKg);
    const { min, max } = options.limits.order.patientWeightKg;
    if (!form.weightKg.trim() || !Number.isFinite(weight) || weight <= min || weight > max)
      return { ok: false, problem: i18n.t('orders:problem.weight', { max }) };
    amount = { kind: 'per_kg', perKgBq: toBq(activity, form.unit), patientWeightKg: weight };
    patientBq = amount.perKgBq * weight;
  } else {
    amount = { kind: 'fixed', activityBq: toBq(activity, form.unit) };
    patientBq = amount.activityBq;
  }
  const limit = options.limits.product;
  if (limit && !(patientBq <= limit.maxDoseBq))
    return {
      ok: false,
      problem: i18n.t('orders:problem.aboveMax', {
        amount: formatActivity(patientBq, form.unit),
        product: limit.code,
        limit: formatActivity(limit.maxDoseBq, form.unit),
      }),
    };
  if (limit && !(patientBq >= limit.minDoseBq))
    return {
      ok: false,
      problem: i18n.t('orders:problem.belowMin', {
        amount: formatActivity(patientBq, form.unit),
        product: limit.code,
        limit: formatActivity(limit.minDoseBq, form.unit),
      }),
    };
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
