import {
  getDesignScenario,
  insertDesignScenario,
  listDesignScenarios,
  networkRows,
  ordersByHospitalProduct,
  type Database,
  type DesignRun,
  type DesignRunSummary,
} from '@halflife/db';
import {
  demoDesignScenarios,
  designProduct,
  parseDesignScenario,
  recordedDesignScenario,
  type DesignScenario,
} from '@halflife/strategy';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';

/**
 * Network design (issue 16): scenarios are saved and queued; any server process solves them
 * (design-execution.ts); a saved scenario and its result are kept for comparison. Templates are
 * the network as recorded and the demo network's questions (marked demo data).
 */
export interface DesignDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
  /** Look for scenarios to solve now. */
  readonly nudgeDesign?: () => void;
}

/** The newest scenarios a list shows. */
export const DESIGN_LIST_LIMIT = 100;

const TEMPLATE_KEYS = [
  'demo-network',
  'close-site',
  'cyclotron-30mev',
  'pb212-central',
  'pb212-distributed',
] as const;

let templates: Map<string, DesignScenario> | undefined;
/** The demo questions, built once per process (pure and deterministic). */
function templateMap(): Map<string, DesignScenario> {
  templates ??= new Map(demoDesignScenarios().map((s, i) => [TEMPLATE_KEYS[i]!, s]));
  return templates;
}

/** The template built from the records: the network as it is, with the demand its orders show. */
export const NETWORK_TEMPLATE = 'network';
/** Orders counted for the recorded demand: calibrated in the last 4 weeks and the coming one. */
const DEMAND_WINDOW_DAYS = { back: 28, ahead: 7 } as const;
const DAY_MS = 86_400_000;

/**
 * The network in the database as a design scenario. Weekly demand per hospital and product is
 * its orders in the window divided by the weeks from the window's first order to its end (at
 * least one week).
 */
export async function networkScenario(deps: DesignDeps): Promise<DesignScenario> {
  const now = deps.now();
  const from = new Date(now.getTime() - DEMAND_WINDOW_DAYS.back * DAY_MS);
  const to = new Date(now.getTime() + DEMAND_WINDOW_DAYS.ahead * DAY_MS);
  const [rows, orders] = await Promise.all([
    networkRows(deps.db),
    ordersByHospitalProduct(deps.db, from, to),
  ]);
  const start = orders.first && orders.first > from ? orders.first : from;
  const weeks = Math.max(1, (to.getTime() - start.getTime()) / (7 * DAY_MS));
  const demand = new Map<string, Record<string, number>>();
  for (const c of orders.counts) {
    const row = demand.get(c.hospitalId) ?? {};
    row[c.productCode] = Math.round((100 * c.orders) / weeks) / 100;
    demand.set(c.hospitalId, row);
  }
  const airHubs = new Set(rows.lanes.filter((l) => l.mode === 'air').map((l) => l.site_id));
  return recordedDesignScenario({
    name: 'The network as recorded',
    description: `The sites, hospitals and products in the records, with the weekly demand of the orders calibrated from ${from.toISOString().slice(0, 10)} to ${to.toISOString().slice(0, 10)}.`,
    sites: rows.sites.map((site) => {
      const equipment = rows.equipment.filter((e) => e.site_id === site.id);
      const codes = equipment.flatMap((e) => {
        const listed = e.capacity['productCodes'];
        return Array.isArray(listed)
          ? listed.filter((c): c is string => typeof c === 'string')
          : [];
      });
      return {
        id: site.id,
        name: site.name,
        city: site.city,
        latitude: site.latitude,
        longitude: site.longitude,
        airHub: airHubs.has(site.id),
        equipment,
        productCodes: [...new Set(codes)],
      };
    }),
    hospitals: rows.hospitals.map((h) => ({
      id: h.id,
      name: h.name,
      city: h.city,
      latitude: h.latitude,
      longitude: h.longitude,
      demand: demand.get(h.id) ?? {},
    })),
    products: rows.products.map((p) =>
      designProduct({
        code: p.code,
        name: p.name,
        nuclide: p.nuclide,
        use: p.use,
        doseBq: p.dose_bq,
        doseBqPerKg: p.dose_bq_per_kg,
        doseMinBq: null,
        doseMaxBq: null,
        qcMinutes: p.qc_minutes,
        shelfLifeMinutes: p.shelf_life_minutes,
        radiochemicalYield: p.radiochemical_yield,
        costPerGbq: p.cost_per_gbq,
      }),
    ),
    lanes: rows.lanes.map((l) => ({
      site: l.site_id,
      hospital: l.hospital_id,
      mode: l.mode,
      minutes: l.duration_minutes,
      cost: l.cost,
    })),
    sources: [
      `Demand: orders calibrated in the ${DEMAND_WINDOW_DAYS.back} days before and ${DEMAND_WINDOW_DAYS.ahead} after the day the template was made, per week (cancelled and rejected orders left out).`,
    ],
  });
}

const summaryOf = (key: string, s: DesignScenario) => ({
  key,
  name: s.name,
  description: s.description ?? '',
  hospitals: s.hospitals.length,
  sites: s.sites.length,
});

export async function listTemplates(deps: DesignDeps) {
  return {
    templates: [
      summaryOf(NETWORK_TEMPLATE, await networkScenario(deps)),
      ...[...templateMap()].map(([key, s]) => summaryOf(key, s)),
    ],
  };
}

export async function template(
  deps: DesignDeps,
  key: string,
): Promise<ServiceResult<DesignScenario>> {
  if (key === NETWORK_TEMPLATE) return success(await networkScenario(deps));
  const found = templateMap().get(key);
  return found ? success(found) : failure('not-found', `key: no template '${key}'`);
}

const view = (run: DesignRunSummary) => ({
  id: run.id,
  name: run.name,
  status: run.status,
  hospitals: run.hospitals,
  sites: run.sites,
  progress: run.progress,
  error: run.error,
  createdAt: run.createdAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
});

/** Validates and saves a scenario, and queues its solve. */
export async function createDesign(
  deps: DesignDeps,
  caller: Caller,
  body: unknown,
): Promise<ServiceResult<ReturnType<typeof view>>> {
  const parsed = parseDesignScenario(body);
  if (!parsed.ok)
    return failure(
      'invalid',
      parsed.errors.slice(0, 5).join('; '),
      parsed.errors.map((line) => {
        const colon = line.indexOf(': ');
        return colon > 0
          ? { path: line.slice(0, colon), message: line.slice(colon + 2) }
          : { path: '(body)', message: line };
      }),
    );
  const run = await insertDesignScenario(deps.db, parsed.value, {
    userId: caller.userId,
    organisationId: caller.organisationId,
    at: deps.now(),
  });
  deps.nudgeDesign?.();
  return success(view(run));
}

export async function listDesigns(deps: DesignDeps) {
  return { scenarios: (await listDesignScenarios(deps.db, DESIGN_LIST_LIMIT)).map(view) };
}

export async function designDetail(
  deps: DesignDeps,
  id: string,
): Promise<ServiceResult<ReturnType<typeof view> & Pick<DesignRun, 'scenario' | 'result'>>> {
  const run = await getDesignScenario(deps.db, id);
  if (!run) return failure('not-found', `id: no design scenario ${id}`);
  return success({ ...view(run), scenario: run.scenario, result: run.result });
}
