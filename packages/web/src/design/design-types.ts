import type { components } from '../api/schema.js';

/** The network-design API's shapes, as the server's OpenAPI document gives them. */
export type DesignScenario = components['schemas']['DesignScenario'];
export type DesignRunSummary = components['schemas']['DesignRunSummary'];
export type DesignRun = components['schemas']['DesignRun'];
export type DesignResult = NonNullable<DesignRun['result']>;
export type DesignTemplate = components['schemas']['DesignTemplateList']['templates'][number];
export type UnservedReason = DesignResult['unserved'][number]['reason'];
export type TransportMode = DesignResult['assignments'][number]['mode'];
/** A finished run: its result is there. */
export type SolvedRun = DesignRun & { readonly result: DesignResult };

export const isSolved = (run: DesignRun | undefined): run is SolvedRun =>
  run !== undefined && run.status === 'done' && run.result !== null;
