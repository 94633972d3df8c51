import { toBuffer, type RenderOptions } from 'bwip-js';
import { doseCodeProblems, doseCodeText, type DoseCodeData } from './dose-code.js';
import {
  fittingSize,
  measuringDocument,
  newDocument,
  pdfBytes,
  POINTS_PER_MM,
  type DocumentOptions,
} from './pdf-output.js';
import { megabecquerels } from './megabecquerels.js';
import { drawTrefoil } from './trefoil.js';
import { unprintableIn, type DocumentLang } from './document-lang.js';
import { LABEL_WORDS } from './document-words.js';
import { printable } from './win-ansi.js';

/**
 * The label on a dose's shielded container, one per page of 100 mm × 60 mm (landscape), for a
 * thermal label printer: black only, standard fonts. It carries what the USP FDG monograph asks a
 * label to show (calibration date and time, MBq/mL, expiry date and time, "Caution—Radioactive
 * Material", "do not use if cloudy") and the dose's QR code (dose-code.ts).
 */

/** What one label shows. Times come formatted in the hospital's zone: the PDF does no zone work. */
export interface DoseLabel {
  /** What the code carries; the dose id, batch number and activity are printed from it too. */
  readonly code: DoseCodeData;
  /** "Fludeoxyglucose (18F) injection". */
  readonly productName: string;
  /** "F-18". */
  readonly nuclide: string;
  readonly hospital: string;
  /** The patient or order reference the hospital gave ("Order 2026-0042"). */
  readonly patientReference: string;
  readonly volumeMl: number;
  /** "12 Mar 2026 09:30 CET". */
  readonly calibrationText: string;
  readonly expiryText: string;
}

export const LABEL_SIZE_MM = { width: 100, height: 60 } as const;
export const MAX_LABELS = 500;
/** Longer code texts need a denser QR code than a 203 dpi printer prints legibly at this size. */
export const MAX_CODE_TEXT = 200;

export const CAUTION = LABEL_WORDS.en.caution;
export const STATEMENTS = LABEL_WORDS.en.statements;

const W = LABEL_SIZE_MM.width * POINTS_PER_MM;
const H = LABEL_SIZE_MM.height * POINTS_PER_MM;
const M = 3 * POINTS_PER_MM;
const TREFOIL_RADIUS = 14;
const HEAD_X = M + 2 * TREFOIL_RADIUS + 5;
const QR_SIZE = 76;
const QR_X = W - M - QR_SIZE;
const ROWS_Y = 44;
/** From the top of a row to its baseline. */
const ASCENT = 5.5;
const ROW_STEP = 9.2;
const KEY_WIDTH = 50;
/** Values end 8 pt before the QR code: its quiet zone of 4 modules. */
const SHORT_VALUE_WIDTH = QR_X - 8 - (M + KEY_WIDTH);

interface Line {
  readonly text: string;
  readonly path: string;
  readonly x: number;
  /** The baseline: keys and values of different sizes line up. */
  readonly y: number;
  readonly width: number;
  readonly font: string;
  readonly size: number;
  readonly minSize: number;
}

/** Every line of text on the label, where it goes, and the field it comes from. */
function lines(label: DoseLabel, path: string, lang: DocumentLang): Line[] {
  const { code } = label;
  const w = LABEL_WORDS[lang];
  const bold = 'Helvetica-Bold';
  const head = (text: string, field: string, y: number, size: number): Line => {
    const minSize = size - 3;
    return {
      text,
      path: `${path}.${field}`,
      x: HEAD_X,
      y,
      width: W - M - HEAD_X,
      font: bold,
      size,
      minSize,
    };
  };
  const row = (key: string, value: string, field: string, y: number, valueWidth: number) => {
    const common = { path: `${path}.${field}`, y, minSize: 5 };
    return [
      { ...common, text: key, x: M, width: KEY_WIDTH - 2, font: 'Helvetica', size: 6.5 },
      { ...common, text: value, x: M + KEY_WIDTH, width: valueWidth, font: bold, size: 7.5 },
    ];
  };
  // Beside the QR code.
  const short: [string, string, string][] = [
    [w.nuclide, label.nuclide, 'nuclide'],
    [w.dose, code.doseId, 'code.doseId'],
    [w.batch, code.batchNumber, 'code.batchNumber'],
    [
      w.activity,
      w.activityValue(megabecquerels(code.activityAtCalibration)),
      'code.activityAtCalibration',
    ],
    [w.calibration, label.calibrationText, 'calibrationText'],
    [w.volume, `${label.volumeMl.toFixed(2)} mL`, 'volumeMl'],
    [
      w.concentration,
      w.concentrationValue(megabecquerels(code.activityAtCalibration / label.volumeMl)),
      'volumeMl',
    ],
    [w.expiry, label.expiryText, 'expiryText'],
  ];
  // Below it, across the label: names can be long.
  const wide: [string, string, string][] = [
    [w.hospital, label.hospital, 'hospital'],
    [w.patient, label.patientReference, 'patientReference'],
  ];
  const wideY = ROWS_Y + QR_SIZE + 4;
  const all: Line[] = [
    head(w.caution, 'caution', M + 9, 11),
    head(label.productName, 'productName', M + 22.5, 9),
    ...short.flatMap(([key, value, field], i) =>
      row(key, value, field, ROWS_Y + ASCENT + i * ROW_STEP, SHORT_VALUE_WIDTH),
    ),
    ...wide.flatMap(([key, value, field], i) =>
      row(key, value, field, wideY + ASCENT + i * ROW_STEP, W - 2 * M - KEY_WIDTH),
    ),
    ...w.statements.map((text, i) => ({
      text,
      path: `${path}.statements`,
      x: M,
      y: wideY + ASCENT + wide.length * ROW_STEP + 1 + i * 8.5,
      width: W - 2 * M,
      font: bold,
      size: 7,
      minSize: 5,
    })),
  ];
  return all.map((line) => ({ ...line, text: printable(line.text) }));
}

/**
 * What keeps `labels` from printing in `lang`, each with its path ("labels[3].hospital: …");
 * empty if nothing does. The service checks this first and answers with a validation error;
 * `doseLabelsPdf` refuses what it lists.
 */
export function doseLabelProblems(
  labels: readonly DoseLabel[],
  lang: DocumentLang = 'en',
): string[] {
  if (labels.length === 0) return ['labels: expected at least one label'];
  if (labels.length > MAX_LABELS) {
    return [`labels: at most ${MAX_LABELS} labels per document, got ${labels.length}`];
  }
  const doc = measuringDocument(lang);
  return labels.flatMap((label, i) => {
    const path = `labels[${i}]`;
    const problems = doseCodeProblems(label.code, `${path}.code`);
    if (!(label.volumeMl >= 0.01 && label.volumeMl <= 1000)) {
      problems.push(`${path}.volumeMl: expected 0.01–1000 mL, got ${label.volumeMl}`);
    }
    if (problems.length > 0) return problems;
    const codeLength = doseCodeText(label.code).length;
    if (codeLength > MAX_CODE_TEXT) {
      problems.push(
        `${path}.code: its text has ${codeLength} characters, at most ${MAX_CODE_TEXT} fit the label's QR code`,
      );
    }
    for (const line of lines(label, path, lang)) {
      const issue =
        line.text.trim() === ''
          ? 'is empty'
          : (unprintableIn(lang, line.text) ??
            (fittingSize(doc, line.text, line.font, line.width, line.size, line.minSize) ===
            undefined
              ? `"${line.text}" does not fit the label (${Math.round(line.width)} pt at ${line.minSize} pt type)`
              : undefined));
      if (issue !== undefined) problems.push(`${line.path}: ${issue}`);
    }
    return problems;
  });
}

/** One label as a PDF of one page. */
export function doseLabelPdf(label: DoseLabel, options: DocumentOptions): Promise<Buffer> {
  return doseLabelsPdf([label], options);
}

/** A batch's labels, one page each, at most `MAX_LABELS`. Rejects what `doseLabelProblems` lists. */
export async function doseLabelsPdf(
  labels: readonly DoseLabel[],
  options: DocumentOptions,
): Promise<Buffer> {
  const lang = options.lang ?? 'en';
  const problems = doseLabelProblems(labels, lang);
  if (problems.length > 0) throw new Error(`dose labels: ${problems.slice(0, 10).join('; ')}`);
  const codes = await Promise.all(labels.map((label) => qrCode(doseCodeText(label.code))));
  return pdfBytes(newDocument(options, LABEL_WORDS[lang].title), (doc) => {
    labels.forEach((label, i) => {
      doc.addPage({ size: [W, H], margin: 0 });
      drawTrefoil(doc, M + TREFOIL_RADIUS, M + TREFOIL_RADIUS, TREFOIL_RADIUS);
      for (const line of lines(label, `labels[${i}]`, lang)) {
        const size = fittingSize(doc, line.text, line.font, line.width, line.size, line.minSize);
        if (size === undefined) throw new Error(`${line.path}: does not fit (checked before)`);
        doc
          .fontSize(size)
          .text(line.text, line.x, line.y, { lineBreak: false, baseline: 'alphabetic' });
      }
      doc.image(codes[i]!, QR_X, ROWS_Y, { width: QR_SIZE, height: QR_SIZE });
    });
  });
}

/** The QR code as a PNG (4 px per module, error correction M). */
function qrCode(text: string): Promise<Buffer> {
  const options: RenderOptions & { eclevel: 'M' } = {
    bcid: 'qrcode',
    text,
    eclevel: 'M',
    scale: 2,
    backgroundcolor: 'FFFFFF',
  };
  return toBuffer(options);
}
