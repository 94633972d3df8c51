import { becquerel, epochMillis } from '@halflife/nuclear';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doseCodeProblems, doseCodeText, parseDoseCode, type DoseCodeData } from './dose-code.js';

const dose: DoseCodeData = {
  doseId: 'D-2026-000123',
  batchNumber: 'FDG-20260312-01',
  productCode: 'F18-FDG',
  calibrationTime: epochMillis(Date.UTC(2026, 2, 12, 8, 30)),
  activityAtCalibration: becquerel(370_000_000),
  expiryTime: epochMillis(Date.UTC(2026, 2, 12, 16, 30)),
};

const TEXT =
  'HL1|dose=D-2026-000123|batch=FDG-20260312-01|product=F18-FDG' +
  '|cal=2026-03-12T08:30:00Z|act=370000000|exp=2026-03-12T16:30:00Z';

function refusal(text: string): string {
  const result = parseDoseCode(text);
  if (result.ok) throw new Error(`accepted ${text}`);
  expect(result.error.code).toBe('bad-dose-code');
  return result.error.message;
}

describe('doseCodeText', () => {
  it('writes the version 1 payload', () => {
    expect(doseCodeText(dose)).toBe(TEXT);
  });

  it('escapes the separators, spaces and non-ASCII text, and keeps milliseconds when set', () => {
    const text = doseCodeText({
      ...dose,
      doseId: 'a|b=c%d e',
      productCode: 'Ga68-PSMA-11',
      batchNumber: '批号-7',
      calibrationTime: epochMillis(Date.UTC(2026, 2, 12, 8, 30, 0, 250)),
    });
    expect(text).toContain('|dose=a%7Cb%3Dc%25d%20e|');
    expect(text).toContain('|batch=%E6%89%B9%E5%8F%B7-7|');
    expect(text).toContain('|cal=2026-03-12T08:30:00.250Z|');
  });

  it('refuses data a code cannot carry, naming the field', () => {
    expect(() => doseCodeText({ ...dose, doseId: '' })).toThrow(/code\.doseId/);
    expect(doseCodeProblems({ ...dose, activityAtCalibration: becquerel(3.5e8 + 0.5) })).toEqual([
      'code.activityAtCalibration: expected a positive whole number of becquerels, got 350000000.5',
    ]);
    expect(doseCodeProblems({ ...dose, batchNumber: 'x\ny' })).toEqual([
      'code.batchNumber: contains a control character',
    ]);
    expect(doseCodeProblems({ ...dose, expiryTime: epochMillis(Number.NaN) })).toHaveLength(1);
  });
});

describe('parseDoseCode', () => {
  it('reads a code back', () => {
    expect(parseDoseCode(TEXT)).toEqual({ ok: true, value: dose });
  });

  it('round-trips any valid data, and any accepted text', () => {
    const value = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 64 })
      .filter((s) => s.length <= 64 && !/\p{Cc}/u.test(s));
    const instant = fc.integer({ min: 0, max: 253_402_300_799_999 });
    const data = fc.record({
      doseId: value,
      batchNumber: value,
      productCode: value,
      calibrationTime: instant.map(epochMillis),
      activityAtCalibration: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(becquerel),
      expiryTime: instant.map(epochMillis),
    });
    fc.assert(
      fc.property(data, (d) => {
        const text = doseCodeText(d);
        expect(parseDoseCode(text)).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('refuses malformed codes with a reason', () => {
    expect(refusal('')).toMatch(/prefix "HL1\|"/);
    expect(refusal(TEXT.replace('HL1', 'HL2'))).toMatch(/prefix/);
    expect(refusal('https://example.org/')).toMatch(/prefix/);
    expect(refusal(TEXT.replace('|exp=2026-03-12T16:30:00Z', ''))).toMatch(/expected 6 fields/);
    expect(refusal(`${TEXT}|extra=1`)).toMatch(/expected 6 fields/);
    expect(refusal(TEXT.replace('batch=', 'lot='))).toMatch(/field 2: expected "batch=…"/);
    expect(refusal(TEXT.replace('|dose=D-2026-000123', '|dose='))).toMatch(/dose: empty/);
    expect(refusal(TEXT.replace('act=370000000', 'act=3.7e8'))).toMatch(/act: expected a whole/);
    expect(refusal(TEXT.replace('act=370000000', 'act=0370000000'))).toMatch(/act/);
    expect(refusal(TEXT.replace('act=370000000', 'act=-5'))).toMatch(/act/);
    expect(refusal(TEXT.replace('act=370000000', 'act=99999999999999999'))).toMatch(/act/);
    expect(refusal(TEXT.replace('08:30:00Z', '08:30:00+08:00'))).toMatch(/cal: expected a UTC/);
    expect(refusal(TEXT.replace('2026-03-12T08:30:00Z', '2026-02-30T08:30:00Z'))).toMatch(/cal/);
    expect(refusal(TEXT.replace('T16:30:00Z', 'T16:30:00.000Z'))).toMatch(/exp/);
    expect(refusal(`${TEXT}\n`)).toMatch(/exp/);
  });

  it('refuses escapes that are not canonical or not UTF-8, and escaped control characters', () => {
    expect(refusal(TEXT.replace('F18-FDG', 'F18%2DFDG'))).toMatch(/product: empty or not/);
    expect(refusal(TEXT.replace('F18-FDG', 'F18%e6'))).toMatch(/product/);
    expect(refusal(TEXT.replace('F18-FDG', 'F18%E6'))).toMatch(/product/);
    expect(refusal(TEXT.replace('F18-FDG', 'F18 FDG'))).toMatch(/product/);
    expect(refusal(TEXT.replace('F18-FDG', 'F18%0AFDG'))).toMatch(/control character/);
    expect(refusal(TEXT.replace('F18-FDG', 'x'.repeat(65)))).toMatch(/1–64 characters/);
  });
});
