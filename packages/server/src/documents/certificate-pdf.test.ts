import { describe, expect, it } from 'vitest';
import { certificateProblems, type Certificate, type CertificateTest } from './certificate.js';
import { certificateOfAnalysisPdf, CERTIFICATE_TITLE } from './certificate-pdf.js';
import { readPdf } from './read-pdf.js';

const producedAt = new Date(Date.UTC(2026, 2, 12, 9, 2));
const options = { producedAt, compress: false };
const HASH = '3f2a9c0d1b2e4f5677889900aabbccddeeff00112233445566778899aabbccdd';

const certificate: Certificate = {
  productName: 'Fludeoxyglucose (18F) injection',
  batchNumber: 'FDG-20260312-01',
  site: 'Halflife Cyclotron Nord',
  eosText: '12 Mar 2026 08:05 CET',
  eosActivityBq: 74e9,
  eosVolumeMl: 15,
  specificationVersion: 'F18-FDG version 3',
  tests: [
    {
      name: 'Appearance',
      limit: 'clear, colourless',
      result: 'complies',
      status: 'pass',
      timing: 'before-release',
    },
    { name: 'pH', limit: '4.5–7.5', result: '5.6', status: 'pass', timing: 'before-release' },
    {
      name: 'Radiochemical purity',
      limit: '≥ 95 %',
      result: '98.1 %',
      status: 'pass',
      timing: 'before-release',
    },
    {
      name: 'Bacterial endotoxins',
      limit: '≤ 17.5 EU/mL',
      result: null,
      status: 'pending',
      timing: 'after-release',
    },
    {
      name: 'Sterility',
      limit: 'sterile',
      result: null,
      status: 'pending',
      timing: 'after-release',
    },
  ],
  decisions: [
    {
      meaning: 'conditional-release',
      signerName: 'Dr. Anna Müller',
      signedText: '12 Mar 2026 09:12 CET',
      contentHash: HASH,
      valid: true,
    },
  ],
  deviations: [
    {
      classification: 'minor',
      description: 'Synthesis started 12 min late (cyclotron beam tuning).',
    },
  ],
  printedText: '12 Mar 2026 10:02 CET',
};

describe('certificateOfAnalysisPdf', () => {
  it('prints an A4 page with the batch, the tests, the decision and the deviations', async () => {
    const pdf = await certificateOfAnalysisPdf(certificate, options);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]!.width).toBeCloseTo(595.28, 1);
    expect(read.pages[0]!.height).toBeCloseTo(841.89, 1);
    const lines = read.pages[0]!.lines;
    for (const text of [
      CERTIFICATE_TITLE,
      'Fludeoxyglucose (18F) injection',
      'FDG-20260312-01',
      'Halflife Cyclotron Nord',
      '12 Mar 2026 08:05 CET',
      '74000 MBq',
      '15.00 mL',
      'F18-FDG version 3',
      // the tests: name, limit (≥ and ≤ as >= and <=), result, status, timing
      'Radiochemical purity',
      '>= 95 %',
      '98.1 %',
      '<= 17.5 EU/mL',
      'Pass',
      'Pending',
      'Before release',
      'After release',
      'Pending: no result yet when this copy was printed.',
      // the decision
      'Conditional release',
      'Dr. Anna Müller',
      '12 Mar 2026 09:12 CET',
      HASH.slice(0, 16),
      'Valid',
      // the deviation
      'Minor',
      'Synthesis started 12 min late (cyclotron beam tuning).',
      'Page 1 of 1',
    ]) {
      expect(lines).toContain(text);
    }
    expect(read.text).not.toContain(HASH.slice(0, 17));
    expect(read.text).toContain('printed 12 Mar 2026 10:02 CET');
    expect(read.info.Title).toBe('Certificate of analysis FDG-20260312-01');
    expect(read.info.CreationDate).toBe('D:20260312090200Z');
  });

  it('marks a failed test, a rejection, an invalid signature and a critical deviation', async () => {
    const read = readPdf(
      await certificateOfAnalysisPdf(
        {
          ...certificate,
          tests: [{ ...certificate.tests[1]!, result: '8.4', status: 'fail' }],
          decisions: [
            { ...certificate.decisions[0]!, valid: false },
            { ...certificate.decisions[0]!, meaning: 'final-release' },
            { ...certificate.decisions[0]!, meaning: 'rejection', signerName: 'Li Wei' },
          ],
          deviations: [
            { classification: 'critical', description: 'Filter integrity test failed.' },
          ],
          eosActivityBq: null,
        },
        options,
      ),
    );
    for (const text of [
      'FAIL',
      '8.4',
      'INVALID',
      'Final certification',
      'Rejection',
      'Li Wei',
      'Critical',
      'not recorded',
    ]) {
      expect(read.pages[0]!.lines).toContain(text);
    }
    expect(read.text).toContain('the record has changed since it was signed');
  });

  it('says so when nothing is recorded', async () => {
    const read = readPdf(
      await certificateOfAnalysisPdf(
        { ...certificate, tests: [], decisions: [], deviations: [] },
        options,
      ),
    );
    expect(read.text).toContain('No release decision recorded: the batch is not released.');
    expect(read.text).toContain('None recorded.');
  });

  it('breaks a long table across pages, repeating the header, and numbers the pages', async () => {
    const tests: CertificateTest[] = Array.from({ length: 120 }, (_, i) => ({
      name: `Test ${i + 1}`,
      limit: '≤ 10',
      result: String(i % 10),
      status: 'pass',
      timing: i % 2 === 0 ? 'before-release' : 'after-release',
    }));
    const read = readPdf(await certificateOfAnalysisPdf({ ...certificate, tests }, options));
    expect(read.pages.length).toBeGreaterThanOrEqual(3);
    const n = read.pages.length;
    read.pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.lines).toContain(`Page ${i + 1} of ${n}`);
    });
    // every test once, in order; the header on each page the table reaches
    const names = read.pages.flatMap((p) => p.lines.filter((l) => /^Test \d+$/.test(l)));
    expect(names).toEqual(tests.map((t) => t.name));
    const withTests = read.pages.filter((p) => p.lines.some((l) => /^Test \d+$/.test(l)));
    for (const page of withTests) {
      expect(page.lines).toContain('Limit');
      expect(page.lines).toContain('Timing');
    }
    expect(read.pages.at(-1)!.lines).toContain('Deviations');
  });

  it('is deterministic', async () => {
    const a = await certificateOfAnalysisPdf(certificate, { producedAt });
    expect(a.equals(await certificateOfAnalysisPdf(certificate, { producedAt }))).toBe(true);
  });
});

describe('certificateProblems', () => {
  it('accepts a good certificate', () => {
    expect(certificateProblems(certificate)).toEqual([]);
  });

  it('names what it refuses by path, and the document refuses it too', async () => {
    const bad: Certificate = {
      ...certificate,
      batchNumber: ' ',
      eosVolumeMl: 0,
      tests: [{ ...certificate.tests[0]!, name: '放射化学纯度' }],
      decisions: [{ ...certificate.decisions[0]!, contentHash: 'abc' }],
      deviations: [{ classification: 'minor', description: 'x'.repeat(501) }],
    };
    expect(certificateProblems(bad)).toEqual([
      'batchNumber: is empty',
      'eosVolumeMl: expected a positive number, got 0',
      "tests[0].name: cannot print U+653E ('放'): the documents print Latin text only (WinAnsi)",
      'decisions[0].contentHash: expected at least 16 hex digits',
      'deviations[0].description: at most 500 characters, got 501',
    ]);
    await expect(certificateOfAnalysisPdf(bad, options)).rejects.toThrow(
      /^certificate: batchNumber/,
    );
    const tooMany = Array.from({ length: 201 }, () => certificate.tests[0]!);
    expect(certificateProblems({ ...certificate, tests: tooMany })).toEqual([
      'tests: at most 200 entries, got 201',
    ]);
  });
});
