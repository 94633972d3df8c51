import { describe, expect, it } from 'vitest';
import { measuringDocument } from './pdf-output.js';
import { readPdf } from './read-pdf.js';
import {
  code128Modules,
  DECLARATION,
  SHIPPING_PAPERS_TITLE,
  SIGNATURE_LINES,
  shippingPapersPdf,
} from './shipping-papers-pdf.js';
import {
  activityText,
  DOSE_LINES,
  doseLinesHeight,
  MAX_PACKAGES,
  SHIPPING_PAPERS_LIMITS,
  shippingPapersProblems,
  threeFigures,
  type ShippingPapers,
  type ShippingPapersPackage,
} from './shipping-papers.js';

const producedAt = new Date(Date.UTC(2026, 2, 12, 7, 55));
const options = { producedAt, compress: false };

const TYPE_A =
  'RADIOACTIVE MATERIAL, TYPE A PACKAGE, non-special form, non fissile or fissile-excepted';
const EXCEPTED = 'RADIOACTIVE MATERIAL, EXCEPTED PACKAGE - LIMITED QUANTITY OF MATERIAL';

const lutetium: ShippingPapersPackage = {
  code: 'PK-4F1A2B3C9D',
  unNumber: 'UN 2915',
  properShippingName: TYPE_A,
  category: 'type-a',
  label: 'II-YELLOW',
  transportIndex: 0.4,
  packaging: 'Tungsten pot W-20, Type A drum',
  form: 'liquid',
  contents: [
    { nuclide: 'Lu-177', activityBq: 7.4e9 },
    { nuclide: 'Lu-177m', activityBq: 1.234e6 },
  ],
  a2Fraction: 0.01052,
  doses: ['Lu-177 PSMA-617 for P-00012', 'Lu-177 PSMA-617 for P-00013'],
};
const fluorine: ShippingPapersPackage = {
  code: 'PK-77C0DE11AA',
  unNumber: 'UN 2915',
  properShippingName: TYPE_A,
  category: 'type-a',
  label: 'III-YELLOW',
  transportIndex: 3,
  packaging: 'Lead pot 40 mm, Type A case',
  form: 'liquid',
  contents: [{ nuclide: 'F-18', activityBq: 1.85e12 }],
  a2Fraction: 3.08,
  doses: ['FDG for P-00020'],
};
const gallium: ShippingPapersPackage = {
  code: 'PK-0B0B0B0B0B',
  unNumber: 'UN 2910',
  properShippingName: EXCEPTED,
  category: 'excepted',
  label: null,
  transportIndex: null,
  packaging: 'Lead pot 10 mm',
  form: 'liquid',
  contents: [{ nuclide: 'Ga-68', activityBq: 370e6 }],
  a2Fraction: 0.000617,
  doses: [],
};

const papers: ShippingPapers = {
  shipmentKey: 'SH-2026-03-12-004',
  consignor: {
    name: 'Halflife Cyclotron Nord GmbH',
    address: 'Am Teilchenbeschleuniger 3\n20095 Hamburg, Germany',
  },
  consignee: {
    name: 'Universitätsklinikum Süd, Nuklearmedizin',
    address: 'Klinikweg 1\n80331 München, Germany',
  },
  vehicle: 'HH-RX 217',
  courier: 'Jonas Becker',
  departText: '12 Mar 2026 09:30 CET',
  arriveText: '12 Mar 2026 14:10 CET',
  packages: [lutetium, fluorine, gallium],
  transportIndexSum: 3.4,
  exclusiveUse: false,
  regulations: 'IAEA SSR-6 (2018); GB 11806-2019; 49 CFR 172.202-203',
};

const numbered = (n: number): ShippingPapersPackage => ({
  ...lutetium,
  code: `PK-${String(n).padStart(10, '0')}`,
  transportIndex: 0.1,
  doses: [`Lu-177 PSMA-617 for P-${String(n).padStart(5, '0')}`],
});

/** The rectangles an uncompressed document draws: only the bars of the barcodes. */
const rects = (pdf: Buffer) => pdf.toString('latin1').match(/ re\n/g)?.length ?? 0;
const bars = (packages: readonly ShippingPapersPackage[]) =>
  packages.reduce((sum, p) => sum + (code128Modules(p.code).length + 1) / 2, 0);

describe('shippingPapersPdf', () => {
  it('prints the shipment, a row per package, the total TI and the declaration', async () => {
    const pdf = await shippingPapersPdf(papers, options);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    const [page] = read.pages;
    expect(page!.width).toBeCloseTo(595.28, 1);
    expect(page!.height).toBeCloseTo(841.89, 1);
    expect(rects(pdf)).toBe(bars(papers.packages)); // a barcode per package
    for (const text of [
      SHIPPING_PAPERS_TITLE,
      'SH-2026-03-12-004',
      'Consignor',
      'Halflife Cyclotron Nord GmbH',
      'Am Teilchenbeschleuniger 3',
      'Consignee',
      'Universitätsklinikum Süd, Nuklearmedizin',
      '80331 München, Germany',
      'HH-RX 217',
      'Jonas Becker',
      '12 Mar 2026 09:30 CET',
      '12 Mar 2026 14:10 CET',
      'IAEA SSR-6 (2018); GB 11806-2019; 49 CFR 172.202-203',
      // the packages: code, UN number, category, label, TI, activities, fraction of A2
      'PK-4F1A2B3C9D',
      'UN 2915',
      'UN 2910',
      'Class 7',
      'Type A',
      'Excepted',
      'II-YELLOW',
      'III-YELLOW',
      'None',
      '0.4',
      '3',
      'Lu-177 7.4 GBq',
      'Lu-177m 1.23 MBq',
      'Total 7.4 GBq',
      'F-18 1.85 TBq',
      'Ga-68 370 MBq',
      '0.0105',
      '3.08',
      '6.17E-4',
      'Liquid',
      'Total transport index: 3.4',
      'Number of packages: 3',
      // the codes' blocks
      'Package 1 of 3: PK-4F1A2B3C9D',
      '• Lu-177 PSMA-617 for P-00013',
      '• No doses listed',
      // the declaration and the lines to sign
      "Consignor's declaration",
      'For the consignor: Halflife Cyclotron Nord GmbH',
      ...SIGNATURE_LINES,
      'Page 1 of 1',
    ]) {
      expect(page!.lines).toContain(text);
    }
    // Wrapped text, joined again (a line broken after a hyphen continues without a space).
    const text = read.text.replaceAll(' \n', ' ').replaceAll('-\n', '-').replaceAll('\n', ' ');
    expect(text).toContain('Tungsten pot W-20, Type A drum');
    expect(text).toContain(TYPE_A);
    expect(text).toContain(EXCEPTED);
    expect(text).toContain(DECLARATION);
    expect(text).not.toContain('Exclusive use');
    expect(read.info.Title).toBe('Shipping papers SH-2026-03-12-004');
    expect(read.info.CreationDate).toBe('D:20260312075500Z');
  });

  it('says "Exclusive use" when the shipment is', async () => {
    const read = readPdf(
      await shippingPapersPdf(
        {
          ...papers,
          exclusiveUse: true,
          packages: [{ ...fluorine, transportIndex: 12.5 }],
          transportIndexSum: 12.5,
          vehicle: null,
          courier: null,
        },
        options,
      ),
    );
    expect(read.text).toContain('Exclusive use shipment');
    expect(read.text).toContain('Total transport index: 12.5');
    expect(read.pages[0]!.lines).toContain('Not assigned');
  });

  it(`paginates ${MAX_PACKAGES} packages, repeating the header, with every code once`, async () => {
    const packages = Array.from({ length: MAX_PACKAGES }, (_, i) => numbered(i + 1));
    const pdf = await shippingPapersPdf({ ...papers, packages, transportIndexSum: 20 }, options);
    const read = readPdf(pdf);
    expect(rects(pdf)).toBe(bars(packages));
    const n = read.pages.length;
    expect(n).toBeGreaterThan(5);
    read.pages.forEach((page, i) => {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.lines).toContain(`Page ${i + 1} of ${n}`);
    });
    const codes = packages.map((p) => p.code);
    // In the table (bold code alone on its line, with the barcode's text), and in order.
    const rows = read.pages.flatMap((p) => p.lines.filter((l) => /^PK-\d{10}$/.test(l)));
    expect(rows).toEqual([...codes, ...codes]);
    const tablePages = read.pages.filter((p) => p.lines.includes('UN 2915'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page.lines).toContain('Proper shipping name');
    expect(read.text).toContain('Total transport index: 20');
    expect(read.pages.at(-1)!.lines).toContain(SIGNATURE_LINES[2]);
  });

  it('fits the largest package the limits allow', async () => {
    const L = SHIPPING_PAPERS_LIMITS;
    const big: ShippingPapersPackage = {
      ...lutetium,
      code: 'W'.repeat(L.code),
      properShippingName: `RADIOACTIVE MATERIAL ${'W'.repeat(L.name - 21)}`,
      packaging: 'W'.repeat(L.packaging),
      contents: Array.from({ length: L.nuclides }, () => ({
        nuclide: 'W'.repeat(L.nuclide),
        activityBq: 1.11e15,
      })),
      doses: Array.from({ length: L.doses }, (_, i) => `${'W'.repeat(25)} for P-${i}`),
    };
    // As many of the longest, widest dose lines as the check lets through.
    const widest = 'W'.repeat(L.dose);
    const fit = Math.floor(DOSE_LINES.maxHeight / doseLinesHeight(measuringDocument(), [widest]));
    const wide = { ...big, code: 'V'.repeat(L.code), doses: Array<string>(fit).fill(widest) };
    const packages = [big, wide];
    expect(shippingPapersProblems({ ...papers, packages, transportIndexSum: 0.8 })).toEqual([]);
    const pdf = await shippingPapersPdf({ ...papers, packages, transportIndexSum: 0.8 }, options);
    expect(readPdf(pdf).text).toContain('V'.repeat(L.code));
    expect(rects(pdf)).toBe(bars(packages));
  });

  it('is deterministic and refuses what the problems list', async () => {
    const a = await shippingPapersPdf(papers, { producedAt });
    expect(a.equals(await shippingPapersPdf(papers, { producedAt }))).toBe(true);
    await expect(shippingPapersPdf({ ...papers, packages: [] }, options)).rejects.toThrow(
      /^shipping papers: packages: expected at least one package/,
    );
  });
});

describe('shippingPapersProblems', () => {
  it('accepts good papers', () => {
    expect(shippingPapersProblems(papers)).toEqual([]);
  });

  it('refuses no packages and too many', () => {
    expect(shippingPapersProblems({ ...papers, packages: [] })).toEqual([
      'packages: expected at least one package',
    ]);
    const packages = Array.from({ length: MAX_PACKAGES + 1 }, (_, i) => numbered(i));
    expect(shippingPapersProblems({ ...papers, packages, transportIndexSum: null })).toEqual([
      'packages: at most 200 packages per shipment, got 201',
    ]);
    expect(
      shippingPapersProblems({ ...papers, packages: packages.slice(1), transportIndexSum: 20 }),
    ).toEqual([]);
  });

  it('names each problem by its path', () => {
    const problems = shippingPapersProblems({
      ...papers,
      consignee: { name: ' ', address: '北京市东城区' },
      transportIndexSum: 3.9,
      packages: [
        {
          ...lutetium,
          contents: [
            { nuclide: 'Lu-177', activityBq: -5 },
            { nuclide: 'Lu-177m', activityBq: NaN },
          ],
          a2Fraction: -1,
        },
        { ...fluorine, code: lutetium.code, unNumber: 'UN 2910', label: 'I-WHITE' },
        { ...gallium, code: 'PK é', label: 'I-WHITE', doses: [''] },
        { ...lutetium, code: 'PK-2', properShippingName: 'FLAMMABLE LIQUID', label: null },
      ],
    });
    expect(problems).toEqual([
      'consignee.name: is empty',
      "consignee.address: cannot print U+5317 ('北'): the documents print Latin text only (WinAnsi)",
      'packages[0].a2Fraction: expected a number from 0, got -1',
      'packages[0].contents[0].activityBq: expected a number from 0, got -5',
      'packages[0].contents[1].activityBq: expected a number from 0, got NaN',
      'packages[0].contents: expected some activity',
      'packages[1].code: "PK-4F1A2B3C9D" is on an earlier package',
      "packages[1].unNumber: UN 2910 is not a Type A package's",
      'packages[1]: label I-WHITE allows TI 0 at most, got 3',
      'packages[2].code: expected 1–24 ASCII characters (Code 128), got "PK é"',
      'packages[2]: an excepted package carries no category label',
      'packages[2].doses[0]: is empty',
      'packages[3].properShippingName: expected a Class 7 name ("RADIOACTIVE MATERIAL, …")',
      'packages[3]: a Type A package needs its label and transport index',
      "transportIndexSum: the packages' transport indexes add up to 3.8, not 3.9",
    ]);
  });

  it('reports values outside the unions rather than failing on them', () => {
    const odd = { ...lutetium, category: 'type-c', label: 'IV-RED', form: 'plasma' };
    expect(
      shippingPapersProblems({
        ...papers,
        packages: [odd as unknown as ShippingPapersPackage],
        transportIndexSum: null,
      }),
    ).toEqual([
      'packages[0].category: unknown value "type-c"',
      'packages[0].form: unknown value "plasma"',
      'packages[0].label: unknown value "IV-RED"',
    ]);
  });

  it('refuses more doses than fit beside a barcode', () => {
    const doses = Array.from({ length: 40 }, () => 'W'.repeat(100));
    expect(
      shippingPapersProblems({
        ...papers,
        packages: [{ ...lutetium, doses }],
        transportIndexSum: 0.4,
      }),
    ).toEqual([
      "packages[0].doses: 1480 pt of text, at most 600 pt fit beside the package's barcode",
    ]);
  });

  it('asks for exclusive use above TI 10', () => {
    const heavy = { ...papers, packages: [{ ...fluorine, transportIndex: 12 }] };
    expect(shippingPapersProblems({ ...heavy, transportIndexSum: 12 })).toEqual([
      'packages[0]: TI 12 is above 10: only under exclusive use',
    ]);
    expect(shippingPapersProblems({ ...heavy, transportIndexSum: 12, exclusiveUse: true })).toEqual(
      [],
    );
  });
});

describe('code128Modules', () => {
  it('encodes a package code: start B, 11 modules a character and the check, stop', () => {
    const modules = code128Modules('PK-4F1A2B3C9D');
    expect(modules.slice(0, 6)).toEqual([2, 1, 1, 2, 1, 4]); // start code B
    expect(modules.slice(-7)).toEqual([2, 3, 3, 1, 1, 1, 2]); // stop
    expect(modules.reduce((a, b) => a + b, 0)).toBe(11 * 13 + 35);
  });
});

describe('activityText', () => {
  it('prints MBq, GBq or TBq to 3 significant figures', () => {
    expect(activityText(370e6)).toBe('370 MBq');
    expect(activityText(999.6e6)).toBe('1 GBq');
    expect(activityText(7.4e9)).toBe('7.4 GBq');
    expect(activityText(12_345_678_901)).toBe('12.3 GBq');
    expect(activityText(1.85e12)).toBe('1.85 TBq');
    expect(activityText(1234)).toBe('0.00123 MBq');
    expect(activityText(7e-16)).toBe('7E-22 MBq');
    expect(activityText(0)).toBe('0 MBq');
    expect(threeFigures(0.010523)).toBe('0.0105');
    expect(threeFigures(2.345e-5)).toBe('2.35E-5');
  });
});
