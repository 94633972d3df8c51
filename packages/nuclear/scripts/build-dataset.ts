/**
 * Builds packages/nuclear/src/data/nubase2020.json, the product's decay dataset.
 *
 * Sources:
 *   - NUBASE2020: F.G. Kondev, M. Wang, W.J. Huang, S. Naimi and G. Audi, "The NUBASE2020
 *     evaluation of nuclear physics properties", Chin. Phys. C 45, 030001 (2021); the AMDC file
 *     `nubase2020/nubase_4.mas20.txt`, read unmodified.
 *   - `isomer-feeding.csv`: which decays feed an isomeric daughter (ICRP Publication 107,
 *     ENSDF-based).
 *
 * The rules are those of shared/reference/decay/CONVENTIONS.md ("Decay-chain dataset conventions
 * (NUBASE2020)"); the § numbers in the comments below refer to it.
 *
 * Arithmetic is exact (decimal.js, 80 digits): every half-life and intensity is the value of its
 * decimal text. Fractions are rounded to float64 once, at the end.
 *
 * Usage (from packages/nuclear):  npx tsx scripts/build-dataset.ts <shared-data-dir>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';

const USAGE = 'usage: npx tsx scripts/build-dataset.ts <shared-data-dir>  (e.g. /work/shared/data)';
const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const OUTPUT = resolve(SCRIPT_DIR, '../src/data/nubase2020.json');
const NAME = 'NUBASE2020';
const CITATION =
  'F.G. Kondev, M. Wang, W.J. Huang, S. Naimi and G. Audi, The NUBASE2020 evaluation of nuclear physics properties, Chin. Phys. C 45, 030001 (2021). Isomer feeding: ICRP Publication 107 (ENSDF-based).';
const DERIVATION =
  'packages/nuclear/scripts/build-dataset.ts following the NUBASE2020 decay-chain conventions (docs/nuclear-data.md)';

// ---------------------------------------------------------------------------------------------
// Exact decimals

/**
 * PRECISION significant digits: every half-life and intensity below is a short decimal, so their
 * products and sums are exact; quotients (fractions) carry that many digits until the float64 rounding.
 * toExpNeg/toExpPos make toString() print plain notation.
 */
const PRECISION = 80;
const Exact = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
type Exact = Decimal;

const ZERO: Exact = new Exact(0);
const HUNDRED: Exact = new Exact(100);
const sum = (xs: readonly Exact[]): Exact => xs.reduce((acc, x) => acc.add(x), ZERO);

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** The exact value of a decimal literal such as `6.0066`, `5.3e-10` or `-12`. */
function parseDecimal(text: string): Exact {
  if (!DECIMAL.test(text)) throw new Error(`not a decimal number: "${text}"`);
  return new Exact(text);
}

// ---------------------------------------------------------------------------------------------
// NUBASE rows (§1: 1-based, inclusive column ranges)

interface NubaseRow {
  readonly lineNo: number;
  readonly a: number;
  readonly z: number;
  readonly i: number;
  readonly s: string;
  readonly symbol: string;
  readonly massExcess: string;
  readonly excitation: string;
  readonly halfLife: string;
  readonly unit: string;
  readonly br: string;
}

const column = (line: string, from: number, to: number): string => line.slice(from - 1, to).trim();

/** §1.5: the element symbol is the letters of `A El` after the leading mass digits. */
function elementSymbol(aEl: string, lineNo: number): string {
  const m = /^\d+([A-Za-z]+)$/.exec(aEl);
  if (m?.[1] === undefined) throw new Error(`line ${lineNo}: bad A El field "${aEl}"`);
  return m[1];
}

function parseRow(line: string, lineNo: number): NubaseRow {
  return {
    lineNo,
    a: Number(column(line, 1, 3)),
    z: Number(column(line, 5, 7)),
    i: Number(column(line, 8, 8)),
    s: column(line, 17, 17),
    symbol: elementSymbol(column(line, 12, 16), lineNo),
    massExcess: column(line, 19, 31),
    excitation: column(line, 43, 54),
    halfLife: column(line, 70, 78),
    unit: column(line, 79, 80),
    br: column(line, 120, 209),
  };
}

function readNubase(path: string): NubaseRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.replace(/\r$/, ''), lineNo: index + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .map(({ line, lineNo }) => parseRow(line, lineNo));
}

// ---------------------------------------------------------------------------------------------
// Half-lives (§2)

const YEAR = parseDecimal('31556926.08'); // 365.2422 d
const UNIT_SECONDS: ReadonlyMap<string, Exact> = new Map([
  ...(['ys', 'zs', 'as', 'fs', 'ps', 'ns', 'us', 'ms'] as const).map(
    (u, k) => [u, parseDecimal(`1e${3 * k - 24}`)] as const,
  ),
  ['s', parseDecimal('1')],
  ['m', parseDecimal('60')],
  ['h', parseDecimal('3600')],
  ['d', parseDecimal('86400')],
  ['y', YEAR],
  ...(['ky', 'My', 'Gy', 'Ty', 'Py', 'Ey', 'Zy', 'Yy'] as const).map(
    (u, k) => [u, YEAR.mul(`1e${3 * (k + 1)}`)] as const,
  ),
]);

/** Seconds, `'stable'`, or null when the row is not in the dataset (blank or `p-unst`, §2.4). */
type HalfLife = Exact | 'stable' | null;

function parseHalfLife(row: NubaseRow): HalfLife {
  if (row.halfLife === '' || row.halfLife === 'p-unst') return null;
  if (row.halfLife === 'stbl') return 'stable';
  const number = row.halfLife.replace(/^[<>~]/, '').replace(/#$/, ''); // §2.1
  const unit = UNIT_SECONDS.get(row.unit);
  if (unit === undefined)
    throw new Error(`line ${row.lineNo}: unknown half-life unit "${row.unit}"`);
  const seconds = parseDecimal(number).mul(unit);
  if (seconds.sd() >= PRECISION) throw new Error(`line ${row.lineNo}: half-life not exact`);
  return seconds;
}

// ---------------------------------------------------------------------------------------------
// Which rows are nuclides, and their names (§1)

interface State {
  readonly row: NubaseRow;
  readonly halfLife: Exact | 'stable';
  /** Excitation energy with `#` removed (0 for ground states). */
  readonly excitation: Exact;
  /** 0 for the ground state, 1, 2, … for kept isomers in excitation order (§1.6). */
  readonly index: number;
  readonly name: string;
}

const ISOMER_LETTERS = new Set(['m', 'n', 'p', 'q', 'r', 'x']);
const ONE_MS = parseDecimal('0.001');

/** §1.1–1.4, §2.4: the rows that become nuclides, in file order (index and name not yet set). */
function keptRows(rows: readonly NubaseRow[]): { row: NubaseRow; halfLife: Exact | 'stable' }[] {
  const kept: { row: NubaseRow; halfLife: Exact | 'stable' }[] = [];
  for (const row of rows) {
    if (row.i === 8 || row.i === 9 || row.s === 'i' || row.s === 'j') continue; // §1.3 IAS
    if (row.excitation === 'non-exist') continue; // §1.3
    const isomer = row.i !== 0;
    if (isomer && !(row.i <= 6 && ISOMER_LETTERS.has(row.s))) {
      throw new Error(`line ${row.lineNo}: unexpected state i=${row.i} s="${row.s}"`);
    }
    const halfLife = parseHalfLife(row);
    if (halfLife === null) continue; // §2.4
    if (isomer && halfLife !== 'stable' && halfLife.lt(ONE_MS)) continue; // §1.4
    kept.push({ row, halfLife });
  }
  return kept;
}

/** §1.6: `m`, `n`, `m3`, `m4`, … for the 1st, 2nd, 3rd, … kept isomer. */
const isomerSuffix = (index: number): string => ['', 'm', 'n'][index] ?? `m${index}`;

const stateName = (symbol: string, a: number, index: number): string =>
  `${symbol}-${a}${isomerSuffix(index)}`;

const excitationOf = (row: NubaseRow): Exact =>
  row.i === 0 ? ZERO : parseDecimal(row.excitation.replace(/#$/, ''));

/** §1.6: index the kept states of each (Z, A) by excitation energy (stable sort: ties keep file order). */
function nameStates(kept: ReturnType<typeof keptRows>): State[] {
  const groups = new Map<
    string,
    { row: NubaseRow; halfLife: Exact | 'stable'; excitation: Exact }[]
  >();
  for (const k of kept) {
    const key = `${k.row.z}/${k.row.a}`;
    const group = groups.get(key) ?? [];
    group.push({ ...k, excitation: excitationOf(k.row) });
    groups.set(key, group);
  }
  const states: State[] = [];
  for (const group of groups.values()) {
    const ground = group.filter((g) => g.row.i === 0);
    const isomers = group
      .filter((g) => g.row.i !== 0)
      .sort((x, y) => x.excitation.cmp(y.excitation));
    const indexed = [
      ...ground.map((g) => ({ g, index: 0 })),
      ...isomers.map((g, k) => ({ g, index: k + 1 })),
    ];
    for (const { g, index } of indexed)
      states.push({ ...g, index, name: stateName(g.row.symbol, g.row.a, index) });
  }
  return states;
}

/** §1.5: every symbol must match its Z; returns symbol → Z for cluster modes (§4.2). */
function symbolTable(rows: readonly NubaseRow[]): ReadonlyMap<string, number> {
  const zOf = new Map<string, number>();
  for (const row of rows) {
    const known = zOf.get(row.symbol);
    if (known !== undefined && known !== row.z)
      throw new Error(`line ${row.lineNo}: ${row.symbol} is Z=${known}`);
    zOf.set(row.symbol, row.z);
  }
  return zOf;
}

// ---------------------------------------------------------------------------------------------
// Decay modes and intensities (§3)

interface Intensity {
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

/** §3: the final intensities (%) of a row's modes, in listed order. */
const intensities = (row: NubaseRow): Intensity[] =>
  subtractDelayed(nothingKnown(dropSplitOfBetaPlus(listedModes(row.br, row.lineNo))));

// ---------------------------------------------------------------------------------------------
// Mode → change of (Z, A) (§4)

type Effect =
  | { readonly kind: 'leaves' }
  | { readonly kind: 'shift'; readonly dz: number; readonly dA: number };

const PARTICLES: Readonly<Record<string, readonly [number, number]>> = {
  n: [0, -1],
  p: [-1, -1],
  A: [-2, -4],
  d: [-1, -2],
  t: [-1, -3],
};
const BETA_PREFIXES: readonly (readonly [string, number])[] = [
  ['B-', 1],
  ['B+', -1],
  ['EC', -1],
  ['e+', -1],
];
const FIXED_EFFECTS: Readonly<Record<string, readonly [number, number]>> = {
  IT: [0, 0],
  '2B-': [2, 0],
  '2B+': [-2, 0],
  '2EC': [-2, 0],
  'EC+B+': [-1, 0],
};

/** §4.1: emitted particles in the order written, a leading count multiplying (`2n`, `pA`, `A`). */
function particleShift(text: string): [number, number] | undefined {
  if (!/^(?:\d*[npAdt])*$/.test(text)) return undefined;
  let [dz, dA] = [0, 0];
  for (const [, count = '', particle = ''] of text.matchAll(/(\d*)([npAdt])/g)) {
    const times = count === '' ? 1 : Number(count);
    const [pz, pa] = PARTICLES[particle] ?? [0, 0];
    [dz, dA] = [dz + times * pz, dA + times * pa];
  }
  return [dz, dA];
}

/** §4.1: a beta step (`B-`, `B+`, `EC`, `e+`) followed by any delayed particles. */
function betaShift(mode: string): [number, number] | undefined {
  const prefix = BETA_PREFIXES.find(([p]) => mode.startsWith(p));
  if (prefix === undefined) return undefined;
  const particles = particleShift(mode.slice(prefix[0].length));
  return particles === undefined ? undefined : [prefix[1] + particles[0], particles[1]];
}

/** §4.2: a cluster `NNSym` (a mixture `24Ne+26Ne` uses the first one). */
function clusterShift(
  mode: string,
  zOf: ReadonlyMap<string, number>,
): [number, number] | undefined {
  const m = /^(\d+)([A-Z][a-z]?)(?:\+\d+[A-Z][a-z]?)*$/.exec(mode);
  const z = m?.[2] === undefined ? undefined : zOf.get(m[2]);
  return z === undefined || m?.[1] === undefined ? undefined : [-z, -Number(m[1])];
}

/** §4: the change of (Z, A) of a mode, or `leaves` for fission-type modes. */
function modeEffect(mode: string, zOf: ReadonlyMap<string, number>): Effect {
  if (mode.endsWith('SF')) return { kind: 'leaves' }; // SF, B-SF, B+SF, ECSF
  const shift =
    mode === ''
      ? undefined
      : (FIXED_EFFECTS[mode] ?? betaShift(mode) ?? particleShift(mode) ?? clusterShift(mode, zOf));
  if (shift === undefined) throw new Error(`unknown decay mode "${mode}"`);
  return { kind: 'shift', dz: shift[0], dA: shift[1] };
}

// ---------------------------------------------------------------------------------------------
// Branching fractions (§5)

interface Branch {
  readonly mode: string;
  readonly effect: Effect;
  /** Daughter name, or null when the atoms leave the system (§5.2). */
  readonly daughter: string | null;
  /** True once §6 has sent this branch to an isomer. */
  readonly toIsomer: boolean;
  readonly fraction: Exact;
}

type GroundStates = ReadonlyMap<string, State>;
const zaKey = (z: number, a: number): string => `${z}/${a}`;

function groundDaughter(state: State, effect: Effect, grounds: GroundStates): string | null {
  if (effect.kind === 'leaves') return null;
  return grounds.get(zaKey(state.row.z + effect.dz, state.row.a + effect.dA))?.name ?? null;
}

/** §5.1–5.2: branches of one nuclide, fractions = intensity / S (S includes SF and dropped branches). */
function branchesOf(
  state: State,
  grounds: GroundStates,
  zOf: ReadonlyMap<string, number>,
): Branch[] {
  if (state.halfLife === 'stable') return []; // §2.3
  const modes = intensities(state.row);
  const total = sum(modes.map((m) => m.value));
  if (total.isZero()) return [];
  return modes.map((m) => {
    const effect = modeEffect(m.mode, zOf);
    const daughter = groundDaughter(state, effect, grounds);
    return { mode: m.mode, effect, daughter, toIsomer: false, fraction: m.value.div(total) };
  });
}

// ---------------------------------------------------------------------------------------------
// Isomer feeding (§6)

interface FeedingRow {
  readonly parent: string;
  readonly mode: string;
  readonly daughter: string;
  readonly fraction: Exact;
}

function readFeeding(path: string): FeedingRow[] {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (header !== 'parent,mode,daughter,fraction,source')
    throw new Error(`${path}: unexpected header "${header}"`);
  return lines.map((line) => {
    const [parent, mode, daughter, fraction] = line.split(',').map((f) => f.trim());
    if (
      parent === undefined ||
      mode === undefined ||
      daughter === undefined ||
      fraction === undefined
    ) {
      throw new Error(`${path}: bad row "${line}"`);
    }
    return { parent, mode, daughter, fraction: parseDecimal(fraction) };
  });
}

const sameShift = (x: Effect, y: Effect): boolean =>
  x.kind === 'shift' && y.kind === 'shift' && x.dz === y.dz && x.dA === y.dA;

/**
 * §6.1: send min(fraction, F) of the matching ground-state branches to the isomer, taking from
 * them in listed order; each isomer branch follows the branch it was taken from.
 */
function applyFeeding(
  parent: State,
  branches: readonly Branch[],
  feed: FeedingRow,
  isomer: State,
  zOf: ReadonlyMap<string, number>,
): Branch[] {
  const effect = modeEffect(feed.mode, zOf);
  const matches = (b: Branch): boolean =>
    !b.toIsomer &&
    sameShift(b.effect, effect) &&
    b.effect.kind === 'shift' &&
    parent.row.z + b.effect.dz === isomer.row.z &&
    parent.row.a + b.effect.dA === isomer.row.a;
  let remaining = Exact.min(feed.fraction, sum(branches.filter(matches).map((b) => b.fraction)));
  const result: Branch[] = [];
  for (const b of branches) {
    if (matches(b) && b.daughter === null) {
      throw new Error(
        `${parent.name} → ${isomer.name}: the ground state of the isomer is not in the dataset`,
      );
    }
    const taken = matches(b) ? Exact.min(remaining, b.fraction) : ZERO;
    remaining = remaining.sub(taken);
    result.push({ ...b, fraction: b.fraction.sub(taken) });
    if (!taken.isZero())
      result.push({ ...b, daughter: isomer.name, toIsomer: true, fraction: taken });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output

interface OutputNuclide {
  readonly n: string;
  readonly z: number;
  readonly a: number;
  readonly s: number;
  readonly t: string | null;
  readonly e: number;
  readonly me: number | null;
  readonly b: readonly (readonly [string, string | null, number])[];
}

function massExcess(text: string): number | null {
  const value = Number(text.replace(/#$/, ''));
  return text === '' || !Number.isFinite(value) ? null : value;
}

/** §5.3: zero-fraction branches do not exist. */
function outputNuclide(state: State, branches: readonly Branch[]): OutputNuclide {
  return {
    n: state.name,
    z: state.row.z,
    a: state.row.a,
    s: state.index,
    t: state.halfLife === 'stable' ? null : state.halfLife.toString(),
    e: state.excitation.toNumber(),
    me: massExcess(state.row.massExcess),
    b: branches
      .filter((b) => !b.fraction.isZero())
      .map((b) => [b.mode, b.daughter, b.fraction.toNumber()] as const),
  };
}

function buildDataset(dataDir: string): OutputNuclide[] {
  const rows = readNubase(join(dataDir, 'nubase2020', 'nubase_4.mas20.txt'));
  const zOf = symbolTable(rows);
  const states = nameStates(keptRows(rows));
  const byName = new Map(states.map((s) => [s.name, s]));
  const grounds = new Map(
    states.filter((s) => s.index === 0).map((s) => [zaKey(s.row.z, s.row.a), s]),
  );
  const branches = new Map(states.map((s) => [s.name, branchesOf(s, grounds, zOf)]));
  for (const feed of readFeeding(join(dataDir, 'isomer-feeding.csv'))) {
    const parent = byName.get(feed.parent);
    const isomer = byName.get(feed.daughter);
    if (parent === undefined || isomer === undefined || isomer.index === 0) {
      throw new Error(
        `isomer-feeding.csv: ${feed.parent} → ${feed.daughter} does not match the dataset`,
      );
    }
    branches.set(
      parent.name,
      applyFeeding(parent, branches.get(parent.name) ?? [], feed, isomer, zOf),
    );
  }
  return states
    .sort((x, y) => x.row.z - y.row.z || x.row.a - y.row.a || x.index - y.index)
    .map((s) => outputNuclide(s, branches.get(s.name) ?? []));
}

function serialise(nuclides: readonly OutputNuclide[]): string {
  const head = JSON.stringify({ name: NAME, citation: CITATION, derivation: DERIVATION }, null, 2);
  const body = nuclides.map((n) => JSON.stringify(n)).join(',\n');
  return `${head.slice(0, -2)},\n  "nuclides": [\n${body}\n]\n}\n`;
}

function main(argv: readonly string[]): void {
  const dataDir = argv[2];
  if (dataDir === undefined || dataDir === '' || argv.length > 3) {
    console.error(USAGE);
    process.exit(2);
  }
  const nuclides = buildDataset(resolve(dataDir));
  const text = serialise(nuclides);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  const isomers = nuclides.filter((n) => n.s > 0).length;
  const stable = nuclides.filter((n) => n.t === null).length;
  console.log(
    `${relative(process.cwd(), OUTPUT)}: ${nuclides.length} nuclides (${nuclides.length - isomers} ground states, ` +
      `${isomers} isomers, ${stable} stable), ${text.length} bytes`,
  );
}

main(process.argv);
