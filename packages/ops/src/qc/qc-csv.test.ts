import { describe, expect, it } from 'vitest';
import { parseQcCsv } from './qc-csv.js';
import { evaluateQc } from './qc-evaluation.js';
import { specificationFor } from './qc-specification.js';

const ga = () => {
  const spec = specificationFor('GA68-PSMA11', '2026-12-07');
  if (!spec) throw new Error('no Ga-68 PSMA-11 specification');
  return spec;
};

const errorsOf = (text: string) => {
  const r = parseQcCsv(text, ga());
  if (r.ok) throw new Error('expected the file to be refused');
  return r.errors;
};

describe('reading QC results from an instrument export', () => {
  it('reads a test,value file by code or name, in any case, with BOM, CRLF and quotes', () => {
    const text =
      '\ufeffTest,Value\r\n' +
      'ph,4.5\r\n' +
      '"Radiochemical purity (TLC)",97.2\r\n' +
      '\r\n' +
      'HALF-LIFE,67.9\r\n' +
      'rnp,99.9\r\n' +
      'endotoxin,2\r\n' +
      'filter-integrity,55\r\n' +
      'appearance,complies\r\n' +
      'ge68,1.0E-04\r\n';
    const r = parseQcCsv(text, ga());
    expect(r).toEqual({
      ok: true,
      results: [
        { code: 'ph', value: 4.5 },
        { code: 'rcp', value: 97.2 },
        { code: 'half-life', value: 67.9 },
        { code: 'rnp', value: 99.9 },
        { code: 'endotoxin', value: 2 },
        { code: 'filter-integrity', value: 55 },
        { code: 'appearance', passed: true },
        { code: 'ge68', value: 0.0001 },
      ],
    });
    // What is read is what the evaluation takes: only sterility is outstanding.
    if (r.ok) expect(evaluateQc(ga(), r.results).verdict).toBe('conditional');
  });

  it('reads a test,result file of observations', () => {
    const r = parseQcCsv(
      'test,result\nSterility (USP <71>),Does Not Comply\nappearance,passed\n',
      ga(),
    );
    expect(r).toEqual({
      ok: true,
      results: [
        { code: 'sterility', passed: false },
        { code: 'appearance', passed: true },
      ],
    });
  });

  it('checks units where the file has them and the test has one', () => {
    const r = parseQcCsv('test,value,unit\nph,5.1,\nendotoxin,2.5,EU / mL\nrcp,95,%\n', ga());
    expect(r.ok && r.results).toEqual([
      { code: 'ph', value: 5.1 },
      { code: 'endotoxin', value: 2.5 },
      { code: 'rcp', value: 95 },
    ]);
    expect(errorsOf('test,value,unit\nendotoxin,2.5,EU/ml\nrcp,95,\n')).toEqual([
      {
        line: 2,
        field: 'unit',
        message:
          'Bacterial endotoxins: expected the unit "EU/mL", got "EU/ml" (units are case-sensitive: m is milli, M is mega)',
      },
      {
        line: 3,
        field: 'unit',
        message: 'Radiochemical purity (TLC): expected the unit "%", got none',
      },
    ]);
  });

  it('refuses unknown tests, non-numbers and wrong kinds, every fault with its line', () => {
    expect(
      errorsOf('test,value\nph,"4,5"\ncolour,3\nrcp,high\nappearance,cloudy\nph,5\nrcp,9,1\n'),
    ).toEqual([
      { line: 2, field: 'value', message: 'pH: "4,5" is not a number (use "." for decimals)' },
      {
        line: 3,
        field: 'test',
        message:
          '"colour" is not a test of GA68-PSMA11 v1 (tests: appearance, ph, rcp, half-life, rnp, ge68, endotoxin, filter-integrity, sterility)',
      },
      { line: 4, field: 'value', message: 'Radiochemical purity (TLC): "high" is not a number' },
      {
        line: 5,
        field: 'value',
        message:
          'Appearance: expected pass, fail, passed, failed, complies or does not comply; got "cloudy"',
      },
      { line: 7, field: 'file', message: 'expected 2 columns, got 3' },
    ]);
    expect(errorsOf('test,result\nph,pass\n')).toEqual([
      {
        line: 2,
        field: 'result',
        message: 'pH needs a measured value (a "test,value" file), not "pass"',
      },
    ]);
    expect(errorsOf('test,value\nph,\n')[0]?.message).toBe('pH: "" is not a number');
  });

  it('refuses an empty file, a wrong header, a header alone, too many rows and broken CSV', () => {
    expect(errorsOf('')).toEqual([{ line: 1, field: 'file', message: 'the file is empty' }]);
    expect(errorsOf('\ufeff\r\n\r\n')[0]?.message).toBe('the file is empty');
    expect(errorsOf('analyte,reading\nph,5\n')).toEqual([
      {
        line: 1,
        field: 'header',
        message:
          'expected the header "test,value", "test,value,unit", "test,result"; got "analyte,reading"',
      },
    ]);
    expect(errorsOf('test,value\n')).toEqual([
      { line: 2, field: 'file', message: 'no results after the header' },
    ]);
    const many = 'test,value\n' + 'ph,5\n'.repeat(201);
    expect(errorsOf(many)).toEqual([
      {
        line: 202,
        field: 'file',
        message: 'more than 200 results (201); is this the export of one batch?',
      },
    ]);
    expect(parseQcCsv('test,value\n' + 'ph,5\n'.repeat(200), ga()).ok).toBe(true);
    const broken = errorsOf('test,value\nph,5\nrcp,"97\n');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ field: 'file' });
    expect(broken[0]?.message).toMatch(/^not a readable CSV file: .*Quote Not Closed/);
  });
});
