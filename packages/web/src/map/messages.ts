/** The map screens' words, English and Simplified Chinese (terms as in docs/glossary.md). */
import type { Messages } from '../i18n/messages.js';

export const en = {};

export const zh: Messages<typeof en> = {};
