/** Branching fractions (§5): a nuclide's branches, each to the ground state of its daughter. */
import { decayModes } from './decay-modes.js';
import { type Exact, sum } from './exact.js';
import { type Effect, modeShift } from './mode-shift.js';
import type { State } from './nuclide-names.js';

export interface Branch {
  readonly mode: string;
  readonly effect: Effect;
  /** Daughter name, or null when the atoms leave the system (§5.2). */
  readonly daughter: string | null;
  /** True once §6 has sent this branch to an isomer. */
  readonly toIsomer: boolean;
  readonly fraction: Exact;
}

/** The ground states of the dataset by (Z, A). */
export type GroundStates = ReadonlyMap<string, State>;
const zaKey = (z: number, a: number): string => `${z}/${a}`;

export const groundStates = (states: readonly State[]): GroundStates =>
  new Map(states.filter((s) => s.index === 0).map((s) => [zaKey(s.row.z, s.row.a), s]));

function groundDaughter(state: State, effect: Effect, grounds: GroundStates): string | null {
  if (effect.kind === 'leaves') return null;
  return grounds.get(zaKey(state.row.z + effect.dz, state.row.a + effect.dA))?.name ?? null;
}

/** §5.1–5.2: branches of one nuclide, fractions = intensity / S (S includes SF and dropped branches). */
export function branches(
  state: State,
  grounds: GroundStates,
  zOf: ReadonlyMap<string, number>,
): Branch[] {
  if (state.halfLife === 'stable') return []; // §2.3
  const modes = decayModes(state.row.br, state.row.lineNo);
  const total = sum(modes.map((m) => m.value));
  if (total.isZero()) return [];
  return modes.map((m) => {
    const effect = modeShift(m.mode, zOf);
    const daughter = groundDaughter(state, effect, grounds);
    return { mode: m.mode, effect, daughter, toIsomer: false, fraction: m.value.div(total) };
  });
}
