import {
  getDesignScenario,
  insertDesignScenario,
  listDesignScenarios,
  type Database,
  type DesignRun,
  type DesignRunSummary,
} from '@halflife/db';
import { demoDesignScenarios, parseDesignScenario, type DesignScenario } from '@halflife/strategy';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import { failure, success, type ServiceResult } from '../service-error.js';

/**
 * Network design (issue 16): scenarios are saved and queued; any server process solves them
 * (design-execution.ts); a saved scenario and its result are kept for comparison. Templates are
 * the demo network's questions, marked demo data.
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

export function listTemplates() {
  return {
    templates: [...templateMap()].map(([key, s]) => ({
      key,
      name: s.name,
      description: s.description ?? '',
      hospitals: s.hospitals.length,
      sites: s.sites.length,
    })),
  };
}

export function template(key: string): ServiceResult<DesignScenario> {
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
