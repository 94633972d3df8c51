/**
 * The product's one clock. Everything that needs "now" is handed a `Clock`; only the process
 * edges (the server's main, the CLI) make one, from the real time or from `HALFLIFE_NOW`.
 */
import { parseInstant } from '@halflife/nuclear';

export type Clock = () => Date;

/**
 * Real time, or, when `setting` names an instant with a zone (`HALFLIFE_NOW`, e.g.
 * "2026-12-05T12:00+08:00"), a clock that starts at that instant and runs on in real time. Tests,
 * demos and training set it; production leaves it unset. Throws a message naming the setting.
 */
export function clockFrom(setting: string | undefined, realMs: () => number = Date.now): Clock {
  if (setting === undefined || setting.trim() === '') return () => new Date(realMs());
  const parsed = parseInstant(setting.trim());
  if (!parsed.ok) throw new Error(`HALFLIFE_NOW: ${parsed.error.message}`);
  const shift = parsed.value.epochMs - realMs();
  return () => new Date(realMs() + shift);
}

/** A clock that starts at `start` and runs on in real time (tests: a set day, timers still run). */
export function clockAt(start: Date, realMs: () => number = Date.now): Clock {
  const shift = start.getTime() - realMs();
  return () => new Date(realMs() + shift);
}
