import createClient from 'openapi-fetch';
import { serverText } from '../i18n/server-texts.js';
import type { components, paths } from './schema.js';

/** The API client: paths, bodies and replies typed by the server's own schemas (schema.d.ts). */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
});

export type Me = components['schemas']['Me'];
export type WorkingDay = NonNullable<components['schemas']['WorkingDay']>;
export type Order = components['schemas']['Order'];
export type OrderStatus = Order['status'];
export type DecayResponse = components['schemas']['DecayResponse'];
export type PlanSummary = components['schemas']['PlanSummary'];
export type PlanRecord = components['schemas']['PlanRecord'];
export type ApiError = components['schemas']['Error'];

/** The one line to show for a failed call. */
export function errorText(error: unknown, fallback: string): string {
  const e = error as Partial<ApiError> | undefined;
  const message = e?.error?.message;
  return message === undefined ? fallback : serverText(message);
}
