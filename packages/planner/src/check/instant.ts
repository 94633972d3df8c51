/** Instants of the instance and plan as whole seconds since 1970 (the rules compare to the second). */

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Seconds since 1970 of an ISO 8601 instant with an offset or Z, or undefined when it is none. */
export function instantSeconds(text: string | undefined): number | undefined {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? Math.round(ms / 1000) : undefined;
}

/** Relative comparison with the rules' slack of 1e-6. */
export const SLACK = 1e-6;

/** a ≤ b allowing the relative slack. */
export function atMost(a: number, b: number): boolean {
  return a <= b + SLACK * Math.max(Math.abs(a), Math.abs(b));
}

/** a and b equal within the relative slack (absolute 1e-9 near zero). */
export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= SLACK * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;
}

/** Two instants (seconds) are the same to the second. */
export function sameSecond(a: number, b: number): boolean {
  return Math.abs(a - b) < 1;
}
