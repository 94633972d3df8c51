import {
  certificateProblems,
  CLASSIFICATION_TEXT,
  MEANING_TEXT,
  STATUS_TEXT,
  TIMING_TEXT,
  type Certificate,
} from './certificate.js';
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

export const CERTIFICATE_TITLE = 'Certificate of analysis';

const A4: [number, number] = [210 * POINTS_PER_MM, 297 * POINTS_PER_MM];
const MARGIN = 20 * POINTS_PER_MM;
const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
const BODY = 9.5;

const TEST_COLUMNS: Column[] = [
  { header: 'Test', width: 150 },
  { header: 'Limit', width: 110 },
  { header: 'Result', width: 95 },
  { header: 'Status', width: 50 },
  { header: 'Timing', width: CONTENT_WIDTH - 405 },
];
const DECISION_COLUMNS: Column[] = [
  { header: 'Decision', width: 105 },
  { header: 'Signed by', width: 120 },
  { header: 'Date and time', width: 105 },
  { header: 'Content hash', width: 95 },
  { header: 'Signature', width: CONTENT_WIDTH - 425 },
];
const DEVIATION_COLUMNS: Column[] = [
  { header: 'Classification', width: 90 },
  { header: 'Description', width: CONTENT_WIDTH - 90 },
];

export async function certificateOfAnalysisPdf(
  c: Certificate,
  options: DocumentOptions,
): Promise<Buffer> {
  const problems = certificateProblems(c);
  if (problems.length > 0) throw new Error(`certificate: ${problems.slice(0, 10).join('; ')}`);
  const p = printable;
  const doc = newDocument(options, `${CERTIFICATE_TITLE} ${p(c.batchNumber)}`, {
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
    doc.font('Helvetica-Bold').fontSize(18).text(CERTIFICATE_TITLE);
    doc.moveDown(0.6);
    const facts: [string, string][] = [
      ['Product', p(c.productName)],
      ['Batch number', p(c.batchNumber)],
      ['Site', p(c.site)],
      ['End of synthesis (EOS)', p(c.eosText)],
      [
        'Activity at EOS (measured)',
        c.eosActivityBq === null ? 'not recorded' : `${megabecquerels(c.eosActivityBq)} MBq`,
      ],
      ['Volume at EOS', c.eosVolumeMl === null ? 'not recorded' : `${c.eosVolumeMl.toFixed(2)} mL`],
      ['Specification', p(c.specificationVersion)],
    ];
    for (const [key, value] of facts) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY).text(key, MARGIN, y, { width: 140 });
      doc.font('Helvetica-Bold').text(value, MARGIN + 145, y, { width: CONTENT_WIDTH - 145 });
      doc.moveDown(0.25);
    }

    heading('Tests');
    if (c.tests.length === 0) note('No tests in the specification.');
    else {
      const rows = c.tests.map((t) => [
        { text: p(t.name) },
        { text: p(t.limit) },
        { text: t.result === null ? '—' : p(t.result) },
        { text: STATUS_TEXT[t.status], bold: t.status !== 'pass' },
        { text: TIMING_TEXT[t.timing] },
      ]);
      drawTable(doc, TEST_COLUMNS, rows, table);
      if (c.tests.some((t) => t.status === 'pending')) {
        note('Pending: no result yet when this copy was printed.');
      }
    }

    heading('Release decisions');
    if (c.decisions.length === 0) note('No release decision recorded: the batch is not released.');
    else {
      const rows = c.decisions.map((d) => [
        { text: MEANING_TEXT[d.meaning], bold: true },
        { text: p(d.signerName) },
        { text: p(d.signedText) },
        { text: d.contentHash.slice(0, 16).toLowerCase() },
        { text: d.valid ? 'Valid' : 'INVALID', bold: !d.valid },
      ]);
      drawTable(doc, DECISION_COLUMNS, rows, table);
      note('Content hash: the first 16 hex digits of the SHA-256 of the record content as signed.');
      if (c.decisions.some((d) => !d.valid)) {
        note(
          'INVALID: the record has changed since it was signed; that signature does not cover it.',
        );
      }
    }

    heading('Deviations');
    if (c.deviations.length === 0) note('None recorded.');
    else {
      const rows = c.deviations.map((d) => [
        { text: CLASSIFICATION_TEXT[d.classification], bold: d.classification !== 'minor' },
        { text: p(d.description) },
      ]);
      drawTable(doc, DEVIATION_COLUMNS, rows, table);
    }

    footers(doc, `${CERTIFICATE_TITLE} · batch ${p(c.batchNumber)} · printed ${p(c.printedText)}`);
  });
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
    doc.font('Helvetica').fontSize(size).text(text, MARGIN, y, { width });
    doc.fontSize(8).text(`Page ${i + 1} of ${range.count}`, MARGIN, y, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
