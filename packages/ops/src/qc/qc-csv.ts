import { CsvError, parse } from 'csv-parse/sync';
import type { QcResult } from './qc-evaluation.js';
import type { QcSpecification, SpecTest } from './qc-specification.js';

/** A refused line of an instrument export: where, which column, and why. */
export interface QcCsvError {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export type QcCsvParse =
  | { readonly ok: true; readonly results: QcResult[] }
  | { readonly ok: false; readonly errors: QcCsvError[] };

/** The most results one file may carry (a batch has a dozen tests; more is the wrong file). */
export const QC_CSV_MAX_ROWS = 200;

/** A row as csv-parse gives it with `info: true`: the cells and the line the row ends on. */
interface CsvRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

const HEADERS = ['test,value', 'test,value,unit', 'test,result'];
const PASSED = ['pass', 'passed', 'complies'];
const FAILED = ['fail', 'failed', 'does not comply'];
/** A decimal with '.' (not ','), optionally with an exponent: "97.2", "-0.5", "1.0E-04". */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads an instrument export of QC results for a batch against its specification. The header is
 * `test,value`, `test,value,unit` or `test,result`; a test is named by its code or its name (any
 * case); measured tests need a number ('.' decimals), observations pass/fail/passed/failed/
 * complies/does not comply. Refuses the whole file, every fault with its line, if any row is wrong.
 * The CSV grammar (quotes, BOM, CRLF) is csv-parse's.
 */
export function parseQcCsv(text: string, spec: QcSpecification): QcCsvParse {
  let rows: readonly CsvRow[];
  try {
    // With `info`, csv-parse returns { record, info } per row; its typings only know string[][].
    rows = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as CsvRow[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e['lines'] === 'number' ? e['lines'] : 1;
    return refuse([{ line, field: 'file', message: `not a readable CSV file: ${e.message}` }]);
  }
  const [header, ...body] = rows;
  if (header === undefined)
    return refuse([{ line: 1, field: 'file', message: 'the file is empty' }]);
  const columns = header.record.map((c) => c.toLowerCase());
  if (!HEADERS.includes(columns.join(','))) {
    const message = `expected the header ${HEADERS.map((h) => `"${h}"`).join(', ')}; got "${header.record.join(',')}"`;
    return refuse([{ line: header.info.lines, field: 'header', message }]);
  }
  if (body.length === 0) {
    return refuse([
      { line: header.info.lines + 1, field: 'file', message: 'no results after the header' },
    ]);
  }
  const excess = body[QC_CSV_MAX_ROWS];
  if (excess !== undefined) {
    const message = `more than ${QC_CSV_MAX_ROWS} results (${body.length}); is this the export of one batch?`;
    return refuse([{ line: excess.info.lines, field: 'file', message }]);
  }

  const tests = new Map<string, SpecTest>();
  for (const t of spec.tests) tests.set(t.name.toLowerCase(), t);
  for (const t of spec.tests) tests.set(t.code.toLowerCase(), t);
  const results: QcResult[] = [];
  const errors: QcCsvError[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      errors.push({
        line,
        field: 'file',
        message: `expected ${columns.length} columns, got ${record.length}`,
      });
      continue;
    }
    const [name = '', entry = '', unit] = record;
    const test = tests.get(name.toLowerCase());
    if (test === undefined) {
      const message = `"${name}" is not a test of ${spec.product} v${spec.version} (tests: ${spec.tests.map((t) => t.code).join(', ')})`;
      errors.push({ line, field: 'test', message });
      continue;
    }
    const row = readRow(test, entry, unit, columns[1] === 'result');
    if ('message' in row) errors.push({ line, ...row });
    else results.push(row);
  }
  return errors.length > 0 ? refuse(errors) : { ok: true, results };
}

/** One row's result, or the column at fault and why. */
function readRow(
  test: SpecTest,
  entry: string,
  unit: string | undefined,
  resultColumn: boolean,
): QcResult | { field: string; message: string } {
  const column = resultColumn ? 'result' : 'value';
  if (test.kind === 'pass-fail') {
    const word = entry.toLowerCase().replace(/\s+/g, ' ');
    if (PASSED.includes(word)) return { code: test.code, passed: true };
    if (FAILED.includes(word)) return { code: test.code, passed: false };
    const message = `${test.name}: expected pass, fail, passed, failed, complies or does not comply; got "${entry}"`;
    return { field: column, message };
  }
  if (resultColumn) {
    const message = `${test.name} needs a measured value (a "test,value" file), not "${entry}"`;
    return { field: column, message };
  }
  if (!NUMBER.test(entry)) {
    const hint = /^[+-]?\d*,\d+$/.test(entry) ? ' (use "." for decimals)' : '';
    return { field: column, message: `${test.name}: "${entry}" is not a number${hint}` };
  }
  if (unit !== undefined && test.unit !== '' && squash(unit) !== squash(test.unit)) {
    const got = unit === '' ? 'none' : `"${unit}"`;
    const hint =
      squash(unit).toLowerCase() === squash(test.unit).toLowerCase()
        ? ' (units are case-sensitive: m is milli, M is mega)'
        : '';
    return {
      field: 'unit',
      message: `${test.name}: expected the unit "${test.unit}", got ${got}${hint}`,
    };
  }
  return { code: test.code, value: Number(entry) };
}

/** Units compare without spaces ("EU / mL" = "EU/mL") but with case: mBq is not MBq. */
function squash(unit: string): string {
  return unit.replace(/\s+/g, '');
}

function refuse(errors: QcCsvError[]): QcCsvParse {
  return { ok: false, errors };
}
