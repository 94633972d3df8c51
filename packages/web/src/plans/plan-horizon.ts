import { addDays } from '@halflife/domain';

/** "2026-12-07 to 2026-12-09" for a horizon of `days` local days from `date` ("2026-12-07" for one). */
export function horizonText(date: string, days: number): string {
  return days <= 1 ? date : `${date} to ${addDays(date, days - 1)}`;
}
