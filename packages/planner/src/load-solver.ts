import * as highsModule from 'highs';
import type { Highs } from 'highs';

/**
 * Loads the HiGHS solver (WebAssembly) once per process. The planner receives the loaded solver
 * from its caller; this is the one place that loads it. (`highs` ships CommonJS typings for an ES
 * module build, hence the namespace import.)
 */
type Loader = () => Promise<Highs>;
const exported: unknown = highsModule.default;
const loader = (
  typeof exported === 'function' ? exported : (exported as { default: Loader }).default
) as Loader;

let loading: Promise<Highs> | undefined;
export function loadSolver(): Promise<Highs> {
  loading ??= loader();
  return loading;
}

export type { Highs };
