import {
  insertHospital,
  insertLane,
  insertProduct,
  insertSite,
  type Database,
  type NetworkCreation,
  type NewLicence,
} from '@halflife/db';
import { isTimeZone } from '@halflife/domain';
import { resolveNuclide, builtinDataset } from '@halflife/nuclear';
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
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

/** The caller as the audit trail records them, with the input as the state after. */
function creationBy(
  deps: NetworkDeps,
  caller: Caller,
  after: Record<string, unknown>,
): NetworkCreation {
  return {
    actor: { userId: caller.userId, organisationId: caller.organisationId, at: deps.now() },
    after,
  };
}

/** Licences with their nuclides' canonical names. */
function licenceRows(
  licences: readonly { maxActivityBq: number }[],
  nuclides: readonly string[],
): NewLicence[] {
  return licences.map((l, k) => ({
    nuclide: nuclides[k] as string,
    max_activity_bq: l.maxActivityBq,
  }));
}

export async function createSite(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof SiteCreateSchema>,
): Promise<Created> {
  const nuclides = checkPlace(caller, input);
  if (!nuclides.ok) return nuclides;
  const outcome = await insertSite(
    deps.db,
    {
      organisation_id: caller.organisationId,
      ...placeColumns(input),
      opening_hours: JSON.stringify(input.openingHours),
    },
    licenceRows(input.licences, nuclides.value),
    input.productCodes,
    creationBy(deps, caller, input),
  );
  if (outcome.kind === 'unknown-product') {
    return failure('invalid', `productCodes: unknown product "${outcome.code}"`);
  }
  return success({ id: outcome.id });
}

export async function createHospital(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof HospitalCreateSchema>,
): Promise<Created> {
  const nuclides = checkPlace(caller, input);
  if (!nuclides.ok) return nuclides;
  const outcome = await insertHospital(
    deps.db,
    { ...placeColumns(input), receiving_hours: JSON.stringify(input.receivingHours) },
    licenceRows(input.licences, nuclides.value),
    creationBy(deps, caller, input),
  );
  if (outcome.kind === 'name-taken') {
    return failure('conflict', `name: an organisation called "${input.name}" exists`);
  }
  return success({ id: outcome.id });
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
  const outcome = await insertProduct(
    deps.db,
    {
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
    },
    creationBy(deps, caller, input),
  );
  if (outcome.kind === 'code-taken')
    return failure('conflict', `code: product ${input.code} exists`);
  return success({ id: outcome.id });
}

export async function createLane(
  deps: NetworkDeps,
  caller: Caller,
  input: z.infer<typeof LaneCreateSchema>,
): Promise<Created> {
  const admin = checkAdmin(caller);
  if (!admin.ok) return admin;
  const outcome = await insertLane(
    deps.db,
    {
      site_id: input.siteId,
      hospital_id: input.hospitalId,
      mode: input.mode,
      duration_minutes: input.durationMinutes,
      cost: input.cost,
      departures: input.departures === null ? null : JSON.stringify(input.departures),
      estimated: input.estimated,
      note: input.note,
    },
    creationBy(deps, caller, input),
  );
  switch (outcome.kind) {
    case 'no-site':
      return failure('invalid', `siteId: no site ${input.siteId}`);
    case 'no-hospital':
      return failure('invalid', `hospitalId: no hospital ${input.hospitalId}`);
    case 'lane-taken':
      return failure('conflict', `a ${input.mode} lane from this site to this hospital exists`);
    case 'created':
      return success({ id: outcome.id });
  }
}
