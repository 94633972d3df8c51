/** NUBASE rows (§1: 1-based, inclusive column ranges) and which of them are nuclides (§1–2). */
import { type Exact, parseDecimal } from './exact.js';
import { halfLife } from './half-life.js';

export interface NubaseRow {
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

/** The data rows of the text of `nubase_4.mas20.txt` (header lines start with `#`). */
export function readRows(text: string): NubaseRow[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.replace(/\r$/, ''), lineNo: index + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .map(({ line, lineNo }) => parseRow(line, lineNo));
}

/** §1.5: every symbol must match its Z; returns symbol → Z for cluster modes (§4.2). */
export function symbolTable(rows: readonly NubaseRow[]): ReadonlyMap<string, number> {
  const zOf = new Map<string, number>();
  for (const row of rows) {
    const known = zOf.get(row.symbol);
    if (known !== undefined && known !== row.z)
      throw new Error(`line ${row.lineNo}: ${row.symbol} is Z=${known}`);
    zOf.set(row.symbol, row.z);
  }
  return zOf;
}

/** A row that becomes a nuclide, with its half-life (§2). */
export interface KeptRow {
  readonly row: NubaseRow;
  readonly halfLife: Exact | 'stable';
}

const ISOMER_LETTERS = new Set(['m', 'n', 'p', 'q', 'r', 'x']);
const ONE_MS = parseDecimal('0.001');

/** §1.1–1.4, §2.4: the rows that become nuclides, in file order (index and name not yet set). */
export function keptRows(rows: readonly NubaseRow[]): KeptRow[] {
  const kept: KeptRow[] = [];
  for (const row of rows) {
    if (row.i === 8 || row.i === 9 || row.s === 'i' || row.s === 'j') continue; // §1.3 IAS
    if (row.excitation === 'non-exist') continue; // §1.3
    const isomer = row.i !== 0;
    if (isomer && !(row.i <= 6 && ISOMER_LETTERS.has(row.s))) {
      throw new Error(`line ${row.lineNo}: unexpected state i=${row.i} s="${row.s}"`);
    }
    const t = halfLife(row);
    if (t === null) continue; // §2.4
    if (isomer && t !== 'stable' && t.lt(ONE_MS)) continue; // §1.4
    kept.push({ row, halfLife: t });
  }
  return kept;
}
