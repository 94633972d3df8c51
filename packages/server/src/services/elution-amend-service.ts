import { amendElution, getGenerator, listElutions } from '@halflife/db';
import type { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import type { ElutionAmendSchema, GeneratorDetailSchema } from '../generator-schemas.js';
import { failure, type ServiceResult } from '../service-error.js';
import { judgedBreakthrough, physicallyPossible } from './elution-check.js';
import { getGeneratorFor } from './generators-service.js';
import { actorFor, invalid, type SupplyDeps } from './supply-access.js';

/**
 * Corrects a wrong elution record (its measured figures) or voids it, always with a reason; the
 * old values stay in the audit trail. A correction is held to the same physics as a new record.
 */
export async function amendElutionFor(
  deps: SupplyDeps,
  caller: Caller,
  ids: { generatorId: string; elutionId: string },
  input: z.infer<typeof ElutionAmendSchema>,
): Promise<ServiceResult<z.infer<typeof GeneratorDetailSchema>>> {
  const generator = await getGenerator(deps.db, ids.generatorId);
  if (!generator) return failure('not-found', `generator ${ids.generatorId} not found`);
  const elutions = await listElutions(deps.db, [ids.generatorId]);
  const elution = elutions.find((e) => e.id === ids.elutionId);
  if (!elution) {
    return failure(
      'not-found',
      `elution ${ids.elutionId} of generator ${ids.generatorId} not found`,
    );
  }
  if (input.action === 'correct') {
    if (input.measuredActivityBq === undefined && input.breakthroughBq === undefined) {
      return invalid(
        'measuredActivityBq',
        'give the corrected measuredActivityBq or breakthroughBq',
      );
    }
    const others = elutions.filter((e) => e.id !== elution.id);
    const possible = physicallyPossible(
      generator,
      others,
      elution.at,
      input.measuredActivityBq,
      'measuredActivityBq',
    );
    if (!possible.ok) return possible;
  }
  const measured = input.action === 'correct' ? input.measuredActivityBq : undefined;
  const breakthrough = input.action === 'correct' ? input.breakthroughBq : undefined;
  const amended = await amendElution(
    deps.db,
    ids,
    input.action === 'void'
      ? { kind: 'void' }
      : {
          kind: 'correct',
          ...(measured === undefined ? {} : { measured_activity_bq: measured }),
          ...(breakthrough === undefined ? {} : { breakthrough_bq: breakthrough }),
          breakthrough_passed: judgedBreakthrough(
            generator.type,
            breakthrough ?? elution.breakthrough_bq,
            measured ?? elution.measured_activity_bq,
          ),
        },
    input.reason,
    actorFor(deps, caller),
  );
  if (!amended) return failure('not-found', `elution ${ids.elutionId} not found`);
  return getGeneratorFor(deps, caller, ids.generatorId);
}
