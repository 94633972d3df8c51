import { dayStart, isLocalDate } from '@halflife/domain';

/** A time condition: the resource's time `>=` or `<` an instant. */
export interface Bound {
  readonly op: '>=' | '<';
  readonly at: Date;
}

const VALUE =
  /^(eq|ge|gt|le|lt)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A FHIR date search value (`2026-11-24`, `ge2026-11`, `lt2026-11-24T10:00:00+08:00`) as bounds
 * on an instant. A date, month or year is a range of local days in `zone` (the caller's); a time
 * must carry its offset. Prefixes eq (default), ge, gt, le, lt; the value's precision is the range
 * (R4 search, "date"). Returns an error sentence when the value is not one.
 */
export function dateBounds(value: string, zone: string): Bound[] | string {
  const m = VALUE.exec(value);
  if (!m) {
    return `"${value}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a time with its offset, after an optional eq, ge, gt, le or lt)`;
  }
  const [, prefix = 'eq', y, mo, d, hh, mi, ss, offset] = m;
  if (Number(y) < 1900 || Number(y) > 2999) return `"${value}": the year must be 1900–2999`;
  let start: number;
  let end: number;
  if (hh !== undefined) {
    if (offset === undefined) return `"${value}": a time needs its offset (Z or ±hh:mm)`;
    start = Date.parse(`${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${offset}`);
    end = start + (ss === undefined ? 60_000 : 1_000);
    if (
      Number.isNaN(start) ||
      !isLocalDate(`${y}-${mo}-${d}`) ||
      Number(hh) > 23 ||
      Number(mi) > 59
    ) {
      return `"${value}" is not a time`;
    }
  } else {
    const year = Number(y);
    const month = Number(mo ?? '1');
    if (month < 1 || month > 12) return `"${value}" has no month ${mo}`;
    const first = `${y}-${pad(month)}-${d ?? '01'}`;
    if (!isLocalDate(first)) return `"${value}" is not a date`;
    let next: string;
    if (d !== undefined) {
      const t = new Date(Date.UTC(year, month - 1, Number(d) + 1));
      next = t.toISOString().slice(0, 10);
    } else if (mo !== undefined) {
      next = month === 12 ? `${year + 1}-01-01` : `${y}-${pad(month + 1)}-01`;
    } else {
      next = `${year + 1}-01-01`;
    }
    start = dayStart(first, zone);
    end = dayStart(next, zone);
  }
  const from = new Date(start);
  const to = new Date(end);
  switch (prefix) {
    case 'ge':
      return [{ op: '>=', at: from }];
    case 'gt':
      return [{ op: '>=', at: to }];
    case 'le':
      return [{ op: '<', at: to }];
    case 'lt':
      return [{ op: '<', at: from }];
    default:
      return [
        { op: '>=', at: from },
        { op: '<', at: to },
      ];
  }
}
