import { addDays } from '@halflife/domain';
import { i18n } from '../i18n/i18n.js';

/** "2026-12-07 to 2026-12-09" for a horizon of `days` local days from `date` ("2026-12-07" for one). */
export function horizonText(date: string, days: number): string {
  return days <= 1 ? date : i18n.t('plans:horizon', { date, end: addDays(date, days - 1) });
}
