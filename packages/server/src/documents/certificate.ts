import { unprintableIn, type DocumentLang } from './document-lang.js';
import { CERTIFICATE_WORDS } from './document-words.js';
import { printable } from './win-ansi.js';

/**
 * What a certificate of analysis shows: plain data the service maps its batch record into, times
 * formatted in the site's zone. The values of the unions are those of @halflife/ops (TestStatus,
 * TestTiming, SignatureMeaning, DeviationClass), spelled out here because the server does not
 * depend on ops.
 */

export type CertificateTestStatus = 'pass' | 'fail' | 'pending';
export type CertificateTestTiming = 'before-release' | 'after-release';
export type DecisionMeaning = 'conditional-release' | 'final-release' | 'rejection';
export type DeviationClassification = 'minor' | 'major' | 'critical';

export interface CertificateTest {
  readonly name: string;
  /** "4.5–7.5", "≥ 95 %" (≥ and ≤ print as >= and <=). */
  readonly limit: string;
  /** The value or observation; null while pending. */
  readonly result: string | null;
  readonly status: CertificateTestStatus;
  readonly timing: CertificateTestTiming;
}

/** A QP's signature (21 CFR 11.50: printed name, date and time, meaning). */
export interface CertificateDecision {
  readonly meaning: DecisionMeaning;
  readonly signerName: string;
  readonly signedText: string;
  /** The hex SHA-256 of the signed content; the certificate prints its first 16 characters. */
  readonly contentHash: string;
  /** Whether the record still hashes to what was signed. */
  readonly valid: boolean;
}

export interface CertificateDeviation {
  readonly classification: DeviationClassification;
  readonly description: string;
}

export interface Certificate {
  readonly productName: string;
  readonly batchNumber: string;
  readonly site: string;
  /** End of synthesis, "12 Mar 2026 08:05 CET". */
  readonly eosText: string;
  /** Measured at EOS; null when not recorded. */
  readonly eosActivityBq: number | null;
  readonly eosVolumeMl: number | null;
  /** "F18-FDG version 3". */
  readonly specificationVersion: string;
  readonly tests: readonly CertificateTest[];
  readonly decisions: readonly CertificateDecision[];
  readonly deviations: readonly CertificateDeviation[];
  /** When this copy is printed, for the footer: "12 Mar 2026 10:02 CET". */
  readonly printedText: string;
}

const EN = CERTIFICATE_WORDS.en;
export const STATUS_TEXT: Readonly<Record<CertificateTestStatus, string>> = EN.status;
export const TIMING_TEXT: Readonly<Record<CertificateTestTiming, string>> = EN.timing;
export const MEANING_TEXT: Readonly<Record<DecisionMeaning, string>> = EN.meaning;
export const CLASSIFICATION_TEXT: Readonly<Record<DeviationClassification, string>> =
  EN.classification;

/** Bounds that keep a certificate a few pages long and every table row shorter than a page. */
export const CERTIFICATE_LIMITS = { rows: 200, text: 500, name: 200 } as const;

/**
 * What keeps `c` from printing in `lang`, each with its path ("tests[2].limit: …"); empty if
 * nothing.
 */
export function certificateProblems(c: Certificate, lang: DocumentLang = 'en'): string[] {
  const problems: string[] = [];
  const text = (path: string, value: string, max: number = CERTIFICATE_LIMITS.name) => {
    const issue =
      printable(value).trim() === ''
        ? 'is empty'
        : value.length > max
          ? `at most ${max} characters, got ${value.length}`
          : unprintableIn(lang, value);
    if (issue !== undefined) problems.push(`${path}: ${issue}`);
  };
  const known = (path: string, value: string, texts: Readonly<Record<string, string>>) => {
    if (!Object.hasOwn(texts, value)) problems.push(`${path}: unknown value "${value}"`);
  };
  const list = (path: string, length: number) => {
    if (length > CERTIFICATE_LIMITS.rows) {
      problems.push(`${path}: at most ${CERTIFICATE_LIMITS.rows} entries, got ${length}`);
    }
  };
  text('productName', c.productName);
  text('batchNumber', c.batchNumber);
  text('site', c.site);
  text('eosText', c.eosText);
  text('specificationVersion', c.specificationVersion);
  text('printedText', c.printedText);
  if (c.eosActivityBq !== null && !(Number.isFinite(c.eosActivityBq) && c.eosActivityBq >= 0)) {
    problems.push(`eosActivityBq: expected a non-negative number, got ${c.eosActivityBq}`);
  }
  if (c.eosVolumeMl !== null && !(Number.isFinite(c.eosVolumeMl) && c.eosVolumeMl > 0)) {
    problems.push(`eosVolumeMl: expected a positive number, got ${c.eosVolumeMl}`);
  }
  list('tests', c.tests.length);
  c.tests.forEach((t, i) => {
    text(`tests[${i}].name`, t.name);
    text(`tests[${i}].limit`, t.limit);
    if (t.result !== null) text(`tests[${i}].result`, t.result);
    known(`tests[${i}].status`, t.status, STATUS_TEXT);
    known(`tests[${i}].timing`, t.timing, TIMING_TEXT);
  });
  list('decisions', c.decisions.length);
  c.decisions.forEach((d, i) => {
    known(`decisions[${i}].meaning`, d.meaning, MEANING_TEXT);
    text(`decisions[${i}].signerName`, d.signerName);
    text(`decisions[${i}].signedText`, d.signedText);
    if (!/^[0-9a-f]{16,128}$/i.test(d.contentHash)) {
      problems.push(`decisions[${i}].contentHash: expected at least 16 hex digits`);
    }
  });
  list('deviations', c.deviations.length);
  c.deviations.forEach((d, i) => {
    known(`deviations[${i}].classification`, d.classification, CLASSIFICATION_TEXT);
    text(`deviations[${i}].description`, d.description, CERTIFICATE_LIMITS.text);
  });
  return problems;
}
