/** The part of fontkit (pdfkit's font engine, which ships no types) the documents use. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** Every code point the font maps to a glyph. */
    readonly characterSet: number[];
  }
  export function create(buffer: Buffer): Font;
}
