/**
 * HL7 v2 date/time values (DTM: YYYYMMDDHHMM[SS[.S…]][+/-ZZZZ]) read into ISO 8601 text that the
 * order service reads, and instants written as DTM. Pure.
 */

/** A wall time with its offset when the sender gave one (otherwise the hospital's zone applies). */
export interface HL7Time {
  readonly local: string;
  readonly offset: string | null;
}

const DTM = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d{1,4})?([+-]\d{4})?$/;

/** A DTM to the minute or finer; undefined for anything else (a date alone is not a time). */
export function readDtm(text: string): HL7Time | undefined {
  const m = DTM.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}`;
  const offset = zone === undefined ? null : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return { local, offset };
}

/** An instant as DTM in UTC, to the second: 20261124020000+0000. */
export function writeDtm(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:T]/g, '')}+0000`;
}
