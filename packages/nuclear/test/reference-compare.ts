/** The reference tolerance of the decay cases (shared reference README): used by tests and tools. */
export interface Deviation {
  readonly kind: 'activities' | 'numbers';
  readonly nuclide: string;
  readonly got: number | undefined;
  readonly expected: number;
  readonly reason: string;
}

type Values = Readonly<Record<string, number>>;

export function compareKind(
  kind: Deviation['kind'],
  got: Values,
  expected: Values,
  rtol = 1e-9,
  floor = 1e-9,
): Deviation[] {
  const out: Deviation[] = [];
  const largest = Math.max(0, ...Object.values(expected).map(Math.abs));
  for (const [nuclide, e] of Object.entries(expected)) {
    const g = got[nuclide];
    if (g === undefined) {
      out.push({ kind, nuclide, got: g, expected: e, reason: 'missing' });
      continue;
    }
    if (!Number.isFinite(g) || g < 0) {
      out.push({ kind, nuclide, got: g, expected: e, reason: 'negative or not finite' });
      continue;
    }
    const limit = Math.abs(e) >= floor * largest ? rtol * Math.abs(e) : floor * largest;
    if (Math.abs(g - e) > limit) {
      out.push({
        kind,
        nuclide,
        got: g,
        expected: e,
        reason: `off by ${Math.abs(g - e) / Math.max(Math.abs(e), 1e-300)} relative`,
      });
    }
  }
  for (const [nuclide, g] of Object.entries(got)) {
    if (!(nuclide in expected) && Math.abs(g) > floor * largest) {
      out.push({
        kind,
        nuclide,
        got: g,
        expected: 0,
        reason: 'extra nuclide with a non-negligible value',
      });
    }
  }
  return out;
}
