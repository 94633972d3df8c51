import { isLocalDate } from '@halflife/domain';
import { networkRows, networkZone, type Database } from '@halflife/db';
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import type { NetworkMapSchema } from '../map-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

import {
  hypotheticalOrders,
  reachByHospital,
  standardDoseBq,
  STANDARD_WEIGHT_KG,
} from './map-reach.js';
import { PREP_MARGIN_MINUTES } from './network-instance.js';
import { networkInstanceWithoutOrders } from './network-instance-cache.js';
import { assessOffThread } from '../heavy-pool.js';

export type NetworkMapView = z.infer<typeof NetworkMapSchema>;

/**
 * The network on a map for a local date: sites with the products they make, hospitals with which
 * products can reach them in time (the planner's single-dose rules on hypothetical orders, one per
 * full hour of receiving, at each product's standard dose), and the lanes between them.
 */
export async function networkMapFor(
  db: Kysely<Database>,
  caller: Caller,
  date: string,
): Promise<ServiceResult<NetworkMapView>> {
  if (!isLocalDate(date)) return failure('invalid', `date: no such date "${date}"`);
  const zone = await networkZone(db);
  const rows = await networkRows(db);
  if (zone === undefined) {
    return success({ date, timeZone: null, assumptions: [], sites: [], hospitals: [], lanes: [] });
  }
  const { instance } = await networkInstanceWithoutOrders(db, date, zone);
  const doses = new Map(
    rows.products.flatMap((p) => {
      const dose = standardDoseBq({
        code: p.code,
        doseBq: p.dose_bq,
        doseBqPerKg: p.dose_bq_per_kg,
      });
      return dose === null ? [] : [[p.code, dose] as const];
    }),
  );
  const zones = new Map(rows.hospitals.map((h) => [h.id, h.time_zone]));
  const orders = hypotheticalOrders(instance, {
    doses,
    zones,
    prepMarginMinutes: PREP_MARGIN_MINUTES,
  });
  const assessed = await assessOffThread({ ...instance, orders: orders.map((o) => o.spec) });
  if (!assessed.ok) return assessed;
  const assessments = assessed.value;
  const reach = reachByHospital(instance, orders, assessments, zones);
  const productsOf = new Map(
    instance.sites.map((s) => [s.id, [...new Set(s.lines.flatMap((l) => l.products))].sort()]),
  );
  return success({
    date,
    timeZone: zone,
    assumptions: [
      `Hypothetical orders: one per full local hour of each hospital's receiving hours on ${date}, for every product.`,
      `Activity: the product's standard dose; per-kilogram doses for a ${STANDARD_WEIGHT_KG} kg patient.`,
      `The dose arrives at least ${PREP_MARGIN_MINUTES} min before injection; each order is judged alone, so a full day may still leave some out.`,
    ],
    sites: rows.sites.map((s) => ({
      id: s.id,
      name: s.name,
      city: s.city,
      latitude: s.latitude,
      longitude: s.longitude,
      products: productsOf.get(s.id) ?? [],
    })),
    hospitals: rows.hospitals.map((h) => ({
      id: h.id,
      name: h.name,
      city: h.city,
      latitude: h.latitude,
      longitude: h.longitude,
      reach: reach.get(h.id) ?? [],
    })),
    lanes: rows.lanes.map((l) => ({
      siteId: l.site_id,
      hospitalId: l.hospital_id,
      mode: l.mode,
      durationMinutes: l.duration_minutes,
      estimated: l.estimated,
    })),
  });
}
