/**
 * The characters the documents can print. They use the PDF standard fonts (Helvetica), which
 * pdfkit writes in WinAnsiEncoding: printable ASCII, Latin-1 from U+00A0, and the 27 characters
 * below in bytes 0x80–0x9F. Anything else (Chinese, Greek, Cyrillic) would print as a wrong glyph,
 * so the documents refuse it instead; printing it needs an embedded font.
 */

/** Code point → WinAnsi byte for 0x80–0x9F (the same table as pdfkit's and the PDF spec's). */
const HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

const BY_BYTE: ReadonlyMap<number, string> = new Map(
  [...HIGH].map(([codePoint, byte]) => [byte, String.fromCodePoint(codePoint)]),
);

function inWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    HIGH.has(codePoint)
  );
}

/**
 * Characters our data uses that WinAnsi lacks, and what the documents print instead: the limits
 * of a specification ("≥ 95 %", ops' limitText) and the spaces Intl puts in formatted times.
 */
const SUBSTITUTES: ReadonlyMap<string, string> = new Map([
  ['≥', '>='],
  ['≤', '<='],
  ['\u2212', '-'], // minus sign
  ['\u2009', ' '], // thin space
  ['\u202f', ' '], // narrow no-break space (Intl's "9:30 AM")
]);

/** `text` as the documents print it: the substitutes above put in. */
export function printable(text: string): string {
  let out = '';
  for (const char of text) out += SUBSTITUTES.get(char) ?? char;
  return out;
}

/**
 * The first character of `text` the documents cannot print (after `printable`), as a message;
 * undefined if none.
 */
export function unprintable(text: string): string | undefined {
  for (const char of printable(text)) {
    const codePoint = char.codePointAt(0)!;
    if (!inWinAnsi(codePoint)) {
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      return `cannot print U+${hex} ('${char}'): the documents print Latin text only (WinAnsi)`;
    }
  }
  return undefined;
}

/** The character of a WinAnsi byte, for reading a document back. */
export function winAnsiChar(byte: number): string {
  return BY_BYTE.get(byte) ?? String.fromCharCode(byte);
}
