/**
 * One colour per group, the same in the waterfall, the swimmer plot and the survival curves:
 * in the order the dashboard lists its groups. Colour-blind-safe (Okabe–Ito) where it can be.
 */
export const GROUP_PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#7c3aed',
  '#475569',
] as const;

/** The colour of each group, by name. */
export function groupColours(groups: readonly string[]): ReadonlyMap<string, string> {
  return new Map(groups.map((g, i) => [g, GROUP_PALETTE[i % GROUP_PALETTE.length] ?? '#475569']));
}

/** A group's colour, grey for one the dashboard does not list. */
export function colourOf(colours: ReadonlyMap<string, string>, group: string): string {
  return colours.get(group) ?? '#94a3b8';
}
