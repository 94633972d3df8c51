import type { Interval } from '../instance.js';
import type { CheckContext } from './check-context.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Reads intervals once per owner (site, hospital), reporting unreadable ones. */
export function spansOf(
  ctx: CheckContext,
  intervals: readonly Interval[],
  subject: string,
  field: string,
): Span[] {
  const spans: Span[] = [];
  intervals.forEach((interval, i) => {
    const start = ctx.time(interval.start, subject, `${field}[${i}].start`);
    const end = ctx.time(interval.end, subject, `${field}[${i}].end`);
    if (start !== undefined && end !== undefined) spans.push({ start, end });
  });
  return spans;
}

/** Whether [from, to] lies inside one of the spans. */
export function withinOne(spans: readonly Span[], from: number, to: number): boolean {
  return spans.some((s) => s.start <= from && to <= s.end);
}

/** `06:00Z–18:00Z, 19:00Z–22:00Z` for messages. */
export function describeSpans(spans: readonly Span[], format: (t: number) => string): string {
  return spans.length === 0
    ? 'none'
    : spans.map((s) => `${format(s.start)}–${format(s.end)}`).join(', ');
}
