import {
  becquerel,
  epochMillis,
  err,
  ok,
  type Becquerel,
  type EpochMillis,
  type Result,
} from '@halflife/nuclear';

/**
 * The machine-readable code on a dose label, read back when the dose is received.
 *
 * Decision: a QR code (ISO/IEC 18004) carrying our own versioned text, not a GS1 DataMatrix. A GS1
 * element string is valid only with a GTIN: GS1 requires batch (10), expiry (17, or 7003 for date
 * and time) and serial (21) to come with AI 01 or 02, and a GTIN needs a GS1 company prefix and a
 * number per trade item. Doses prepared by a radiopharmacy for one patient have none, so a GS1
 * code without one would be invalid and could be misread by scanners set up for GS1 pharma codes.
 * GS1 also has no AI for radioactivity, and 7003 is a local time without a zone. When products get
 * GTINs, a GS1 DataMatrix (01)(10)(7003)(21) can be added beside this code; a reader tells the two
 * apart by the prefix ("HL1|" here, FNC1 there).
 *
 * Payload, version 1 (every field once, in this order, separated by "|"):
 *
 *   HL1|dose=<dose id>|batch=<batch number>|product=<product code>|cal=<instant>|act=<Bq>|exp=<instant>
 *
 * - dose, batch, product: 1–64 characters, no control characters; "%", "|", "=", the space and
 *   anything outside printable ASCII are written as percent-encoded UTF-8 (upper-case hex).
 * - cal, exp: calibration and expiry instants in UTC, "2026-03-12T08:30:00Z", with ".sss" only when
 *   the milliseconds are not zero; years 1970–9999.
 * - act: activity at calibration, a whole number of becquerels (no sign, no leading zero).
 *
 * Reading is strict: only the canonical text is accepted, so one dose has one code and
 * `doseCodeText(parseDoseCode(t))` gives `t` back. A scanner's line end must be trimmed first.
 */

export const DOSE_CODE_PREFIX = 'HL1';

export interface DoseCodeData {
  readonly doseId: string;
  readonly batchNumber: string;
  readonly productCode: string;
  readonly calibrationTime: EpochMillis;
  readonly activityAtCalibration: Becquerel;
  readonly expiryTime: EpochMillis;
}

export interface DoseCodeError {
  readonly code: 'bad-dose-code';
  /** One line, e.g. "dose code: act: expected a whole number of becquerels, got '3.7e8'". */
  readonly message: string;
}

const MAX_VALUE = 64;
const MAX_INSTANT = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const KEYS = ['dose', 'batch', 'product', 'cal', 'act', 'exp'] as const;

/** Problems that make `d` unfit for a code, each with its path ("code.doseId: …"); empty if none. */
export function doseCodeProblems(d: DoseCodeData, path = 'code'): string[] {
  const problems: string[] = [];
  const text = (name: keyof DoseCodeData, value: string) => {
    if (value.length === 0 || value.length > MAX_VALUE) {
      problems.push(`${path}.${name}: expected 1–${MAX_VALUE} characters, got ${value.length}`);
    } else if (/\p{Cc}/u.test(value)) {
      problems.push(`${path}.${name}: contains a control character`);
    }
  };
  const instant = (name: keyof DoseCodeData, value: number) => {
    if (!Number.isInteger(value) || value < 0 || value > MAX_INSTANT) {
      problems.push(`${path}.${name}: expected epoch milliseconds in 1970–9999, got ${value}`);
    }
  };
  text('doseId', d.doseId);
  text('batchNumber', d.batchNumber);
  text('productCode', d.productCode);
  instant('calibrationTime', d.calibrationTime);
  instant('expiryTime', d.expiryTime);
  const activity = d.activityAtCalibration;
  if (!Number.isSafeInteger(activity) || activity <= 0) {
    problems.push(
      `${path}.activityAtCalibration: expected a positive whole number of becquerels, got ${activity}`,
    );
  }
  return problems;
}

/** The text of the code on a dose label. Throws on data `doseCodeProblems` refuses. */
export function doseCodeText(d: DoseCodeData): string {
  const problems = doseCodeProblems(d);
  if (problems.length > 0) throw new Error(`doseCodeText: ${problems.join('; ')}`);
  const values: Record<(typeof KEYS)[number], string> = {
    dose: escapeValue(d.doseId),
    batch: escapeValue(d.batchNumber),
    product: escapeValue(d.productCode),
    cal: instantText(d.calibrationTime),
    act: String(d.activityAtCalibration),
    exp: instantText(d.expiryTime),
  };
  return [DOSE_CODE_PREFIX, ...KEYS.map((key) => `${key}=${values[key]}`)].join('|');
}

/** The fields of a scanned code, or why it is not a version 1 dose code. */
export function parseDoseCode(text: string): Result<DoseCodeData, DoseCodeError> {
  const refuse = (message: string) =>
    err<DoseCodeError>({ code: 'bad-dose-code', message: `dose code: ${message}` });
  if (text.length > 1000) return refuse(`too long (${text.length} characters)`);
  const parts = text.split('|');
  if (parts[0] !== DOSE_CODE_PREFIX) {
    return refuse(`expected the prefix "${DOSE_CODE_PREFIX}|", got "${clip(parts[0] ?? '')}"`);
  }
  if (parts.length !== KEYS.length + 1) {
    return refuse(`expected ${KEYS.length} fields (${KEYS.join(', ')}), got ${parts.length - 1}`);
  }
  const raw = new Map<string, string>();
  for (const [i, key] of KEYS.entries()) {
    const part = parts[i + 1]!;
    if (!part.startsWith(`${key}=`)) {
      return refuse(`field ${i + 1}: expected "${key}=…", got "${clip(part)}"`);
    }
    raw.set(key, part.slice(key.length + 1));
  }
  const fields: Partial<Record<'doseId' | 'batchNumber' | 'productCode', string>> = {};
  for (const [key, name] of [
    ['dose', 'doseId'],
    ['batch', 'batchNumber'],
    ['product', 'productCode'],
  ] as const) {
    const value = unescapeValue(raw.get(key)!);
    if (value === undefined) return refuse(`${key}: empty or not canonically escaped`);
    fields[name] = value;
  }
  const cal = instantValue(raw.get('cal')!);
  if (cal === undefined)
    return refuse(`cal: expected a UTC instant, got "${clip(raw.get('cal')!)}"`);
  const exp = instantValue(raw.get('exp')!);
  if (exp === undefined)
    return refuse(`exp: expected a UTC instant, got "${clip(raw.get('exp')!)}"`);
  const actText = raw.get('act')!;
  const act = /^[1-9][0-9]{0,15}$/.test(actText) ? Number(actText) : NaN;
  if (!Number.isSafeInteger(act)) {
    return refuse(`act: expected a whole number of becquerels, got "${clip(actText)}"`);
  }
  const data: DoseCodeData = {
    doseId: fields.doseId!,
    batchNumber: fields.batchNumber!,
    productCode: fields.productCode!,
    calibrationTime: epochMillis(cal),
    activityAtCalibration: becquerel(act),
    expiryTime: epochMillis(exp),
  };
  const problems = doseCodeProblems(data, 'dose code');
  return problems.length > 0 ? refuse(problems.join('; ')) : ok(data);
}

const PLAIN = /^[\x21-\x7e]$/;
const utf8 = new TextEncoder();

function escapeValue(value: string): string {
  let out = '';
  for (const char of value) {
    if (PLAIN.test(char) && char !== '%' && char !== '|' && char !== '=') {
      out += char;
    } else {
      for (const byte of utf8.encode(char)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

function unescapeValue(raw: string): string | undefined {
  if (!/^(?:[\x21-\x24\x26-\x3c\x3e-\x7b\x7d\x7e]|%[0-9A-F]{2})+$/.test(raw)) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined; // not UTF-8
  }
  return escapeValue(value) === raw ? value : undefined;
}

function instantText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

function instantValue(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/.test(text)) return undefined;
  const ms = Date.parse(text);
  // Date.parse rolls 30 February over or refuses it depending on the engine: compare the round trip.
  return Number.isFinite(ms) && ms >= 0 && instantText(ms) === text ? ms : undefined;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
