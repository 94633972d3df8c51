import bwipjs from 'bwip-js';
import {
  fittingSize,
  newDocument,
  pdfBytes,
  POINTS_PER_MM,
  type DocumentOptions,
} from './pdf-output.js';
import { drawTable, spaceLeft, type Cell, type Column, type TableStyle } from './pdf-table.js';
import {
  activityText,
  CATEGORY_TEXT,
  DOSE_LINES,
  doseLinesHeight,
  FORM_TEXT,
  LABEL_TEXT,
  shippingPapersProblems,
  threeFigures,
  transportIndexText,
  type ShippingPapers,
  type ShippingPapersPackage,
} from './shipping-papers.js';
import { printable } from './win-ansi.js';

/**
 * A shipment's shipping papers as a PDF: A4 portrait, 20 mm margins, standard fonts. The
 * consignor and consignee, vehicle, courier and times; one table row per package with its UN
 * number, proper shipping name, category, label, TI, activity of each nuclide, fraction of A2 and
 * packaging; the total TI and "Exclusive use"; each package's code as a Code 128 barcode with its
 * doses; and the consignor's declaration with lines to sign. Long tables continue on the next
 * page under a repeated header; every page has a footer with the shipment and "Page n of m".
 */

export const SHIPPING_PAPERS_TITLE = 'Shipping papers — radioactive material';
/** The IATA DGR / ADR 5.4.1.6.1 wording. */
export const DECLARATION =
  'I hereby declare that the contents of this consignment are fully and accurately described ' +
  'above by the proper shipping name, and are classified, packaged, marked and ' +
  'labelled/placarded, and are in all respects in proper condition for transport according to ' +
  'applicable international and national governmental regulations.';
export const SIGNATURE_LINES = [
  'Name and title of signatory',
  'Place and date',
  'Signature of consignor',
] as const;

const A4: [number, number] = [210 * POINTS_PER_MM, 297 * POINTS_PER_MM];
const MARGIN = 20 * POINTS_PER_MM;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const BODY = 9.5;
const SMALL = 8;

const PACKAGE_COLUMNS: Column[] = [
  { header: 'Package', width: 68 },
  { header: 'UN No.', width: 38 },
  { header: 'Proper shipping name', width: 96 },
  { header: 'Category', width: 40 },
  { header: 'Label', width: 48 },
  { header: 'TI', width: 22 },
  { header: 'Activity at dispatch', width: 74 },
  { header: 'Fraction of A2', width: 36 },
  { header: 'Packaging, form', width: CONTENT_WIDTH - 422 },
];

/** Code 128: 0.72 pt (10 mil) a module, 10 mm bars; the code's text under them. */
const MODULE = 0.72;
const BAR_HEIGHT = 10 * POINTS_PER_MM;
/** Where a package's doses start, right of its barcode (24 characters: 299 modules, 215 pt). */
const DOSES_X = MARGIN + CONTENT_WIDTH - DOSE_LINES.width;
const DOSES_WIDTH = DOSE_LINES.width;

export async function shippingPapersPdf(
  papers: ShippingPapers,
  options: DocumentOptions,
): Promise<Buffer> {
  const problems = shippingPapersProblems(papers);
  if (problems.length > 0) throw new Error(`shipping papers: ${problems.slice(0, 10).join('; ')}`);
  const p = printable;
  const doc = newDocument(options, `Shipping papers ${p(papers.shipmentKey)}`, {
    bufferPages: true,
  });
  const addPage = () => doc.addPage({ size: A4, margin: MARGIN });
  const heading = (text: string, room = 60) => {
    if (spaceLeft(doc) < room) addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text, MARGIN, doc.y);
    doc.moveDown(0.3);
  };
  const line = (text: string, bold = false) => {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(BODY)
      .text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  };

  return pdfBytes(doc, () => {
    addPage();
    doc.font('Helvetica-Bold').fontSize(18).text(SHIPPING_PAPERS_TITLE);
    doc.moveDown(0.6);
    parties(doc, papers);
    const facts: [string, string][] = [
      ['Shipment', p(papers.shipmentKey)],
      ['Vehicle', papers.vehicle === null ? 'Not assigned' : p(papers.vehicle)],
      ['Courier', papers.courier === null ? 'Not assigned' : p(papers.courier)],
      ['Departure', p(papers.departText)],
      ['Arrival', p(papers.arriveText)],
      ['Regulations', p(papers.regulations)],
    ];
    for (const [key, value] of facts) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY).text(key, MARGIN, y, { width: 110 });
      doc.font('Helvetica-Bold').text(value, MARGIN + 115, y, { width: CONTENT_WIDTH - 115 });
      doc.moveDown(0.25);
    }

    heading('Packages: Class 7, radioactive material');
    const table: TableStyle = { fontSize: 7.5, padding: 3, addPage };
    drawTable(doc, PACKAGE_COLUMNS, papers.packages.map(packageRow), table);
    doc.moveDown(0.6);
    const n = papers.packages.length;
    line(`Number of packages: ${n}`);
    line(
      `Total transport index: ${
        papers.transportIndexSum === null
          ? 'not determined'
          : transportIndexText(papers.transportIndexSum)
      }`,
      true,
    );
    if (papers.exclusiveUse) line('Exclusive use shipment', true);

    heading('Package codes (Code 128) and doses');
    papers.packages.forEach((pkg, i) => packageBlock(doc, pkg, i, n, addPage));

    declaration(doc, papers, heading);
    footers(doc, `Shipping papers · shipment ${p(papers.shipmentKey)}`);
  });
}

/** Consignor and consignee side by side: name in bold, the address under it. */
function parties(doc: PDFKit.PDFDocument, papers: ShippingPapers): void {
  const half = (CONTENT_WIDTH - 15) / 2;
  const top = doc.y;
  let bottom = top;
  (
    [
      ['Consignor', papers.consignor, MARGIN],
      ['Consignee', papers.consignee, MARGIN + half + 15],
    ] as const
  ).forEach(([key, party, x]) => {
    doc.font('Helvetica').fontSize(SMALL).text(key, x, top, { width: half });
    doc
      .font('Helvetica-Bold')
      .fontSize(BODY)
      .text(printable(party.name), x, doc.y, { width: half });
    const address = printable(party.address).replaceAll('\r\n', '\n');
    doc.font('Helvetica').text(address, x, doc.y, { width: half });
    bottom = Math.max(bottom, doc.y);
  });
  doc.y = bottom;
  doc.moveDown(0.8);
}

function packageRow(pkg: ShippingPapersPackage): Cell[] {
  const p = printable;
  const excepted = pkg.category === 'excepted';
  const activities = pkg.contents.map((c) => `${p(c.nuclide)} ${activityText(c.activityBq)}`);
  if (pkg.contents.length > 1) {
    activities.push(`Total ${activityText(pkg.contents.reduce((a, c) => a + c.activityBq, 0))}`);
  }
  return [
    { text: pkg.code, bold: true },
    { text: `${pkg.unNumber}\nClass 7` },
    { text: p(pkg.properShippingName) },
    { text: CATEGORY_TEXT[pkg.category] },
    { text: excepted ? 'None' : pkg.label === null ? '—' : LABEL_TEXT[pkg.label], bold: true },
    { text: pkg.transportIndex === null ? '—' : transportIndexText(pkg.transportIndex) },
    { text: activities.join('\n') },
    { text: threeFigures(pkg.a2Fraction) },
    { text: `${p(pkg.packaging)}\n${FORM_TEXT[pkg.form]}` },
  ];
}

/** A package's barcode with its code under it, and beside them its number and doses. */
function packageBlock(
  doc: PDFKit.PDFDocument,
  pkg: ShippingPapersPackage,
  index: number,
  count: number,
  addPage: () => void,
): void {
  const doses = pkg.doses.length === 0 ? ['No doses listed'] : pkg.doses.map(printable);
  const title = `Package ${index + 1} of ${count}: ${pkg.code}`;
  const titleHeight = doc
    .font('Helvetica-Bold')
    .fontSize(SMALL)
    .heightOfString(title, { width: DOSES_WIDTH });
  const dosesHeight = doseLinesHeight(doc, doses);
  const height = Math.max(BAR_HEIGHT + 12, titleHeight + dosesHeight) + 8;
  if (spaceLeft(doc) < height) addPage();
  const top = doc.y;
  const width = drawCode128(doc, pkg.code, MARGIN, top);
  doc
    .font('Helvetica')
    .fontSize(SMALL)
    .text(pkg.code, MARGIN, top + BAR_HEIGHT + 3, {
      width,
      align: 'center',
      lineBreak: false,
    });
  doc.font('Helvetica-Bold').text(title, DOSES_X, top, { width: DOSES_WIDTH });
  doc.font(DOSE_LINES.font).fontSize(DOSE_LINES.fontSize);
  for (const d of doses) doc.text(`• ${d}`, DOSES_X, doc.y, { width: DOSES_WIDTH });
  doc.y = top + height;
  doc
    .moveTo(MARGIN, doc.y - 4)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y - 4)
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .stroke()
    .strokeColor('black');
}

/** The declaration and the lines to sign, kept together on one page. */
function declaration(
  doc: PDFKit.PDFDocument,
  papers: ShippingPapers,
  heading: (text: string, room?: number) => void,
): void {
  const signer = `For the consignor: ${printable(papers.consignor.name)}`;
  doc.font('Helvetica').fontSize(BODY);
  const text = (t: string) => doc.heightOfString(t, { width: CONTENT_WIDTH });
  // The heading's 26 pt, the text, and the lines to sign.
  heading("Consignor's declaration", 26 + text(DECLARATION) + 6 + text(signer) + 80);
  doc.font('Helvetica').fontSize(BODY).text(DECLARATION, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  doc.text(signer, MARGIN, doc.y, { width: CONTENT_WIDTH });
  const half = (CONTENT_WIDTH - 30) / 2;
  const rule = (x: number, y: number, caption: string) => {
    doc
      .moveTo(x, y)
      .lineTo(x + half, y)
      .lineWidth(0.75)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(SMALL)
      .text(caption, x, y + 3, { width: half });
  };
  const first = doc.y + 28;
  rule(MARGIN, first, SIGNATURE_LINES[0]);
  rule(MARGIN + half + 30, first, SIGNATURE_LINES[1]);
  rule(MARGIN, first + 38, SIGNATURE_LINES[2]);
  doc.y = first + 52;
}

/** "… · Page n of m" at the foot of every page (the pages are buffered until the end). */
function footers(doc: PDFKit.PDFDocument, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not add a page
    const y = doc.page.height - MARGIN + 8;
    const width = CONTENT_WIDTH - 70;
    const size = fittingSize(doc, text, 'Helvetica', width, 8, 5) ?? 5;
    doc.font('Helvetica').fontSize(size).text(text, MARGIN, y, { width, lineBreak: false });
    doc.fontSize(8).text(`Page ${i + 1} of ${range.count}`, MARGIN, y, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * `text` as a Code 128 symbol of vector bars (crisp at any resolution, and the same bytes every
 * time, which embedded PNGs are not: pdfkit decodes them asynchronously) with its left edge at x;
 * the quiet zones are the caller's. Returns its width.
 */
function drawCode128(doc: PDFKit.PDFDocument, text: string, x: number, y: number): number {
  let at = x;
  code128Modules(text).forEach((modules, i) => {
    if (i % 2 === 0) doc.rect(at, y, modules * MODULE, BAR_HEIGHT);
    at += modules * MODULE;
  });
  doc.fillColor('black').fill();
  return at - x;
}

/** The widths of the bars and spaces of `text`'s Code 128 symbol, in modules, bar first. */
export function code128Modules(text: string): number[] {
  const [symbol] = bwipjs.raw('code128', text, {});
  if (symbol === undefined || !('sbs' in symbol)) throw new Error('code128: no symbol');
  return symbol.sbs;
}
