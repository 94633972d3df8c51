import { becquerel, epochMillis } from '@halflife/nuclear';
import { describe, expect, it } from 'vitest';
import { doseCodeText } from './dose-code.js';
import {
  CAUTION,
  doseLabelPdf,
  doseLabelProblems,
  doseLabelsPdf,
  MAX_LABELS,
  STATEMENTS,
  type DoseLabel,
} from './dose-label.js';
import { readPdf } from './read-pdf.js';

const producedAt = new Date(Date.UTC(2026, 2, 12, 7, 55));
const options = { producedAt, compress: false };

const label: DoseLabel = {
  code: {
    doseId: 'D-2026-000123',
    batchNumber: 'FDG-20260312-01',
    productCode: 'F18-FDG',
    calibrationTime: epochMillis(Date.UTC(2026, 2, 12, 8, 30)),
    activityAtCalibration: becquerel(370_000_000),
    expiryTime: epochMillis(Date.UTC(2026, 2, 12, 16, 30)),
  },
  productName: 'Fludeoxyglucose (18F) injection',
  nuclide: 'F-18',
  hospital: 'Universitätsklinikum Nord',
  patientReference: 'Order 2026-0042',
  volumeMl: 2.5,
  calibrationText: '12 Mar 2026 09:30 CET',
  expiryText: '12 Mar 2026 17:30 CET',
};

const labelNumber = (n: number): DoseLabel => ({
  ...label,
  code: { ...label.code, doseId: `D-2026-${String(n).padStart(6, '0')}` },
});

describe('doseLabelPdf', () => {
  it('prints one 100 mm × 60 mm page with everything a dose label must show', async () => {
    const pdf = await doseLabelPdf(label, options);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    const [page] = read.pages;
    expect(page!.width).toBeCloseTo(283.46, 2);
    expect(page!.height).toBeCloseTo(170.08, 2);
    expect(page!.images).toBe(1); // the QR code
    for (const text of [
      CAUTION,
      'Fludeoxyglucose (18F) injection',
      'F-18',
      'D-2026-000123',
      'FDG-20260312-01',
      'Universitätsklinikum Nord',
      'Order 2026-0042',
      '370 MBq at calibration',
      '12 Mar 2026 09:30 CET',
      '2.50 mL',
      '148 MBq/mL at calibration',
      '12 Mar 2026 17:30 CET',
      ...STATEMENTS,
    ]) {
      expect(page!.lines).toContain(text);
    }
    expect(read.text).toContain('Do not use if cloudy');
    expect(read.text).toContain('For intravenous use');
    expect(read.text).toContain('lead shielding');
    expect(read.info.CreationDate).toBe('D:20260312075500Z');
  });

  it('is deterministic: the same input gives the same bytes, compressed or not', async () => {
    expect((await doseLabelPdf(label, options)).equals(await doseLabelPdf(label, options))).toBe(
      true,
    );
    const compressed = await doseLabelPdf(label, { producedAt });
    expect(compressed.equals(await doseLabelPdf(label, { producedAt }))).toBe(true);
    expect(compressed.length).toBeLessThan((await doseLabelPdf(label, options)).length);
  });

  it('shrinks a long value to fit rather than cutting it', async () => {
    const long = 'Klinikum rechts der Isar der Technischen Universität München';
    const read = readPdf(await doseLabelPdf({ ...label, hospital: long }, options));
    expect(read.pages[0]!.lines).toContain(long);
  });
});

describe('doseLabelsPdf', () => {
  it('prints a batch, one page per label', async () => {
    const labels = [1, 2, 3].map(labelNumber);
    const read = readPdf(await doseLabelsPdf(labels, options));
    expect(read.pages).toHaveLength(3);
    expect(
      read.pages.map((p) => p.lines.includes(`D-2026-00000${read.pages.indexOf(p) + 1}`)),
    ).toEqual([true, true, true]);
  });

  it(`takes ${MAX_LABELS} labels and refuses more`, async () => {
    // Rendering 500 takes some 5 s (bwip-js encodes a QR code in ~8 ms): check them, print 40.
    const labels = Array.from({ length: MAX_LABELS + 1 }, (_, i) => labelNumber(i));
    await expect(doseLabelsPdf(labels, options)).rejects.toThrow(/at most 500 labels/);
    expect(doseLabelProblems(labels.slice(0, MAX_LABELS))).toEqual([]);
    const read = readPdf(await doseLabelsPdf(labels.slice(0, 40), options));
    expect(read.pages).toHaveLength(40);
    expect(read.pages[39]!.lines).toContain('D-2026-000039');
  });
});

describe('doseLabelProblems', () => {
  it('accepts a good label', () => {
    expect(doseLabelProblems([label])).toEqual([]);
  });

  it('names each problem by its path', () => {
    expect(doseLabelProblems([])).toEqual(['labels: expected at least one label']);
    const problems = doseLabelProblems([
      label,
      { ...label, hospital: '北京协和医院', patientReference: ' ', volumeMl: 0 },
      { ...label, code: { ...label.code, doseId: '' } },
      { ...label, expiryText: 'W'.repeat(60) },
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('labels[1].volumeMl: expected 0.01–1000 mL, got 0');
    expect(problems[1]).toBe('labels[2].code.doseId: expected 1–64 characters, got 0');
    expect(problems[2]).toMatch(
      /^labels\[3\]\.expiryText: "W{60}" does not fit the label \(\d+ pt at 5 pt type\)$/,
    );
    expect(
      doseLabelProblems([{ ...label, hospital: '北京协和医院', patientReference: ' ' }]),
    ).toEqual([
      "labels[0].hospital: cannot print U+5317 ('北'): the documents print Latin text only (WinAnsi)",
      'labels[0].patientReference: is empty',
    ]);
  });

  it('refuses a code too long for a legible QR code', () => {
    const id = 'x'.repeat(64);
    const problems = doseLabelProblems([
      { ...label, code: { ...label.code, doseId: id, batchNumber: id, productCode: id } },
    ]);
    expect(problems[0]).toMatch(/labels\[0\]\.code: its text has 2\d\d characters, at most 200/);
    expect(doseCodeText(label.code).length).toBeLessThanOrEqual(200);
  });
});
