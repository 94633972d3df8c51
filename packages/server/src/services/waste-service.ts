import {
  insertWasteContainer,
  insertWasteItem,
  insertWasteSurvey,
  listWasteContainers,
  lockWasteContainer,
  ownPlace,
  updateWasteContainer,
  type Actor,
  type Database,
  type WasteSnapshot,
} from '@halflife/db';
import type { Scope } from '@halflife/domain';
import { builtinDataset, parseInstant, resolveNuclide } from '@halflife/nuclear';
import {
  containerAt,
  earliestRelease,
  surveyRefusal,
  totalBq,
  type WasteItem,
} from '@halflife/ops';
import type { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import type {
  WasteContainerSchema,
  WasteItemSchema,
  WasteListQuerySchema,
  WasteOpenSchema,
  WasteReleaseSchema,
} from '../distribution-schemas.js';
import { failure, success, type ServiceResult } from '../service-error.js';

/**
 * Waste held for decay (issue 14): containers at a producer's site or a hospital, what they hold
 * now (every item decayed with its chain), the earliest release under the container's rule, and
 * the release survey (10 CFR 35.92, records per 35.2092). The rules are @halflife/ops's.
 */

export interface WasteDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

type View = z.infer<typeof WasteContainerSchema>;
const iso = (d: Date | number) => new Date(d).toISOString();
/** The most containers a register shows (a site keeps a few dozen at a time). */
const LIST_LIMIT = 500;
/** Points of a container's activity curve. */
const CURVE_POINTS = 48;

const actorOf = (deps: WasteDeps, caller: Caller): Actor => ({
  userId: caller.userId,
  organisationId: caller.organisationId,
  at: deps.now(),
});

const invalid = (field: string, message: string): ServiceResult<never> =>
  failure('invalid', `${field}: ${message}`, [{ path: field, message }]);

const itemsOf = (w: WasteSnapshot): WasteItem[] =>
  w.items.map((i) => ({ contents: i.contents, at: i.reference_at.getTime() }));

/**
 * The curve's instants: the opening, then spaced evenly in the logarithm of the time since it
 * (a minute to the end), so that the first hours of a Ga-68 residue show as well as the years of
 * a Lu-177m one; every item's reference time is added, so each addition shows as a step.
 */
export function curveTimes(from: number, to: number, items: readonly WasteItem[] = []): number[] {
  const span = Math.max(to - from, 120_000);
  const first = 60_000;
  const steps = CURVE_POINTS - 1;
  const times = [from];
  for (let k = 0; k < steps; k++) {
    times.push(from + Math.round(first * Math.pow(span / first, k / (steps - 1))));
  }
  for (const i of items) if (i.at > from && i.at < to) times.push(i.at);
  return [...new Set(times)].sort((a, b) => a - b);
}

function viewOf(w: WasteSnapshot, now: number): View {
  const c = w.container;
  const items = itemsOf(w);
  const closedAt = c.closed_at?.getTime() ?? now;
  const earliest = earliestRelease(items, closedAt, c.rule, c.mass_g ?? undefined);
  const current = containerAt(items, now);
  const from = c.opened_at.getTime();
  const to = Math.max(earliest.at ?? now, now, from + 3_600_000);
  const grid = curveTimes(from, to, items);
  return {
    id: c.id,
    code: c.code,
    placeName: w.placeName,
    siteId: c.site_id,
    hospitalId: c.hospital_id,
    kind: c.kind,
    rule: c.rule,
    massG: c.mass_g,
    status: c.status,
    openedAt: iso(c.opened_at),
    closedAt: c.closed_at ? iso(c.closed_at) : null,
    releaseAfter: c.release_after ? iso(c.release_after) : null,
    releasedAt: c.released_at ? iso(c.released_at) : null,
    items: w.items.map((i) => ({
      description: i.description,
      doseId: i.dose_id,
      referenceAt: iso(i.reference_at),
      contents: i.contents,
    })),
    now: current,
    nowBq: totalBq(current),
    earliest: {
      at: earliest.at === null ? null : iso(earliest.at),
      longestLived: earliest.longestLived,
      reason: earliest.reason,
      warnings: [...earliest.warnings],
    },
    curve: grid.map((t) => ({ at: iso(t), activityBq: totalBq(containerAt(items, t)) })),
    survey: w.survey
      ? {
          backgroundUSvPerH: w.survey.background_usv_h,
          readingUSvPerH: w.survey.reading_usv_h,
          instrument: w.survey.instrument,
          surveyor: w.survey.surveyor,
          surveyedAt: iso(w.survey.surveyed_at),
        }
      : null,
  };
}

/** The register's filter for a caller: a producer's own sites, a hospital's own hospitals. */
const placeFilter = (caller: Caller, scope: Scope) =>
  scope === 'organisation'
    ? { hospitalOrganisationId: caller.organisationId }
    : { siteOrganisationId: caller.organisationId };

export async function listWaste(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  query: z.infer<typeof WasteListQuerySchema>,
): Promise<ServiceResult<{ containers: View[] }>> {
  const rows = await listWasteContainers(deps.db, {
    ...placeFilter(caller, scope),
    limit: LIST_LIMIT,
  });
  const now = deps.now().getTime();
  return success({
    containers: rows
      .filter((r) => query.status === undefined || r.container.status === query.status)
      .map((r) => viewOf(r, now)),
  });
}

async function visible(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<WasteSnapshot | undefined> {
  return (
    await listWasteContainers(deps.db, { ...placeFilter(caller, scope), ids: [id], limit: 1 })
  )[0];
}

export async function openContainer(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  input: z.infer<typeof WasteOpenSchema>,
): Promise<ServiceResult<View>> {
  const place = await ownPlace(
    deps.db,
    scope === 'organisation' ? 'hospital' : 'site',
    input.placeId,
    caller.organisationId,
  );
  if (!place) {
    return invalid(
      'placeId',
      scope === 'organisation' ? 'not a hospital of yours' : 'not a site of yours',
    );
  }
  if (input.rule === 'clearance' && input.massG === undefined) {
    return invalid('massG', 'the clearance rule needs the waste’s mass');
  }
  const actor = actorOf(deps, caller);
  const row = await deps.db.transaction().execute((trx) =>
    insertWasteContainer(trx, actor, {
      code: `W-${crypto.randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`,
      site_id: scope === 'organisation' ? null : place.id,
      hospital_id: scope === 'organisation' ? place.id : null,
      kind: input.kind,
      rule: input.rule,
      mass_g: input.massG ?? null,
    }),
  );
  const created = await visible(deps, caller, scope, row.id);
  return success(viewOf(created!, deps.now().getTime()));
}

/** Locks a container the caller may see, runs `change`, and answers with the container after. */
async function changeContainer(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  change: (
    w: WasteSnapshot,
    actor: Actor,
    trx: Parameters<typeof lockWasteContainer>[0],
  ) => Promise<ServiceResult<null>>,
): Promise<ServiceResult<View>> {
  if (!(await visible(deps, caller, scope, id))) {
    return failure('not-found', `waste container ${id} not found`);
  }
  const actor = actorOf(deps, caller);
  class Refused extends Error {
    constructor(readonly result: ServiceResult<never>) {
      super('refused');
    }
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      const w = (await lockWasteContainer(trx, id))!;
      const done = await change(w, actor, trx);
      if (!done.ok) throw new Refused(done);
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
  return success(viewOf((await visible(deps, caller, scope, id))!, deps.now().getTime()));
}

/** The most items one container takes (a shift's residues, vials and syringes). */
export const MAX_WASTE_ITEMS = 500;

export function addItem(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof WasteItemSchema>,
): Promise<ServiceResult<View>> {
  return changeContainer(deps, caller, scope, id, async (w, actor, trx) => {
    if (w.container.status !== 'open') {
      return failure('conflict', `id: the container is ${w.container.status}`);
    }
    if (w.items.length >= MAX_WASTE_ITEMS) {
      return failure('conflict', `id: the container holds ${MAX_WASTE_ITEMS} items: close it`);
    }
    const nuclide = resolveNuclide(builtinDataset(), input.nuclide);
    if (!nuclide.ok) return invalid('nuclide', nuclide.error.message);
    if (!(nuclide.value.lambda > 0)) return invalid('nuclide', `${nuclide.value.name} is stable`);
    const at = parseInstant(input.at);
    if (!at.ok) return invalid('at', at.error.message);
    if (at.value.epochMs > actor.at.getTime() + 5 * 60_000)
      return invalid('at', 'is in the future');
    if (at.value.epochMs < w.container.opened_at.getTime() - 7 * 86_400_000) {
      return invalid('at', 'is more than 7 days before the container was opened');
    }
    await insertWasteItem(trx, actor, {
      containerId: id,
      description: input.description,
      doseId: null,
      contents: [{ nuclide: nuclide.value.name, activityBq: input.activityBq }],
      referenceAt: new Date(at.value.epochMs),
    });
    return success(null);
  });
}

export function closeContainer(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  id: string,
): Promise<ServiceResult<View>> {
  return changeContainer(deps, caller, scope, id, async (w, actor, trx) => {
    if (w.container.status !== 'open') {
      return failure('conflict', `id: the container is ${w.container.status}`);
    }
    if (w.items.length === 0) return failure('conflict', 'id: the container is empty');
    const earliest = earliestRelease(
      itemsOf(w),
      actor.at.getTime(),
      w.container.rule,
      w.container.mass_g ?? undefined,
    );
    const done = await updateWasteContainer(
      trx,
      actor,
      w.container,
      {
        status: 'closed',
        closed_at: actor.at,
        release_after: earliest.at === null ? null : new Date(earliest.at),
      },
      `closed for decay: ${earliest.reason}`,
    );
    return done ? success(null) : failure('conflict', 'id: the container changed meanwhile');
  });
}

export function releaseContainer(
  deps: WasteDeps,
  caller: Caller,
  scope: Scope,
  id: string,
  input: z.infer<typeof WasteReleaseSchema>,
): Promise<ServiceResult<View>> {
  return changeContainer(deps, caller, scope, id, async (w, actor, trx) => {
    if (w.container.status !== 'closed') {
      return failure('conflict', `id: the container is ${w.container.status}: close it first`);
    }
    const refusal = surveyRefusal({
      surveyedAt: actor.at.getTime(),
      earliestAt: w.container.release_after?.getTime() ?? null,
      backgroundUSvPerH: input.backgroundUSvPerH,
      readingUSvPerH: input.readingUSvPerH,
    });
    if (refusal) {
      return failure('conflict', `${refusal.field}: ${refusal.message}`, [
        { path: refusal.field, message: refusal.message },
      ]);
    }
    await insertWasteSurvey(trx, actor, {
      container_id: id,
      background_usv_h: input.backgroundUSvPerH,
      reading_usv_h: input.readingUSvPerH,
      instrument: input.instrument,
      surveyor: input.surveyor,
      surveyed_at: actor.at,
    });
    const done = await updateWasteContainer(
      trx,
      actor,
      w.container,
      { status: 'released', released_at: actor.at },
      `released after survey by ${input.surveyor}: ${input.readingUSvPerH} µSv/h against background ${input.backgroundUSvPerH} µSv/h`,
    );
    return done ? success(null) : failure('conflict', 'id: the container changed meanwhile');
  });
}
