/**
 * The server's English texts in the user's language. The API speaks English, its documented
 * language for partner systems; the screens show its errors, reasons and notes through the
 * catalogues in ./server/: each pattern names a message and the parts it carries over. A text no
 * pattern knows is shown as the server wrote it (the Chinese browser test fails on any it meets).
 */
import { FIELD_NAMES_ZH } from './field-names.js';
import { currentLocale, i18n } from './i18n.js';
import { SERVER_CATALOGUES } from './server/index.js';

type Namespace = keyof typeof SERVER_CATALOGUES;

/** Every pattern with the message it names, in the catalogues' order. */
export const SERVER_PATTERNS: readonly {
  readonly namespace: Namespace;
  readonly key: string;
  readonly pattern: RegExp;
}[] = Object.entries(SERVER_CATALOGUES).flatMap(([namespace, catalogue]) =>
  Object.entries(catalogue.patterns as Record<string, RegExp>).map(([key, pattern]) => ({
    namespace: namespace as Namespace,
    key,
    pattern,
  })),
);

/** A message of a server catalogue by namespace and key, with the parts a pattern captured. */
const message = i18n.t as (key: string, parts?: Record<string, string>) => string;

/** The message a whole text is, if a catalogue knows it. */
export function serverMessage(
  text: string,
):
  | { readonly namespace: Namespace; readonly key: string; readonly parts: Record<string, string> }
  | undefined {
  for (const { namespace, key, pattern } of SERVER_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { namespace, key, parts: { ...match.groups } };
  }
  return undefined;
}

/**
 * A whole text the catalogues know, in the current language. A part that is itself a server text
 * (the QC failure reasons a release refusal lists, why a record was voided) is given so too.
 */
function known(text: string): string | undefined {
  const found = serverMessage(text);
  if (!found) return undefined;
  const parts = Object.fromEntries(
    Object.entries(found.parts).map(([name, part]) => [name, serverText(part)]),
  );
  return message(`${found.namespace}:${found.key}`, parts);
}

/** A field path as the API names it: "amount.activityBq", "doses[2].patientRef", "(body)". */
const FIELD = /^(?<field>\(body\)|[\w$]+(?:[.[\]\w$-]*)): (?<rest>.+)$/s;

/**
 * A field as the API names it, as a Chinese screen names it: "amount.activityBq" → "活度（Bq）",
 * "doses[2].patientRef" → "患者编号（第 3 项）". A field without a label keeps the API's name.
 */
export function fieldName(path: string): string {
  if (currentLocale() === 'en') return path;
  const segments = path === '(body)' ? ['body'] : path.split(/[.[\]]+/).filter(Boolean);
  const index = segments.filter((s) => /^\d+$/.test(s)).at(-1);
  const last = segments.filter((s) => !/^\d+$/.test(s)).at(-1);
  const label = last === undefined ? undefined : FIELD_NAMES_ZH[last];
  if (label === undefined) return path;
  return index === undefined
    ? label
    : message('server:fieldItem', { label, n: String(Number(index) + 1) });
}

/** One text, whole or as a message after the field it names, in the current language. */
function one(text: string): string | undefined {
  const whole = known(text);
  if (whole !== undefined) return whole;
  const { field, rest } = FIELD.exec(text)?.groups ?? {};
  const translated = field && rest ? known(rest) : undefined;
  return translated === undefined || field === undefined
    ? undefined
    : message('server:fieldMessage', { field: fieldName(field), message: translated });
}

/**
 * A text from the server, in the current language when the catalogues know it: as several texts
 * joined by "; ", as the API joins a request's problems, when each is known; else whole; each
 * text whole or as a message after the field it names (the field stays as the API names it).
 */
export function serverText(text: string): string {
  if (currentLocale() === 'en') return text;
  const parts = text.split('; ');
  if (parts.length > 1) {
    const each = parts.map(one);
    if (each.every((p) => p !== undefined)) return each.join('；');
  }
  return one(text) ?? text;
}

/**
 * Problems with fields, already in the user's language, as one line: "活度（Bq）：必须为正数；…"
 * in Chinese, "beforeBq: must be positive; …" in English.
 */
export function fieldProblems(
  issues: readonly { readonly path: string; readonly message: string }[],
): string {
  return issues
    .map((i) => message('server:fieldMessage', { field: fieldName(i.path), message: i.message }))
    .join(currentLocale() === 'en' ? '; ' : '；');
}
