import type { DecaySolver } from './decay-solver.js';
import type { Seconds } from './units.js';

/** Activities of every chain member on a time grid: `activities[member][point]`, Bq. */
export interface ActivityCurve {
  readonly times: readonly number[];
  readonly members: readonly string[];
  readonly activities: readonly Float64Array[];
}

export function activityCurve(solver: DecaySolver, times: readonly Seconds[]): ActivityCurve {
  const n = solver.members.length;
  const activities = solver.members.map(() => new Float64Array(times.length));
  const atoms = new Float64Array(n);
  const now = new Float64Array(n);
  times.forEach((t, k) => {
    solver.evaluate(t, atoms, now);
    for (let i = 0; i < n; i++) (activities[i] as Float64Array)[k] = now[i] as number;
  });
  return { times, members: solver.members.map((m) => m.name), activities };
}

/** `count` points from `from` to `to`, evenly spaced (one point: `from`). */
export function timeGrid(from: Seconds, to: Seconds, count: number): Seconds[] {
  if (count <= 1) return count === 1 ? [from] : [];
  return Array.from(
    { length: count },
    (_, k) => (from + ((to - from) * k) / (count - 1)) as Seconds,
  );
}
