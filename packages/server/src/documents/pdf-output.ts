import { pdfDocument, type DocumentLang } from './document-lang.js';

/** What every document takes besides its content. */
export interface DocumentOptions {
  /**
   * When the document is produced: its CreationDate, and so (with the content) its file ID. The
   * caller passes its clock's time; the documents never read the wall clock, so the same input
   * gives the same bytes.
   */
  readonly producedAt: Date;
  /** Compress the content streams (the default); tests switch it off to read the text. */
  readonly compress?: boolean;
  /** The document's language (document-lang.ts); English when not given. */
  readonly lang?: DocumentLang;
}

export const POINTS_PER_MM = 72 / 25.4;

/** A new pdfkit document with our metadata, pages added by the caller. */
export function newDocument(
  options: DocumentOptions,
  title: string,
  layout: { bufferPages?: boolean } = {},
): PDFKit.PDFDocument {
  if (Number.isNaN(options.producedAt.getTime())) throw new Error('producedAt: not a valid date');
  const pdf: PDFKit.PDFDocumentOptions = {
    autoFirstPage: false,
    compress: options.compress ?? true,
    bufferPages: layout.bufferPages ?? false,
    info: {
      Title: title,
      Creator: 'Halflife',
      Producer: 'Halflife (pdfkit)',
      CreationDate: options.producedAt,
    },
  };
  return pdfDocument(pdf, options.lang ?? 'en');
}

/** Ends `doc` (after `draw` has filled it) and resolves to its bytes. */
export async function pdfBytes(
  doc: PDFKit.PDFDocument,
  draw: (doc: PDFKit.PDFDocument) => void | Promise<void>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}

/** A document that only measures text (no page, no output), for checking input before drawing. */
export function measuringDocument(lang: DocumentLang = 'en'): PDFKit.PDFDocument {
  return pdfDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } }, lang);
}

/**
 * The largest font size from `size` down to `minSize` (by 0.25 pt) at which `text` fits `width`,
 * or undefined when it does not fit even at `minSize`.
 */
export function fittingSize(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  width: number,
  size: number,
  minSize: number,
): number | undefined {
  doc.font(font);
  for (let s = size; s >= minSize; s -= 0.25) {
    if (doc.fontSize(s).widthOfString(text) <= width) return s;
  }
  return undefined;
}
