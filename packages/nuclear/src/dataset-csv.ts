import { dataset, nuclide, type Branch, type Dataset } from './dataset.js';
import { findCycle } from './decay-chain.js';
import { domainError, ok, type Result } from './result.js';

/** The import format: one row per branch. A stable nuclide has half_life_s = inf and no daughter. */
export const DATASET_CSV_HEADER = 'nuclide,half_life_s,daughter,mode,fraction';

const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** How far above 1 a nuclide's fractions may add up before the file is refused; they are used as given. */
export const FRACTION_SUM_SLACK = 1e-3;
/** Half-lives a dataset may give: NUBASE2020 spans 1e-22 s to 1e32 s. */
export const MIN_HALF_LIFE = 1e-30;
export const MAX_HALF_LIFE = 1e40;
const NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

interface Draft {
  halfLife: string | null;
  line: number;
  branches: Branch[];
  /** The line of each branch, for errors. */
  branchLines: number[];
}

export interface DatasetCsvOptions {
  readonly name?: string;
  readonly citation?: string;
  /** A dataset whose ground-state atomic masses are lent to nuclides of the same element and A. */
  readonly massSource?: Dataset;
}

/** Parses a dataset in the import format; a bad file is rejected with the line and the reason. */
export function parseDatasetCsv(text: string, options: DatasetCsvOptions = {}): Result<Dataset> {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().replace(/^\uFEFF/, '');
  if (header.replace(/\s+/g, '') !== DATASET_CSV_HEADER) {
    return bad(1, `expected the header "${DATASET_CSV_HEADER}", got "${header}"`);
  }
  const drafts = new Map<string, Draft>();
  for (let i = 1; i < lines.length; i++) {
    const row = (lines[i] ?? '').trim();
    if (row === '' || row.startsWith('#')) continue;
    const parsed = parseRow(row, i + 1, drafts);
    if (!parsed.ok) return parsed;
  }
  if (drafts.size === 0) return bad(2, 'the file lists no nuclide');
  for (const [name, d] of drafts) {
    for (const [k, b] of d.branches.entries()) {
      if (b.daughter !== null && !drafts.has(b.daughter)) {
        return bad(
          d.branchLines[k] ?? d.line,
          `${name}: daughter ${b.daughter} is not a nuclide of this file (a stable one needs a row "${b.daughter},inf,,,")`,
        );
      }
    }
    const sum = d.branches.reduce((s, b) => s + b.fraction, 0);
    // Published tables round their fractions (ICRP-107 Es-254: 1 + 1.74e-6); more than this is an error.
    if (sum > 1 + FRACTION_SUM_SLACK) {
      return bad(d.line, `${name}: branching fractions add up to ${sum}, more than 1`);
    }
  }
  const masses = options.massSource ? groundMasses(options.massSource) : new Map<string, number>();
  const nuclides = [...drafts].map(([name, d]) => {
    const za = parseZA(name);
    return nuclide({
      name,
      a: za?.a ?? null,
      halfLifeText: d.halfLife,
      massU: za ? (masses.get(`${za.symbol}-${za.a}`) ?? null) : null,
      branches: d.branches,
    });
  });
  const data = dataset(options.name ?? 'imported dataset', options.citation ?? '', nuclides);
  const cycle = findCycle(data);
  if (cycle)
    return bad(drafts.get(cycle[0] as string)?.line ?? 1, `decay cycle ${cycle.join(' → ')}`);
  return ok(data);
}

function parseRow(row: string, line: number, drafts: Map<string, Draft>): Result<null> {
  const cells = row.split(',').map((c) => c.trim());
  if (cells.length !== 5)
    return bad(line, `expected 5 columns (${DATASET_CSV_HEADER}), got ${cells.length}`);
  const [name, half, daughter, mode, fraction] = cells as [string, string, string, string, string];
  if (!NAME.test(name))
    return bad(line, `nuclide "${name}" is not a name such as Lu-177 or Tc-99m`);
  const stable = half.toLowerCase() === 'inf';
  if (
    !stable &&
    !(DECIMAL.test(half) && Number(half) >= MIN_HALF_LIFE && Number(half) <= MAX_HALF_LIFE)
  ) {
    return bad(
      line,
      `half_life_s "${half}" must be ${MIN_HALF_LIFE} to ${MAX_HALF_LIFE} seconds, or inf`,
    );
  }
  const halfLife = stable ? null : half;
  const draft = drafts.get(name) ?? { halfLife, line, branches: [], branchLines: [] };
  if (!sameHalfLife(draft.halfLife, halfLife)) {
    return bad(
      line,
      `${name}: half_life_s ${half} differs from ${draft.halfLife ?? 'inf'} on line ${draft.line}`,
    );
  }
  drafts.set(name, draft);
  if (daughter === '' && fraction === '') {
    return mode === '' ? ok(null) : bad(line, `${name}: mode ${mode} needs a fraction`);
  }
  if (stable) return bad(line, `${name} is stable (inf) and cannot have a daughter or a fraction`);
  if (!DECIMAL.test(fraction) || Number(fraction) > 1) {
    return bad(line, `fraction "${fraction}" must be a number between 0 and 1`);
  }
  if (daughter !== '' && !NAME.test(daughter))
    return bad(line, `daughter "${daughter}" is not a nuclide name`);
  if (daughter === name) return bad(line, `${name} cannot decay to itself`);
  draft.branches.push({
    mode: mode || 'decay',
    daughter: daughter || null,
    fraction: Number(fraction),
  });
  draft.branchLines.push(line);
  return ok(null);
}

function sameHalfLife(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : Number(a) === Number(b);
}

function bad(line: number, reason: string): Result<never> {
  return domainError('bad-dataset', `line ${line}: ${reason}`);
}

function parseZA(name: string): { symbol: string; a: number } | null {
  const m = /^([A-Za-z]{1,3})-(\d{1,3})/.exec(name);
  return m?.[1] && m[2] ? { symbol: m[1], a: Number(m[2]) } : null;
}

function groundMasses(data: Dataset): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of data.nuclides) if (n.state === 0 && n.massU !== null) out.set(n.name, n.massU);
  return out;
}

/** Writes a dataset in the import format; branches whose atoms leave the system keep an empty daughter. */
export function exportDatasetCsv(data: Dataset): string {
  const rows = [DATASET_CSV_HEADER];
  for (const n of data.nuclides) {
    const half = n.halfLifeText ?? 'inf';
    if (n.branches.length === 0) rows.push(`${n.name},${half},,,`);
    for (const b of n.branches)
      rows.push(`${n.name},${half},${b.daughter ?? ''},${b.mode},${b.fraction}`);
  }
  return rows.join('\n') + '\n';
}
