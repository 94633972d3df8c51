import type { ImportedWeek, WeeklyDoses } from '@halflife/db';
import { addDays } from '@halflife/domain';
import type { DoseConversion } from './outlook-conversion.js';
import type { HistoryWeek } from './outlook-figures.js';

/**
 * The weekly history the outlook forecasts, in GBq of the nuclide: per product, the recorded
 * orders' weeks from its first recorded week on, and the imported (or synthetic) weeks before it;
 * summed over the products, with the weeks between the first and the last filled with zeros. A
 * week counts as synthetic when any synthetic row is in it, else imported when any imported row
 * is, else orders.
 */
export function historySeries(
  recorded: readonly WeeklyDoses[],
  imported: readonly ImportedWeek[],
  conversion: readonly DoseConversion[],
): { series: HistoryWeek[]; byProduct: Map<string, Map<string, number>> } {
  const perDose = new Map(conversion.map((c) => [c.productCode, c.nuclideGBqPerDose]));
  const firstRecorded = new Map<string, string>();
  for (const r of recorded) {
    const f = firstRecorded.get(r.productCode);
    if (f === undefined || r.weekStart < f) firstRecorded.set(r.productCode, r.weekStart);
  }
  const weeks = new Map<string, { gbq: number; doses: number; rank: number }>();
  const byProduct = new Map<string, Map<string, number>>();
  const add = (productCode: string, week: string, doses: number, rank: number) => {
    const gbq = doses * (perDose.get(productCode) ?? 0);
    const w = weeks.get(week) ?? { gbq: 0, doses: 0, rank: 0 };
    weeks.set(week, { gbq: w.gbq + gbq, doses: w.doses + doses, rank: Math.max(w.rank, rank) });
    const p = byProduct.get(productCode) ?? new Map<string, number>();
    p.set(week, (p.get(week) ?? 0) + gbq);
    byProduct.set(productCode, p);
  };
  for (const r of recorded) add(r.productCode, r.weekStart, r.doses, 0);
  for (const r of imported) {
    const f = firstRecorded.get(r.productCode);
    if (f !== undefined && r.weekStart >= f) continue;
    add(r.productCode, r.weekStart, r.doses, r.synthetic ? 2 : 1);
  }
  const sorted = [...weeks.keys()].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  const series: HistoryWeek[] = [];
  if (first === undefined || last === undefined) return { series, byProduct };
  const SOURCES = ['orders', 'imported', 'synthetic'] as const;
  for (let week = first; week <= last; week = addDays(week, 7)) {
    const w = weeks.get(week);
    series.push({
      week,
      gbq: w?.gbq ?? 0,
      doses: w?.doses ?? 0,
      source: SOURCES[w?.rank ?? 0]!,
    });
  }
  return { series, byProduct };
}

/** Sum of a product's GBq over weeks on or after `since`. */
export const totalSince = (weeks: ReadonlyMap<string, number> | undefined, since: string) =>
  [...(weeks ?? new Map<string, number>())].reduce((s, [w, g]) => (w >= since ? s + g : s), 0);
