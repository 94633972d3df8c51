import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { printable, unprintable } from './win-ansi.js';

/**
 * The language a document is printed in. English documents use the PDF standard fonts
 * (Helvetica, WinAnsi: win-ansi.ts); Chinese ones embed Noto Sans SC (OFL-1.1, from
 * @fontsource/noto-sans-sc; regular and bold), which has the Chinese, Latin letters and digits the
 * documents print, for all their text.
 */
export const DOCUMENT_LANGS = ['zh-CN', 'en'] as const;
export type DocumentLang = (typeof DOCUMENT_LANGS)[number];

const FONT_FILE = (weight: 400 | 700) =>
  `@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`;

interface CjkFont {
  readonly data: Buffer;
  readonly font: Font;
}
let cjk: { regular: CjkFont; bold: CjkFont } | undefined;
/**
 * The Chinese font, read once per thread (pdfkit embeds only the glyphs used), unpacked from WOFF
 * to a plain OpenType font: fontkit inflates a WOFF table on every read of it, which made a page of
 * Chinese text take seconds. Bold is the font's 700 weight: a second name for the same font
 * would make pdfkit open it anew on every switch to it.
 */
function cjkFonts(): { regular: CjkFont; bold: CjkFont } {
  if (cjk === undefined) {
    const load = (weight: 400 | 700): CjkFont => {
      const woff = readFileSync(createRequire(import.meta.url).resolve(FONT_FILE(weight)));
      const data = woffToSfnt(woff);
      return { data, font: create(data) };
    };
    cjk = { regular: load(400), bold: load(700) };
  }
  return cjk;
}

/** A WOFF 1.0 font as the OpenType (sfnt) font it packs: the same tables, inflated. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const tables = Array.from({ length: woff.readUInt16BE(12) }, (_, i) => {
    const at = 44 + 20 * i;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const packed = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(packed) : packed;
    if (data.length !== length) throw new Error('WOFF table of the wrong length');
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data };
  });
  const count = tables.length;
  const pad = (n: number) => (n + 3) & ~3;
  const head = Buffer.alloc(12 + 16 * count);
  woff.copy(head, 0, 4, 8); // the flavour: TrueType or CFF outlines
  const log2 = Math.floor(Math.log2(count));
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(16 * 2 ** log2, 6);
  head.writeUInt16BE(log2, 8);
  head.writeUInt16BE(16 * count - 16 * 2 ** log2, 10);
  let offset = head.length;
  const bodies = tables.map((t, i) => {
    t.tag.copy(head, 12 + 16 * i);
    head.writeUInt32BE(t.checksum, 12 + 16 * i + 4);
    head.writeUInt32BE(offset, 12 + 16 * i + 8);
    head.writeUInt32BE(t.data.length, 12 + 16 * i + 12);
    offset += pad(t.data.length);
    return Buffer.concat([t.data, Buffer.alloc(pad(t.data.length) - t.data.length)]);
  });
  return Buffer.concat([head, ...bodies]);
}

/**
 * A new pdfkit document for `lang`. In Chinese the font names the documents use ('Helvetica',
 * 'Helvetica-Bold') are registered as the embedded Chinese font, so that the drawing code is one
 * for both languages; the document then starts without pdfkit's default font (`font: ''`), which
 * would otherwise be cached under 'Helvetica' first.
 */
export function pdfDocument(
  options: PDFKit.PDFDocumentOptions,
  lang: DocumentLang,
): PDFKit.PDFDocument {
  if (lang === 'en') return new PDFDocument(options);
  const doc = new PDFDocument({ ...options, font: '' });
  const { regular, bold } = cjkFonts();
  doc.registerFont('Helvetica', regular.data);
  doc.registerFont('Helvetica-Bold', bold.data);
  return doc.font('Helvetica');
}

let codePoints: ReadonlySet<number> | undefined;
/** The characters both weights of the Chinese font draw (a set: a lookup per character). */
function cjkCodePoints(): ReadonlySet<number> {
  if (codePoints === undefined) {
    const { regular, bold } = cjkFonts();
    const inBold = new Set(bold.font.characterSet);
    codePoints = new Set(regular.font.characterSet.filter((c) => inBold.has(c)));
  }
  return codePoints;
}

/**
 * The first character of `text` a document in `lang` cannot print (after `printable`), as a
 * message; undefined if none. English: WinAnsi only; Chinese: what the embedded font has.
 */
export function unprintableIn(lang: DocumentLang, text: string): string | undefined {
  if (lang === 'en') return unprintable(text);
  const printableHere = cjkCodePoints();
  for (const char of printable(text)) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || !printableHere.has(codePoint)) {
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      return `cannot print U+${hex} ('${char}'): the Chinese documents' font (Noto Sans SC) lacks it`;
    }
  }
  return undefined;
}
