import { winAnsiChar } from './win-ansi.js';

/**
 * Reads back what these documents write, for tests: pages, their sizes, their text lines and
 * images. Only for our own pdfkit output made with `compress: false` (plain content streams,
 * standard fonts in WinAnsi, or the embedded Chinese font: two-byte glyph ids, read back through
 * the ToUnicode CMap pdfkit writes for it); it is not a general PDF parser. pdfkit writes each
 * line of text as one TJ array of hex strings split at kerning pairs, so a line reads back whole.
 */

export interface ReadPage {
  /** MediaBox width and height in points. */
  readonly width: number;
  readonly height: number;
  /** The text of each TJ (one line as drawn), in drawing order. */
  readonly lines: readonly string[];
  /** How many images (XObjects) the page draws. */
  readonly images: number;
}

export interface ReadPdf {
  readonly version: string;
  readonly pages: readonly ReadPage[];
  /** Document information entries as written (literal strings unescaped only for \\( \\) \\\\). */
  readonly info: Readonly<Record<string, string>>;
  /** All text of all pages, lines joined with "\n". */
  readonly text: string;
}

export function readPdf(bytes: Buffer): ReadPdf {
  const pdf = bytes.toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(pdf)?.[1];
  if (version === undefined) throw new Error('not a PDF: no %PDF- header');
  const object = (id: string): string => {
    const start = pdf.search(new RegExp(`(?:^|\\n)${id} 0 obj\\n`));
    if (start < 0) throw new Error(`object ${id} not found`);
    const body = pdf.slice(pdf.indexOf('obj\n', start) + 4);
    const length = /^<<\n\/Length (\d+)\n/.exec(body)?.[1];
    if (length !== undefined && body.includes('>>\nstream\n')) {
      const from = body.indexOf('>>\nstream\n') + '>>\nstream\n'.length;
      return body.slice(from, from + Number(length));
    }
    return body.slice(0, body.indexOf('\nendobj'));
  };
  const ref = (dict: string, key: string): string => {
    const id = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
    if (id === undefined) throw new Error(`no /${key} reference in ${dict.slice(0, 80)}`);
    return id;
  };

  const trailer = pdf.slice(pdf.lastIndexOf('trailer'));
  const catalog = object(ref(trailer, 'Root'));
  const pageTree = object(ref(catalog, 'Pages'));
  const kids = /\/Kids \[([^\]]*)\]/.exec(pageTree)?.[1] ?? '';
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map(([, id]) => {
    const page = object(id!);
    const box = /\/MediaBox \[([^\]]*)\]/.exec(page)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
    const content = object(ref(page, 'Contents'));
    const resources = /\/Resources (\d+) 0 R/.exec(page)?.[1];
    const fontDict = /\/Font <<([^>]*)>>/.exec(resources ? object(resources) : page)?.[1] ?? '';
    const fonts = new Map(
      [...fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)].map(([, name, id]) => {
        const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(object(id!))?.[1];
        return [name!, toUnicode === undefined ? undefined : cmap(object(toUnicode))];
      }),
    );
    let font: ReadonlyMap<number, string> | undefined;
    const lines: string[] = [];
    for (const [, name, array] of content.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (name !== undefined) font = fonts.get(name);
      else {
        const hexes = [...array!.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => hex!);
        lines.push(hexes.map((hex) => (font ? decodeGlyphs(hex, font) : decodeHex(hex))).join(''));
      }
    }
    return {
      width: (box[2] ?? NaN) - (box[0] ?? NaN),
      height: (box[3] ?? NaN) - (box[1] ?? NaN),
      lines,
      images: [...content.matchAll(/\/\w+ Do\b/g)].length,
    };
  });
  const count = Number(/\/Count (\d+)/.exec(pageTree)?.[1]);
  if (count !== pages.length) throw new Error(`/Count ${count} but ${pages.length} kids`);

  const info: Record<string, string> = {};
  const infoDict = object(ref(trailer, 'Info'));
  for (const [, key, id] of infoDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const literal = /^\((.*)\)$/s.exec(object(id!))?.[1];
    if (literal !== undefined) info[key!] = literal.replace(/\\([()\\])/g, '$1');
  }
  return { version, pages, info, text: pages.map((p) => p.lines.join('\n')).join('\n') };
}

/** A ToUnicode CMap as pdfkit writes it: bfrange entries "<first> <last> [<utf16> …]". */
function cmap(text: string): ReadonlyMap<number, string> {
  const map = new Map<number, string>();
  for (const [, first, array] of text.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    [...array!.matchAll(/<([0-9a-f ]*)>/gi)].forEach(([, utf16], i) => {
      const units = (utf16!.replaceAll(' ', '').match(/.{4}/g) ?? []).map((u) => parseInt(u, 16));
      map.set(parseInt(first!, 16) + i, String.fromCharCode(...units));
    });
  }
  return map;
}

function decodeGlyphs(hex: string, font: ReadonlyMap<number, string>): string {
  let text = '';
  for (let i = 0; i + 3 < hex.length; i += 4)
    text += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  return text;
}

function decodeHex(hex: string): string {
  let text = '';
  for (let i = 0; i + 1 < hex.length; i += 2)
    text += winAnsiChar(parseInt(hex.slice(i, i + 2), 16));
  return text;
}
