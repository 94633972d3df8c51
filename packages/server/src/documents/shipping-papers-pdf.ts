import bwipjs from 'bwip-js';
import type { DocumentLang } from './document-lang.js';
import { PAPERS_WORDS, type PapersWords } from './document-words.js';
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
  DOSE_LINES,
  doseLinesHeight,
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

export const SHIPPING_PAPERS_TITLE = PAPERS_WORDS.en.title;
export const DECLARATION = PAPERS_WORDS.en.declaration;
export const SIGNATURE_LINES = PAPERS_WORDS.en.signatureLines;

const A4: [number, number] = [210 * POINTS_PER_MM, 297 * POINTS_PER_MM];
const MARGIN = 20 * POINTS_PER_MM;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const BODY = 9.5;
const SMALL = 8;

/** The package table's column widths; Noto Sans SC's Latin is wider: "UN 2915" on one line. */
const PACKAGE_WIDTHS: Readonly<Record<DocumentLang, readonly number[]>> = {
  en: [68, 38, 96, 40, 48, 22, 74, 36, CONTENT_WIDTH - 422],
  'zh-CN': [68, 46, 88, 40, 48, 22, 74, 36, CONTENT_WIDTH - 422],
};

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
  const lang = options.lang ?? 'en';
  const w: PapersWords = PAPERS_WORDS[lang];
  const problems = shippingPapersProblems(papers, lang);
  if (problems.length > 0) throw new Error(`shipping papers: ${problems.slice(0, 10).join('; ')}`);
  const p = printable;
  const doc = newDocument(options, w.documentTitle(p(papers.shipmentKey)), {
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
    doc.font('Helvetica-Bold').fontSize(18).text(w.title);
    doc.moveDown(0.6);
    parties(doc, papers, w);
    const facts: [string, string][] = [
      [w.shipment, p(papers.shipmentKey)],
      [w.vehicle, papers.vehicle === null ? w.notAssigned : p(papers.vehicle)],
      [w.courier, papers.courier === null ? w.notAssigned : p(papers.courier)],
      [w.departure, p(papers.departText)],
      [w.arrival, p(papers.arriveText)],
      [w.regulations, p(papers.regulations)],
    ];
    for (const [key, value] of facts) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY).text(key, MARGIN, y, { width: 110 });
      doc.font('Helvetica-Bold').text(value, MARGIN + 115, y, { width: CONTENT_WIDTH - 115 });
      doc.moveDown(0.25);
    }

    heading(w.packages);
    const table: TableStyle = { fontSize: 7.5, padding: 3, addPage };
    const columns: Column[] = w.packageColumns.map((header, i) => ({
      header,
      width: PACKAGE_WIDTHS[lang][i]!,
    }));
    drawTable(
      doc,
      columns,
      papers.packages.map((pkg) => packageRow(pkg, w)),
      table,
    );
    doc.moveDown(0.6);
    const n = papers.packages.length;
    line(w.packageCount(n));
    line(
      w.totalTi(
        papers.transportIndexSum === null
          ? w.notDetermined
          : transportIndexText(papers.transportIndexSum),
      ),
      true,
    );
    if (papers.exclusiveUse) line(w.exclusiveUse, true);

    heading(w.codes);
    papers.packages.forEach((pkg, i) => packageBlock(doc, pkg, i, n, addPage, w));

    declaration(doc, papers, heading, w);
    footers(doc, w.footer(p(papers.shipmentKey)), w.page);
  });
}

/** Consignor and consignee side by side: name in bold, the address under it. */
function parties(doc: PDFKit.PDFDocument, papers: ShippingPapers, w: PapersWords): void {
  const half = (CONTENT_WIDTH - 15) / 2;
  const top = doc.y;
  let bottom = top;
  (
    [
      [w.consignor, papers.consignor, MARGIN],
      [w.consignee, papers.consignee, MARGIN + half + 15],
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

function packageRow(pkg: ShippingPapersPackage, w: PapersWords): Cell[] {
  const p = printable;
  const excepted = pkg.category === 'excepted';
  const activities = pkg.contents.map((c) => `${p(c.nuclide)} ${activityText(c.activityBq)}`);
  if (pkg.contents.length > 1) {
    activities.push(w.total(activityText(pkg.contents.reduce((a, c) => a + c.activityBq, 0))));
  }
  return [
    { text: pkg.code, bold: true },
    { text: `${pkg.unNumber}\n${w.class7}` },
    { text: p(pkg.properShippingName) },
    { text: w.category[pkg.category] },
    { text: excepted ? w.noLabel : pkg.label === null ? '—' : w.label[pkg.label], bold: true },
    { text: pkg.transportIndex === null ? '—' : transportIndexText(pkg.transportIndex) },
    { text: activities.join('\n') },
    { text: threeFigures(pkg.a2Fraction) },
    { text: `${p(pkg.packaging)}\n${w.form[pkg.form]}` },
  ];
}

/** A package's barcode with its code under it, and beside them its number and doses. */
function packageBlock(
  doc: PDFKit.PDFDocument,
  pkg: ShippingPapersPackage,
  index: number,
  count: number,
  addPage: () => void,
  w: PapersWords,
): void {
  const doses = pkg.doses.length === 0 ? [w.noDoses] : pkg.doses.map(printable);
  const title = w.packageTitle(index + 1, count, pkg.code);
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
  w: PapersWords,
): void {
  const signer = w.signer(printable(papers.consignor.name));
  doc.font('Helvetica').fontSize(BODY);
  const text = (t: string) => doc.heightOfString(t, { width: CONTENT_WIDTH });
  // The heading's 26 pt, the text, and the lines to sign.
  heading(w.declarationHeading, 26 + text(w.declaration) + 6 + text(signer) + 80);
  doc.font('Helvetica').fontSize(BODY).text(w.declaration, MARGIN, doc.y, { width: CONTENT_WIDTH });
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
  rule(MARGIN, first, w.signatureLines[0]!);
  rule(MARGIN + half + 30, first, w.signatureLines[1]!);
  rule(MARGIN, first + 38, w.signatureLines[2]!);
  doc.y = first + 52;
}

/** "… · Page n of m" at the foot of every page (the pages are buffered until the end). */
function footers(
  doc: PDFKit.PDFDocument,
  text: string,
  page: (n: number, count: number) => string,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not add a page
    const y = doc.page.height - MARGIN + 8;
    const width = CONTENT_WIDTH - 70;
    const size = fittingSize(doc, text, 'Helvetica', width, 8, 5) ?? 5;
    doc.font('Helvetica').fontSize(size).text(text, MARGIN, y, { width, lineBreak: false });
    doc.fontSize(8).text(page(i + 1, range.count), MARGIN, y, {
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
