import { appendAudit, type Database } from '@halflife/db';
import { isTimeZone, resolveNuclide, builtinDataset } from '@halflife/nuclear';
import type { z } from '@hono/zod-openapi';
import type { Kysely, Transaction } from 'kysely';
import type { Caller } from '../caller.js';
import type {
  HospitalCreateSchema,
  LaneCreateSchema,
  ProductCreateSchema,
  SiteCreateSchema,
} from '../network-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

export interface NetworkDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type Created = ServiceResult<{ id: string }>;

/** Only the producer's administrators change the network model. */
function checkAdmin(caller: Caller): ServiceResult<null> {
  return caller.organisationKind === 'producer' && caller.role === 'admin'
    ? success(null)
    : failure('forbidden', 'only an administrator changes the network');
}

/** Canonical nuclide names, refusing unknown ones with the field named. */
function canonicalNuclides(names: readonly string[], field: string): ServiceResult<string[]> {
  const out: string[] = [];
  for (const [k, name] of names.entries()) {
    const n = resolveNuclide(builtinDataset(), name);
    if (!n.ok) return failure('invalid', `${field}[${k}].nuclide: ${n.error.message}`);
    out.push(n.value.name);
  }
  return success(out);
}

/** What adding a site or a hospital checks first: an administrator, a real zone, known nuclides. */
function checkPlace(
  caller: Caller,
  input: z.infer<typeof SiteCreateSchema> | z.infer<typeof HospitalCreateSchema>,
): ServiceResult<string[]> {
  const admin = checkAdmin(caller);
  if (!admin.ok) return admin;
  if (!isTimeZone(input.timeZone)) {
    return failure('invalid', `timeZone: unknown time zone "${input.timeZone}"`);
  }
  return canonicalNuclides(
    input.licences.map((l) => l.nuclide),
    'licences',
  );
}

/** The columns sites and hospitals share. */
function placeColumns(
  input: z.infer<typeof SiteCreateSchema> | z.infer<typeof HospitalCreateSchema>,
) {
  return {
    name: input.name,
    city: input.city,
    address: input.address,
    latitude: input.latitude,
    longitude: input.longitude,
    time_zone: input.timeZone,
  };
}

async function audited(
  deps: NetworkDeps,
  caller: Caller,
  entity: string,
  after: Record<string, unknown>,
  insert: (trx: Transaction<Database>) => Promise<string>,
): Promise<Created> {
  const id = await deps.db.transaction().execute(async (trx) => {
    const newId = await insert(trx);
    await appendAudit(trx, {
      at: deps.now(),
      actorId: caller.userId,
      actorOrg: caller.organisationId,
      entity,
      entityId: newId,
      action: 'create',
      before: null,
      after,
      reason: null,
    });
    return newId;
  });
  return success({ id });
}

export async function createSite(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof SiteCreateSchema>,
): Promise<Created> {
  const nuclides = checkPlace(caller, input);
  if (!nuclides.ok) return nuclides;
  const products = input.productCodes.length
    ? await deps.db
        .selectFrom('products')
        .select(['id', 'code'])
        .where('code', 'in', input.productCodes)
        .execute()
    : [];
  const unknown = input.productCodes.find((c) => !products.some((p) => p.code === c));
  if (unknown) return failure('invalid', `productCodes: unknown product "${unknown}"`);
  return audited(deps, caller, 'site', input, async (trx) => {
    const { id } = await trx
      .insertInto('sites')
      .values({
        organisation_id: caller.organisationId,
        ...placeColumns(input),
        opening_hours: JSON.stringify(input.openingHours),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.licences.length) {
      await trx
        .insertInto('site_licences')
        .values(
          input.licences.map((l, k) => ({
            site_id: id,
            nuclide: nuclides.value[k] as string,
            max_activity_bq: l.maxActivityBq,
          })),
        )
        .execute();
    }
    if (products.length) {
      await trx
        .insertInto('site_products')
        .values(products.map((p) => ({ site_id: id, product_id: p.id })))
        .execute();
    }
    return id;
  });
}

export async function createHospital(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof HospitalCreateSchema>,
): Promise<Created> {
  const nuclides = checkPlace(caller, input);
  if (!nuclides.ok) return nuclides;
  const taken = await deps.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken) return failure('conflict', `name: an organisation called "${input.name}" exists`);
  return audited(deps, caller, 'hospital', input, async (trx) => {
    const org = await trx
      .insertInto('organisations')
      .values({ kind: 'hospital', name: input.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await trx
      .insertInto('hospitals')
      .values({
        organisation_id: org.id,
        ...placeColumns(input),
        receiving_hours: JSON.stringify(input.receivingHours),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('delivery_points')
      .values({
        hospital_id: id,
        name: 'Main delivery point',
        address: input.address,
        latitude: input.latitude,
        longitude: input.longitude,
      })
      .execute();
    if (input.licences.length) {
      await trx
        .insertInto('hospital_licences')
        .values(
          input.licences.map((l, k) => ({
            hospital_id: id,
            nuclide: nuclides.value[k] as string,
            max_activity_bq: l.maxActivityBq,
          })),
        )
        .execute();
    }
    return id;
  });
}

export async function createProduct(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof ProductCreateSchema>,
): Promise<Created> {
  const admin = checkAdmin(caller);
  if (!admin.ok) return admin;
  const nuclide = resolveNuclide(builtinDataset(), input.nuclide);
  if (!nuclide.ok) return failure('invalid', `nuclide: ${nuclide.error.message}`);
  if ((input.doseBq === null) === (input.doseBqPerKg === null)) {
    return failure('invalid', 'doseBq: give either doseBq or doseBqPerKg');
  }
  if (input.minDoseBq >= input.maxDoseBq) {
    return failure('invalid', 'minDoseBq: must be below maxDoseBq');
  }
  if (input.doseBq !== null && (input.doseBq < input.minDoseBq || input.doseBq > input.maxDoseBq)) {
    return failure('invalid', 'doseBq: the usual dose must lie between minDoseBq and maxDoseBq');
  }
  const taken = await deps.db
    .selectFrom('products')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) return failure('conflict', `code: product ${input.code} exists`);
  return audited(deps, caller, 'product', input, async (trx) => {
    const { id } = await trx
      .insertInto('products')
      .values({
        code: input.code,
        name: input.name,
        ligand: input.ligand,
        nuclide: nuclide.value.name,
        target: input.target,
        use: input.use,
        route: input.route,
        synthesis_minutes: input.synthesisMinutes,
        qc_minutes: input.qcMinutes,
        radiochemical_yield: input.radiochemicalYield,
        max_batch_bq: input.maxBatchBq,
        shelf_life_minutes: input.shelfLifeMinutes,
        tolerance_pct: input.tolerancePct,
        cost_per_batch: input.costPerBatch,
        cost_per_gbq: input.costPerGbq,
        dose_bq: input.doseBq,
        dose_bq_per_kg: input.doseBqPerKg,
        min_dose_bq: input.minDoseBq,
        max_dose_bq: input.maxDoseBq,
        source: input.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

export async function createLane(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof LaneCreateSchema>,
): Promise<Created> {
  const admin = checkAdmin(caller);
  if (!admin.ok) return admin;
  const site = await deps.db
    .selectFrom('sites')
    .select('id')
    .where('id', '=', input.siteId)
    .executeTakeFirst();
  if (!site) return failure('invalid', `siteId: no site ${input.siteId}`);
  const hospital = await deps.db
    .selectFrom('hospitals')
    .select('id')
    .where('id', '=', input.hospitalId)
    .executeTakeFirst();
  if (!hospital) return failure('invalid', `hospitalId: no hospital ${input.hospitalId}`);
  const taken = await deps.db
    .selectFrom('lanes')
    .select('id')
    .where('site_id', '=', input.siteId)
    .where('hospital_id', '=', input.hospitalId)
    .where('mode', '=', input.mode)
    .executeTakeFirst();
  if (taken)
    return failure('conflict', `a ${input.mode} lane from this site to this hospital exists`);
  return audited(deps, caller, 'lane', input, async (trx) => {
    const { id } = await trx
      .insertInto('lanes')
      .values({
        site_id: input.siteId,
        hospital_id: input.hospitalId,
        mode: input.mode,
        duration_minutes: input.durationMinutes,
        cost: input.cost,
        departures: input.departures === null ? null : JSON.stringify(input.departures),
        estimated: input.estimated,
        note: input.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}
