import { certificateProblems, type Certificate } from './certificate.js';
import { CERTIFICATE_WORDS, type CertificateWords } from './document-words.js';
import { megabecquerels } from './megabecquerels.js';
import {
  fittingSize,
  newDocument,
  pdfBytes,
  POINTS_PER_MM,
  type DocumentOptions,
} from './pdf-output.js';
import { drawTable, spaceLeft, type Column, type TableStyle } from './pdf-table.js';
import { printable } from './win-ansi.js';

/**
 * The certificate of analysis of a batch as a PDF: A4 portrait, 20 mm margins, standard fonts.
 * The batch and its EOS measurement, the specification version, the QC tests with their limits,
 * results, status and timing, the release decisions as signed (21 CFR 11.50: printed name, date
 * and time, meaning; with the content hash and whether the signature still holds), and the
 * deviations. Long tables continue on the next page under a repeated header; every page has a
 * footer with the batch and "Page n of m".
 */

export const CERTIFICATE_TITLE = CERTIFICATE_WORDS.en.title;

const A4: [number, number] = [210 * POINTS_PER_MM, 297 * POINTS_PER_MM];
const MARGIN = 20 * POINTS_PER_MM;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const BODY = 9.5;

const TEST_WIDTHS = [150, 110, 95, 50, CONTENT_WIDTH - 405];
const DECISION_WIDTHS = [105, 120, 105, 95, CONTENT_WIDTH - 425];
const DEVIATION_WIDTHS = [90, CONTENT_WIDTH - 90];

/** The table's columns: `headers` with `widths`. */
const columns = (headers: readonly string[], widths: readonly number[]): Column[] =>
  headers.map((header, i) => ({ header, width: widths[i]! }));

export async function certificateOfAnalysisPdf(
  c: Certificate,
  options: DocumentOptions,
): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const w: CertificateWords = CERTIFICATE_WORDS[lang];
  const problems = certificateProblems(c, lang);
  if (problems.length > 0) throw new Error(`certificate: ${problems.slice(0, 10).join('; ')}`);
  const p = printable;
  const doc = newDocument(options, `${w.title} ${p(c.batchNumber)}`, {
    bufferPages: true,
  });
  const addPage = () => doc.addPage({ size: A4, margin: MARGIN });
  const table: TableStyle = { fontSize: 9, padding: 3, addPage };
  const heading = (text: string) => {
    if (spaceLeft(doc) < 60) addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text, MARGIN, doc.y);
    doc.moveDown(0.3);
  };
  const note = (text: string) => {
    doc.moveDown(0.4).font('Helvetica').fontSize(BODY).text(text, MARGIN, doc.y, {
      width: CONTENT_WIDTH,
    });
  };

  return pdfBytes(doc, () => {
    addPage();
    doc.font('Helvetica-Bold').fontSize(18).text(w.title);
    doc.moveDown(0.6);
    const facts: [string, string][] = [
      [w.product, p(c.productName)],
      [w.batchNumber, p(c.batchNumber)],
      [w.site, p(c.site)],
      [w.eos, p(c.eosText)],
      [
        w.eosActivity,
        c.eosActivityBq === null ? w.notRecorded : `${megabecquerels(c.eosActivityBq)} MBq`,
      ],
      [w.eosVolume, c.eosVolumeMl === null ? w.notRecorded : `${c.eosVolumeMl.toFixed(2)} mL`],
      [w.specification, p(c.specificationVersion)],
    ];
    for (const [key, value] of facts) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY).text(key, MARGIN, y, { width: 140 });
      doc.font('Helvetica-Bold').text(value, MARGIN + 145, y, { width: CONTENT_WIDTH - 145 });
      doc.moveDown(0.25);
    }

    heading(w.tests);
    if (c.tests.length === 0) note(w.noTests);
    else {
      const rows = c.tests.map((t) => [
        { text: p(t.name) },
        { text: p(t.limit) },
        { text: t.result === null ? '—' : p(t.result) },
        { text: w.status[t.status], bold: t.status !== 'pass' },
        { text: w.timing[t.timing] },
      ]);
      drawTable(doc, columns(w.testColumns, TEST_WIDTHS), rows, table);
      if (c.tests.some((t) => t.status === 'pending')) note(w.pendingNote);
    }

    heading(w.decisions);
    if (c.decisions.length === 0) note(w.noDecision);
    else {
      const rows = c.decisions.map((d) => [
        { text: w.meaning[d.meaning], bold: true },
        { text: p(d.signerName) },
        { text: p(d.signedText) },
        { text: d.contentHash.slice(0, 16).toLowerCase() },
        { text: d.valid ? w.valid : w.invalid, bold: !d.valid },
      ]);
      drawTable(doc, columns(w.decisionColumns, DECISION_WIDTHS), rows, table);
      note(w.hashNote);
      if (c.decisions.some((d) => !d.valid)) note(w.invalidNote);
    }

    heading(w.deviations);
    if (c.deviations.length === 0) note(w.noDeviations);
    else {
      const rows = c.deviations.map((d) => [
        { text: w.classification[d.classification], bold: d.classification !== 'minor' },
        { text: p(d.description) },
      ]);
      drawTable(doc, columns(w.deviationColumns, DEVIATION_WIDTHS), rows, table);
    }

    footers(doc, w.footer(w.title, p(c.batchNumber), p(c.printedText)), w.page);
  });
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
    doc.font('Helvetica').fontSize(size).text(text, MARGIN, y, { width });
    doc.fontSize(8).text(page(i + 1, range.count), MARGIN, y, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
