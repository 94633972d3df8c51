import { i18n } from '../i18n/i18n.js';

/**
 * The codes scanned for a hand-over (loading, pick-up, delivery) against the packages expected.
 * Only a hint on the screen: the server compares the list again and decides.
 */

/** What one entry in the scan field did. */
export type ScanOutcome = 'added' | 'twice' | 'empty';

export interface ScanCheck {
  /** Expected codes scanned, in the order expected. */
  readonly matched: readonly string[];
  /** Expected codes not scanned yet. */
  readonly missing: readonly string[];
  /** Scanned codes that are not of this shipment. */
  readonly extra: readonly string[];
  /** Every expected code scanned, none other. */
  readonly complete: boolean;
}

/**
 * The codes in one entry: a keyboard-wedge scanner types one code and Enter; a pasted list may
 * hold several, split at white space, commas or semicolons.
 */
export function splitScans(raw: string): string[] {
  return raw.split(/[\s,;]+/).filter((c) => c !== '');
}

/** A scanned code as the list keeps it: an expected code typed in another case takes its spelling. */
export function scannedCode(raw: string, expected: readonly string[]): string {
  const code = raw.trim();
  return expected.find((e) => e.toLowerCase() === code.toLowerCase()) ?? code;
}

/** Adds what was entered; a code already in the list is not added again. */
export function addScans(
  list: readonly string[],
  raw: string,
  expected: readonly string[],
): { list: string[]; added: string[]; twice: string[]; outcome: ScanOutcome } {
  const next = [...list];
  const added: string[] = [];
  const twice: string[] = [];
  for (const piece of splitScans(raw)) {
    const code = scannedCode(piece, expected);
    if (next.includes(code)) twice.push(code);
    else {
      next.push(code);
      added.push(code);
    }
  }
  const outcome: ScanOutcome = added.length > 0 ? 'added' : twice.length > 0 ? 'twice' : 'empty';
  return { list: next, added, twice, outcome };
}

/** The list without `code`. */
export function removeScan(list: readonly string[], code: string): string[] {
  return list.filter((c) => c !== code);
}

/** What is still missing and what does not belong. */
export function compareScans(expected: readonly string[], scanned: readonly string[]): ScanCheck {
  const got = new Set(scanned);
  const want = new Set(expected);
  const matched = expected.filter((c) => got.has(c));
  const missing = expected.filter((c) => !got.has(c));
  const extra = scanned.filter((c) => !want.has(c));
  return {
    matched,
    missing,
    extra,
    complete: missing.length === 0 && extra.length === 0 && expected.length > 0,
  };
}

/** "2 of 3 packages scanned", "All 3 packages scanned", "1 package scanned". */
export function scanProgressText(check: ScanCheck, expected: number): string {
  if (expected === 0) return i18n.t('dispatch:scan.noneExpected');
  if (check.missing.length === 0) {
    return expected === 1
      ? i18n.t('dispatch:scan.oneScanned')
      : i18n.t('dispatch:scan.allScanned', { n: expected });
  }
  return i18n.t('dispatch:scan.progress', { matched: check.matched.length, count: expected });
}
