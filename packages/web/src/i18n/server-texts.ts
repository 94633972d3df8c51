/**
 * The server's English texts in the user's language. The API speaks English, its documented
 * language for partner systems; the screens show its reasons and notes through this catalogue:
 * each pattern names a message of the `server` namespace and the parts it carries over. A text no
 * pattern knows is shown as the server wrote it (the Chinese browser test fails on any it meets).
 */
import { i18n } from './i18n.js';
import type { en } from './server-messages.js';

type Key = keyof typeof en;

const PATTERNS: readonly { readonly key: Key; readonly pattern: RegExp }[] = [
  { key: 'oneGroup', pattern: /^Only one group: nothing to compare\.$/ },
  { key: 'noEvents', pattern: /^No events yet\.$/ },
  { key: 'coxNotConverged', pattern: /^The Cox model did not converge: (?<problem>.*)\.$/ },
];

/** The server namespace's messages by key, with the parts a pattern captured. */
const message = i18n.t as (key: `server:${Key}`, parts?: Record<string, string>) => string;

/** A text from the server, in the current language when the catalogue knows it. */
export function serverText(text: string): string {
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return message(`server:${key}`, match.groups);
  }
  return text;
}

/** Every pattern with its message, for the catalogue's own test. */
export const SERVER_PATTERNS = PATTERNS;
