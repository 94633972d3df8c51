/** Decay modes and intensities (§3): the BR field (columns 120–209) of one row. */
import { Exact, HUNDRED, parseDecimal, ZERO } from './exact.js';

export interface Intensity {
  readonly mode: string;
  readonly value: Exact;
}

const UNKNOWN = /^=?\s*\?/; // `?`, `=?` and `= ?` (§3.2)
const VALUE = /^[=~>]\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)#?/i;

/** §3.2, §3.6: one `;`-separated piece → mode and intensity (%). */
function parsePiece(piece: string, lineNo: number): Intensity {
  const m = /^([A-Za-z0-9+-]+)\s*(.*)$/.exec(piece);
  const [, mode = '', rest = ''] = m ?? [];
  if (m === null) throw new Error(`line ${lineNo}: bad BR piece "${piece}"`);
  if (UNKNOWN.test(rest) || rest.startsWith('<')) return { mode, value: ZERO };
  const value = VALUE.exec(rest)?.[1];
  if (value === undefined) throw new Error(`line ${lineNo}: bad BR piece "${piece}"`);
  return { mode, value: parseDecimal(value) };
}

/** §3.1–3.5: the listed modes, first occurrence only, without `IS`, with `B` read as `B-`. */
function listedModes(br: string, lineNo: number): Intensity[] {
  const seen = new Set<string>();
  const modes: Intensity[] = [];
  for (const raw of br.replace(/\[[^\]]*\]/g, '').split(';')) {
    const piece = raw.trim();
    if (piece === '') continue;
    const parsed = parsePiece(piece, lineNo);
    const mode = parsed.mode === 'B' ? 'B-' : parsed.mode;
    if (mode === 'IS' || seen.has(mode)) continue;
    seen.add(mode);
    modes.push({ mode, value: parsed.value });
  }
  return modes;
}

/** §3.7: B+ includes EC and e+. */
const dropSplitOfBetaPlus = (modes: readonly Intensity[]): Intensity[] =>
  modes.some((m) => m.mode === 'B+')
    ? modes.filter((m) => m.mode !== 'EC' && m.mode !== 'e+')
    : [...modes];

/** §3.8: nothing known → the first listed mode gets 100. */
function nothingKnown(modes: readonly Intensity[]): Intensity[] {
  if (modes.length === 0 || modes.some((m) => !m.value.isZero())) return [...modes];
  return modes.map((m, k) => (k === 0 ? { mode: m.mode, value: HUNDRED } : m));
}

/** §3.9: which beta mode a delayed-particle mode is part of (undefined if it is not delayed). */
function delayedParentGroup(mode: string): 'B-' | 'B+' | undefined {
  if (mode === 'EC+B+') return undefined;
  if (mode.startsWith('B-') && mode.length > 2) return 'B-';
  if ((mode.startsWith('B+') || mode.startsWith('EC')) && mode.length > 2) return 'B+';
  return undefined;
}

/** §3.9: subtract delayed-particle intensities from their beta mode, never below 0. */
function subtractDelayed(modes: readonly Intensity[]): Intensity[] {
  const listed = new Set(modes.map((m) => m.mode));
  const betaPlus = ['B+', 'EC', 'EC+B+'].find((m) => listed.has(m));
  const target = (group: 'B-' | 'B+'): string | undefined => (group === 'B-' ? 'B-' : betaPlus);
  const taken = new Map<string, Exact>();
  for (const m of modes) {
    const group = delayedParentGroup(m.mode);
    const to = group === undefined ? undefined : target(group);
    if (to !== undefined && listed.has(to)) taken.set(to, (taken.get(to) ?? ZERO).add(m.value));
  }
  return modes.map((m) => ({
    mode: m.mode,
    value: Exact.max(ZERO, m.value.sub(taken.get(m.mode) ?? ZERO)),
  }));
}

/**
 * §3: the final intensities (%) of the modes of a BR field, in listed order. `lineNo` is the
 * field's line in the NUBASE file, for error messages.
 */
export const decayModes = (br: string, lineNo: number): Intensity[] =>
  subtractDelayed(nothingKnown(dropSplitOfBetaPlus(listedModes(br, lineNo))));
