import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { becquerel, epochMillis } from '@halflife/nuclear';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { certificateProblems, type Certificate } from './certificate.js';
import { certificateOfAnalysisPdf } from './certificate-pdf.js';
import { unprintableIn, woffToSfnt } from './document-lang.js';
import { CERTIFICATE_WORDS, LABEL_WORDS, PAPERS_WORDS } from './document-words.js';
import { doseLabelPdf, doseLabelProblems, type DoseLabel } from './dose-label.js';
import { readPdf } from './read-pdf.js';
import { shippingPapersPdf } from './shipping-papers-pdf.js';
import { shippingPapersProblems, type ShippingPapers } from './shipping-papers.js';

/** The documents in Simplified Chinese: the embedded font, its words, the data, its refusals. */

const producedAt = new Date(Date.UTC(2026, 2, 12, 9, 2));
const zh = { producedAt, compress: false, lang: 'zh-CN' } as const;

const certificate: Certificate = {
  productName: '氟[18F]脱氧葡糖注射液',
  batchNumber: 'FDG-20260312-01',
  site: '半衰期回旋加速器中心',
  eosText: '2026-03-12 08:05 Asia/Shanghai',
  eosActivityBq: 74e9,
  eosVolumeMl: 15,
  specificationVersion: CERTIFICATE_WORDS['zh-CN'].specificationVersion('F18-FDG', 3),
  tests: [
    { name: 'pH', limit: '4.5–7.5', result: '5.6', status: 'pass', timing: 'before-release' },
    {
      name: '放射化学纯度',
      limit: '≥ 95 %',
      result: '98.1 %',
      status: 'pass',
      timing: 'before-release',
    },
    { name: '无菌', limit: '无菌', result: null, status: 'pending', timing: 'after-release' },
  ],
  decisions: [
    {
      meaning: 'conditional-release',
      signerName: '王芳',
      signedText: '2026-03-12 09:12 Asia/Shanghai',
      contentHash: '3f2a9c0d1b2e4f5677889900aabbccdd',
      valid: true,
    },
  ],
  deviations: [{ classification: 'minor', description: '合成推迟 12 分钟开始。' }],
  printedText: '2026-03-12 10:02 Asia/Shanghai',
};

const label: DoseLabel = {
  code: {
    doseId: 'D-2026-000123',
    batchNumber: 'FDG-20260312-01',
    productCode: 'F18-FDG',
    calibrationTime: epochMillis(Date.UTC(2026, 2, 12, 8, 30)),
    activityAtCalibration: becquerel(370_000_000),
    expiryTime: epochMillis(Date.UTC(2026, 2, 12, 16, 30)),
  },
  productName: '氟[18F]脱氧葡糖注射液',
  nuclide: 'F-18',
  hospital: '上海市第一人民医院',
  patientReference: LABEL_WORDS['zh-CN'].order('2026-0042'),
  volumeMl: 2.5,
  calibrationText: '2026-03-12 09:30 Asia/Shanghai',
  expiryText: '2026-03-12 17:30 Asia/Shanghai',
};

const papers: ShippingPapers = {
  shipmentKey: '2026-03-12 SH-004',
  consignor: { name: '半衰期回旋加速器中心', address: '浦东新区张江路 3 号\n上海' },
  consignee: { name: '上海市第一人民医院 核医学科', address: '虹口区海宁路 100 号\n上海' },
  vehicle: '沪A-12345',
  courier: '李明',
  departText: '2026-03-12 09:30 Asia/Shanghai',
  arriveText: '2026-03-12 11:10 Asia/Shanghai',
  packages: [
    {
      code: 'PK-4F1A2B3C9D',
      unNumber: 'UN 2915',
      properShippingName: 'RADIOACTIVE MATERIAL, TYPE A PACKAGE, non-special form',
      category: 'type-a',
      label: 'II-YELLOW',
      transportIndex: 0.4,
      packaging: '钨罐 W-20，A 型桶',
      form: 'liquid',
      contents: [{ nuclide: 'Lu-177', activityBq: 7.4e9 }],
      a2Fraction: 0.01052,
      doses: [PAPERS_WORDS['zh-CN'].doseLine('Lu-177 PSMA-617', 'P-00012')],
    },
    {
      code: 'PK-0B0B0B0B0B',
      unNumber: 'UN 2910',
      properShippingName: 'RADIOACTIVE MATERIAL, EXCEPTED PACKAGE - LIMITED QUANTITY',
      category: 'excepted',
      label: null,
      transportIndex: null,
      packaging: '铅罐 10 mm',
      form: 'liquid',
      contents: [{ nuclide: 'Ga-68', activityBq: 370e6 }],
      a2Fraction: 0.000617,
      doses: [],
    },
  ],
  transportIndexSum: 0.4,
  exclusiveUse: false,
  regulations: 'IAEA SSR-6 (2018); GB 11806-2019',
};

/** All the text as drawn, one line per line of text. */
const textOf = (pdf: Buffer) => readPdf(pdf).text;

describe('documents in Simplified Chinese', () => {
  it('print a certificate with its Chinese headings and the data, in the embedded font', async () => {
    const pdf = await certificateOfAnalysisPdf(certificate, zh);
    const text = textOf(pdf);
    const w = CERTIFICATE_WORDS['zh-CN'];
    for (const words of [w.title, w.batchNumber, w.tests, w.decisions, w.deviations, '放行前']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('质量标准');
    expect(text).toContain('FDG-20260312-01');
    expect(text).toContain('氟[18F]脱氧葡糖注射液');
    expect(text).toContain('74000 MBq');
    expect(text).toContain('>= 95 %');
    expect(text).toContain('有条件放行');
    expect(text).toContain('王芳');
    expect(text).toContain('第 1 页，共 1 页');
    expect(text).not.toContain('Certificate');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('print a dose label with the Chinese keys and the dose', async () => {
    const text = textOf(await doseLabelPdf(label, zh));
    const w = LABEL_WORDS['zh-CN'];
    for (const words of [w.caution, w.batch, w.calibration, w.activity, w.concentration]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('370 MBq（标定时间）');
    expect(text).toContain('148 MBq/mL（标定时间）');
    expect(text).toContain('上海市第一人民医院');
    expect(text).toContain('订单 2026-0042');
    expect(text).toContain('D-2026-000123');
  });

  it('print shipping papers with the Chinese terms and every package', async () => {
    const text = textOf(await shippingPapersPdf(papers, zh));
    const w = PAPERS_WORDS['zh-CN'];
    for (const words of [
      w.title,
      w.consignor,
      w.consignee,
      w.declarationHeading,
      ...w.signatureLines,
    ]) {
      expect(text).toContain(words);
    }
    for (const words of [
      '货包',
      '联合国编号',
      '专用货运名称',
      '运输指数',
      '例外货包',
      'II 级-黄色',
    ]) {
      // Narrow table columns wrap their words.
      expect(text.replaceAll('\n', '')).toContain(words);
    }
    expect(text).toContain('UN 2915');
    expect(text).toContain('PK-4F1A2B3C9D');
    expect(text).toContain('7.4 GBq');
    expect(text).toContain('总运输指数：0.4');
    expect(text).toContain('Lu-177 PSMA-617，用于 P-00012');
    expect(text).toContain('沪A-12345');
  });

  it('are deterministic', async () => {
    const once = await shippingPapersPdf(papers, { producedAt, lang: 'zh-CN' });
    expect(once.equals(await shippingPapersPdf(papers, { producedAt, lang: 'zh-CN' }))).toBe(true);
  });

  it('refuse, naming the field, a character the font lacks, which English refuses too', async () => {
    expect(unprintableIn('zh-CN', '镥-177')).toMatch(/^cannot print U\+9565 \('镥'\)/);
    expect(unprintableIn('zh-CN', '≥ 95 %')).toBeUndefined(); // printed as ">="
    expect(certificateProblems(certificate, 'zh-CN')).toEqual([]);
    expect(certificateProblems(certificate, 'en')[0]).toMatch(/^productName: cannot print U\+6C1F/);
    const lutetium = { ...certificate, productName: '镥[177Lu]注射液' };
    expect(certificateProblems(lutetium, 'zh-CN')).toEqual([
      "productName: cannot print U+9565 ('镥'): the Chinese documents' font (Noto Sans SC) lacks it",
    ]);
    await expect(certificateOfAnalysisPdf(lutetium, zh)).rejects.toThrow(/productName: cannot/);
    expect(doseLabelProblems([{ ...label, hospital: '镥医院' }], 'zh-CN')).toEqual([
      expect.stringMatching(/^labels\[0\]\.hospital: cannot print U\+9565/),
    ]);
    expect(doseLabelProblems([label], 'zh-CN')).toEqual([]);
    const courier = { ...papers, courier: '镥' };
    expect(shippingPapersProblems(courier, 'zh-CN')).toEqual([
      expect.stringMatching(/^courier: cannot print U\+9565/),
    ]);
    expect(shippingPapersProblems(papers, 'zh-CN')).toEqual([]);
  });

  it('have every word of their catalogues in the font', () => {
    const words = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : typeof value === 'function'
          ? [String((value as (...a: unknown[]) => string)('x', 1, 'y'))]
          : Object.values(value as object).flatMap(words);
    for (const catalogue of [CERTIFICATE_WORDS, LABEL_WORDS, PAPERS_WORDS]) {
      for (const text of words(catalogue['zh-CN'])) {
        expect(unprintableIn('zh-CN', text), text).toBeUndefined();
      }
      for (const text of words(catalogue.en))
        expect(unprintableIn('en', text), text).toBeUndefined();
    }
  });

  it('unpack the WOFF font to the OpenType font it packs', () => {
    const woff = readFileSync(
      createRequire(import.meta.url).resolve(
        '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
      ),
    );
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavour
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12)); // the tables
    const [packed, unpacked] = [create(woff), create(sfnt)];
    for (let codePoint = 0x20; codePoint < 0x10000; codePoint += 7) {
      const has = packed.hasGlyphForCodePoint(codePoint);
      if (has !== unpacked.hasGlyphForCodePoint(codePoint)) expect.fail(`U+${codePoint}`);
    }
    expect(() => woffToSfnt(sfnt)).toThrow('not a WOFF font');
  });
});
