import {
  drawsOfLot,
  getLot,
  insertLot,
  listLots,
  siteLicenceLimits,
  type IsotopeLotRow,
} from '@halflife/db';
import { decayedActivity } from '@halflife/ops';
import {
  epochMillis,
  licenceImpact,
  lotExpiry,
  wasteImpact,
  type NuclideActivity,
} from '@halflife/nuclear';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import type {
  LotCreateSchema,
  LotDetailQuerySchema,
  LotDetailSchema,
  LotSchema,
} from '../supply-schemas.js';
import {
  actorFor,
  checkSiteAndEquipment,
  invalid,
  parseTime,
  timeGrid,
  type SupplyDeps,
} from './supply-access.js';
import { lotModelOf, lotProfile, supplyData } from './supply-models.js';

type LotView = z.infer<typeof LotSchema>;
type LotDetailView = z.infer<typeof LotDetailSchema>;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export async function createLot(
  deps: SupplyDeps,
  caller: Caller,
  input: z.infer<typeof LotCreateSchema>,
): Promise<ServiceResult<LotView>> {
  const place = await checkSiteAndEquipment(deps, input.siteId, undefined);
  if (!place.ok) return place;
  const profile = lotProfile(input.profile);
  if (!profile) return invalid('profile', `unknown lot profile "${input.profile}"`);
  for (const n of Object.keys(input.impurities ?? {})) {
    if (!supplyData().byName.has(n)) return invalid(`impurities.${n}`, 'unknown nuclide');
  }
  const reference = parseTime(input.referenceAt, 'referenceAt');
  if (!reference.ok) return reference;
  const expires =
    input.expiresAt === undefined ? undefined : parseTime(input.expiresAt, 'expiresAt');
  if (expires && !expires.ok) return expires;
  if (expires && expires.value <= reference.value) {
    return invalid('expiresAt', 'must be after referenceAt');
  }
  const received =
    input.receivedAt === undefined
      ? success(deps.now())
      : parseTime(input.receivedAt, 'receivedAt');
  if (!received.ok) return received;
  const row = await insertLot(
    deps.db,
    {
      site_id: input.siteId,
      supplier: input.supplier,
      profile: profile.kind,
      nuclide: profile.nuclide,
      carrier: profile.carrier,
      activity_bq: input.activityBq,
      reference_at: reference.value,
      volume_ml: input.volumeMl ?? null,
      specific_activity_bq_per_g: input.specificActivityBqPerG ?? null,
      impurities: JSON.stringify(input.impurities ?? {}),
      expires_at: expires?.value ?? null,
      received_at: received.value,
      label: input.label,
    },
    actorFor(deps, caller),
  );
  return success(lotView(row));
}

export async function listLotsFor(
  deps: SupplyDeps,
  caller: Caller,
  query: { siteId?: string | undefined },
): Promise<ServiceResult<{ lots: LotView[] }>> {
  const rows = await listLots(deps.db, query.siteId ? { siteId: query.siteId } : {});
  return success({ lots: rows.map(lotView) });
}

/**
 * A lot's decay curve with its impurity ratios (Lu-177m/Lu-177 for carrier-added Lu-177), its
 * expiry, what holding it means for the site's licence (with the site's other lots held now) and
 * how long its residue must be stored.
 */
export async function getLotFor(
  deps: SupplyDeps,
  caller: Caller,
  id: string,
  query: z.infer<typeof LotDetailQuerySchema>,
): Promise<ServiceResult<LotDetailView>> {
  const row = await getLot(deps.db, id);
  if (!row) return failure('not-found', `lot ${id} not found`);
  const model = lotModelOf(row);
  if (!model.ok) return failure('invalid', `lot ${id}: ${model.error.message}`);
  const lot = model.value;
  const ref = row.reference_at.getTime();
  const at = epochMillis(Math.max(deps.now().getTime(), ref));
  const expiry = lotExpiry(lot, query.usableBq);
  const from = query.from === undefined ? success(new Date(ref)) : parseTime(query.from, 'from');
  if (!from.ok) return from;
  if (from.value.getTime() < ref) return invalid('from', 'is before the lot’s reference time');
  const defaultEnd = expiry.at ?? ref + 14 * DAY;
  const to =
    query.to === undefined
      ? success(new Date(Math.max(defaultEnd, from.value.getTime() + DAY)))
      : parseTime(query.to, 'to');
  if (!to.ok) return to;
  const span = to.value.getTime() - from.value.getTime();
  const step = query.step ?? Math.max(60, Math.ceil(span / 99_000));
  const grid = timeGrid(from.value, to.value, step);
  if (!grid.ok) return grid;
  const impurities = Object.keys({
    ...Object.fromEntries(lot.lot.profile.impurities.map((i) => [i.nuclide, 0])),
    ...row.impurities,
  });
  const ratiosAt = (t: number) =>
    Object.fromEntries(impurities.map((n) => [n, lot.ratioAt(epochMillis(t), n)]));
  const limits = await siteLicenceLimits(deps.db, row.site_id);
  const others = await listLots(deps.db, { siteId: row.site_id, heldAt: new Date(at) });
  const alsoHeld: NuclideActivity[] = others
    .filter((o) => o.id !== row.id && o.reference_at.getTime() <= at)
    .flatMap((o) => {
      const m = lotModelOf(o);
      return m.ok ? m.value.activitiesAt(at) : [];
    });
  const licence = licenceImpact(
    lot,
    at,
    limits.map((l) => ({ nuclide: l.nuclide, maxActivityBq: l.max_activity_bq })),
    alsoHeld,
  );
  const waste = wasteImpact(lot, at, query.residueFraction, query.residueMassG);
  const draws = await drawsOfLot(deps.db, row.id);
  const drawnNow = draws
    .filter((d) => d.at.getTime() <= at)
    .reduce((sum, d) => sum + decayedActivity(row.nuclide, d.activityBq, d.at.getTime(), at), 0);
  return success({
    ...lotView(row),
    at: iso(at),
    activityNowBq: lot.activityAt(at),
    draws: draws.map((d) => ({
      batchNumber: d.batchNumber,
      activityBq: d.activityBq,
      at: d.at.toISOString(),
    })),
    remainingNowBq: Math.max(0, lot.activityAt(at) - drawnNow),
    activities: lot.activitiesAt(at),
    impurityRatios: impurities.map((n) => ({
      nuclide: n,
      atReference: lot.ratioAt(epochMillis(ref), n),
      now: lot.ratioAt(at, n),
    })),
    curve: grid.value.map((t) => ({
      at: iso(t),
      activityBq: lot.activityAt(epochMillis(t)),
      ratios: ratiosAt(t),
    })),
    expiry: { at: expiry.at === null ? null : iso(expiry.at), reason: expiry.reason },
    licence: { held: [...licence.held], exceeded: [...licence.exceeded] },
    waste: {
      residueFraction: query.residueFraction,
      longestLived: waste.longestLived,
      halfLivesUntil: iso(waste.halfLivesUntil),
      clearanceAt: waste.clearanceAt === null ? null : iso(waste.clearanceAt),
      noClearanceLevel: [...waste.noClearanceLevel],
      storeUntil: iso(waste.storeUntil),
    },
  });
}

function lotView(row: IsotopeLotRow): LotView {
  return {
    id: row.id,
    siteId: row.site_id,
    supplier: row.supplier,
    profile: row.profile,
    nuclide: row.nuclide,
    carrier: row.carrier,
    activityBq: row.activity_bq,
    referenceAt: row.reference_at.toISOString(),
    volumeMl: row.volume_ml,
    specificActivityBqPerG: row.specific_activity_bq_per_g,
    impurities: row.impurities,
    expiresAt: row.expires_at?.toISOString() ?? null,
    receivedAt: row.received_at.toISOString(),
    label: row.label,
    recordedBy: row.recorded_by,
    createdAt: row.created_at.toISOString(),
  };
}
