/**
 * HL7 v2 messages in their pipe-and-hat encoding (ER7): parsing into segments, reading a field's
 * component as text with its escape sequences resolved, and writing segments back with escapes.
 * Pure: no IO, no clock.
 */

export interface Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
}

export const STANDARD_DELIMITERS: Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};

/** A segment: its name and its fields as sent (escaped); `fields[n]` is field n (MSH-1 too). */
export interface Segment {
  readonly name: string;
  readonly fields: readonly string[];
}

export interface Er7Message {
  readonly delimiters: Delimiters;
  readonly segments: readonly Segment[];
}

/** What a message may hold: more is refused before anything is read from it. */
export const ER7_LIMITS = { maxSegments: 300, maxSegmentChars: 32_768, maxFields: 100 } as const;

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly segment?: string };

/** Splits a message into segments (CR, CR LF or LF between them); the first must be MSH. */
export function parseEr7(text: string): Parsed<Er7Message> {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.length > 0);
  if (lines.length > ER7_LIMITS.maxSegments) {
    return { ok: false, error: `more than ${ER7_LIMITS.maxSegments} segments` };
  }
  const header = lines[0] ?? '';
  if (!header.startsWith('MSH') || header.length < 8) {
    return { ok: false, error: 'the message does not begin with an MSH segment', segment: 'MSH' };
  }
  const field = header[3]!;
  const encoding = header.slice(4, header.indexOf(field, 4) < 0 ? 8 : header.indexOf(field, 4));
  const chars = [field, ...encoding.slice(0, 4)];
  if (
    encoding.length < 4 ||
    new Set(chars).size !== 5 ||
    chars.some((c) => /[A-Za-z0-9\s]/.test(c))
  ) {
    return {
      ok: false,
      error: 'MSH-2: the encoding characters must be four distinct symbols (^~\\&)',
      segment: 'MSH',
    };
  }
  const delimiters: Delimiters = {
    field,
    component: encoding[0]!,
    repetition: encoding[1]!,
    escape: encoding[2]!,
    subcomponent: encoding[3]!,
  };
  const segments: Segment[] = [];
  for (const [k, line] of lines.entries()) {
    const name = line.slice(0, 3);
    if (!/^[A-Z][A-Z0-9]{2}$/.test(name) || (line.length > 3 && line[3] !== field)) {
      return { ok: false, error: `segment ${k + 1}: "${name}" is not a segment name` };
    }
    if (line.length > ER7_LIMITS.maxSegmentChars) {
      return { ok: false, error: `${name}: longer than ${ER7_LIMITS.maxSegmentChars} characters` };
    }
    const parts = line.split(field);
    if (parts.length > ER7_LIMITS.maxFields + 1) {
      return { ok: false, error: `${name}: more than ${ER7_LIMITS.maxFields} fields` };
    }
    // MSH-1 is the field separator itself and MSH-2 the encoding characters: field n at [n].
    const fields = name === 'MSH' ? ['MSH', field, ...parts.slice(1)] : parts;
    segments.push({ name, fields });
  }
  return { ok: true, value: { delimiters, segments } };
}

/** Where a value is: field, component, subcomponent, repetition (all from 1). */
export interface Position {
  readonly field: number;
  readonly component?: number;
  readonly subcomponent?: number;
  readonly repetition?: number;
}

/** The raw (still escaped) text at `at` in `segment`; '' when absent. */
export function rawAt(segment: Segment, at: Position, d: Delimiters): string {
  const text = segment.fields[at.field] ?? '';
  if (segment.name === 'MSH' && at.field <= 2) return text;
  const rep = text.split(d.repetition)[(at.repetition ?? 1) - 1] ?? '';
  const comp = rep.split(d.component)[(at.component ?? 1) - 1] ?? '';
  return comp.split(d.subcomponent)[(at.subcomponent ?? 1) - 1] ?? '';
}

/** The text at `at` with escape sequences resolved; HL7's null ("") reads as ''. */
export function valueAt(segment: Segment, at: Position, d: Delimiters): string {
  const raw = rawAt(segment, at, d);
  return raw === '""' ? '' : unescapeEr7(raw, d);
}

/** How many repetitions field `field` holds (0 when empty). */
export function repetitions(segment: Segment, field: number, d: Delimiters): number {
  const text = segment.fields[field] ?? '';
  return text === '' ? 0 : text.split(d.repetition).length;
}

/**
 * Resolves escape sequences (HL7 v2.5 §2.7): \F\ \S\ \T\ \R\ \E\ the delimiters; \Xhh…\ bytes in
 * the message's character set (UTF-8); \.br\ a line break; highlighting (\H\ \N\), character-set
 * switches (\C…\ \M…\) and local escapes (\Z…\) carry no text. An unterminated escape stays as sent.
 */
export function unescapeEr7(text: string, d: Delimiters): string {
  const e = d.escape;
  if (!text.includes(e)) return text;
  let out = '';
  let k = 0;
  while (k < text.length) {
    const start = text.indexOf(e, k);
    if (start < 0) break;
    const end = text.indexOf(e, start + 1);
    if (end < 0) break;
    out += text.slice(k, start);
    out += escapeMeaning(text.slice(start + 1, end), d) ?? text.slice(start, end + 1);
    k = end + 1;
  }
  return out + text.slice(k);
}

const utf8 = new TextDecoder('utf-8');

function escapeMeaning(code: string, d: Delimiters): string | undefined {
  switch (code) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'H':
    case 'N':
      return '';
    case '.br':
      return '\n';
  }
  const kind = code[0];
  if (kind === 'X' && /^X(?:[0-9A-Fa-f]{2})+$/.test(code)) {
    return utf8.decode(Buffer.from(code.slice(1), 'hex'));
  }
  if (kind === 'C' || kind === 'M' || kind === 'Z' || kind === '.') return '';
  return undefined;
}

/** Escapes the delimiters and control characters of `text` for a field of a message. */
export function escapeEr7(text: string, d: Delimiters = STANDARD_DELIMITERS): string {
  let out = '';
  for (const c of text) {
    if (c === d.escape) out += `${d.escape}E${d.escape}`;
    else if (c === d.field) out += `${d.escape}F${d.escape}`;
    else if (c === d.component) out += `${d.escape}S${d.escape}`;
    else if (c === d.subcomponent) out += `${d.escape}T${d.escape}`;
    else if (c === d.repetition) out += `${d.escape}R${d.escape}`;
    else if (c === '\n') out += `${d.escape}.br${d.escape}`;
    else if (c < ' ' || c === '\x7f') {
      out += `${d.escape}X${Buffer.from(c).toString('hex').toUpperCase()}${d.escape}`;
    } else out += c;
  }
  return out;
}

/**
 * A field of components (each a string, escaped here, or an array of subcomponents); a plain
 * string is one component.
 */
export type FieldValue = string | readonly (string | readonly string[])[];

/** Writes a segment with standard delimiters; trailing empty fields are left out. */
export function segmentEr7(name: string, fields: readonly FieldValue[]): string {
  const d = STANDARD_DELIMITERS;
  const texts = fields.map((f) =>
    typeof f === 'string'
      ? escapeEr7(f)
      : f
          .map((c) => (typeof c === 'string' ? escapeEr7(c) : c.map((s) => escapeEr7(s)).join('&')))
          .join(d.component)
          .replace(/\^+$/, ''),
  );
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return [name, ...texts].join(d.field);
}

/** The MSH segment (MSH-3 onwards in `fields`): its separators are not escaped. */
export function headerEr7(fields: readonly FieldValue[]): string {
  return `MSH|^~\\&|${segmentEr7('X', fields).slice(2)}`;
}
