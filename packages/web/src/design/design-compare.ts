import { i18n } from '../i18n/i18n.js';
import { doses, gapText, gbq, millions, share } from './design-format.js';
import { productRows } from './design-result-data.js';
import type { SolvedRun } from './design-types.js';
import type { en } from './messages.js';

/** The side-by-side table of finished scenarios, as the CLI's `halflife design` prints it (pure). */

export interface CompareRow {
  readonly key: string;
  readonly label: string;
  /** A part of the row above (indented). */
  readonly sub: boolean;
  readonly values: readonly string[];
}

export interface Comparison {
  readonly names: readonly string[];
  readonly rows: readonly CompareRow[];
}

export const MAX_COMPARED = 4;

/** The rows' labels that are plain words (no figures in them). */
type RowLabel = Exclude<keyof typeof en.compare, 'title' | 'loading' | 'served' | 'within'>;

const shortName = (name: string) => name.replace(/ \(demo data\)$/, '');

export function comparison(runs: readonly SolvedRun[]): Comparison {
  const t = (key: RowLabel) => i18n.t(`design:compare.${key}`);
  const row = (
    key: string,
    label: string,
    value: (r: SolvedRun) => string,
    sub = false,
  ): CompareRow => ({
    key,
    label,
    sub,
    values: runs.map(value),
  });
  const tables = runs.map((r) => new Map(productRows(r).map((p) => [p.id, p])));
  const products = new Map<string, string>();
  for (const r of runs)
    for (const p of productRows(r)) if (!products.has(p.id)) products.set(p.id, p.name);
  const hours = [...new Set(runs.map((r) => r.result.reachHours))];
  const within = i18n.t('design:compare.within', {
    hours: hours.length === 1 ? String(hours[0]) : hours.join('/'),
  });
  const of = (i: number, id: string) => tables[i]!.get(id);
  return {
    names: runs.map((r) => shortName(r.name)),
    rows: [
      row('status', t('status'), (r) => i18n.t(`design:result.statusWord.${r.result.status}`)),
      row('gap', t('gap'), (r) => gapText(r.result.gap)),
      row('cost', t('cost'), (r) => millions(r.result.costs.totalPerYear)),
      row('units', t('units'), (r) => millions(r.result.costs.unitsPerYear), true),
      row('isotope', t('isotope'), (r) => millions(r.result.costs.isotopePerYear), true),
      row('transport', t('transport'), (r) => millions(r.result.costs.transportPerYear), true),
      row('new-units', t('newUnits'), (r) =>
        String(r.result.facilities.reduce((n, f) => n + f.newUnits, 0)),
      ),
      row('unserved', t('unserved'), (r) =>
        doses(r.result.unserved.reduce((n, u) => n + u.dosesPerWeek, 0)),
      ),
      ...[...products].flatMap(([id, name]) => {
        const cell =
          (f: (p: NonNullable<ReturnType<typeof of>>) => string) => (_: SolvedRun, i: number) => {
            const p = of(i, id);
            return p ? f(p) : '—';
          };
        return [
          {
            key: `${id}-served`,
            label: i18n.t('design:compare.served', { product: name }),
            sub: false,
            values: runs.map(cell((p) => share(p.servedShare))),
          },
          {
            key: `${id}-within`,
            label: within,
            sub: true,
            values: runs.map(cell((p) => share(p.withinShare))),
          },
          {
            key: `${id}-gbq`,
            label: t('gbqPerDose'),
            sub: true,
            values: runs.map(cell((p) => gbq(p.gbqPerDose))),
          },
        ];
      }),
    ],
  };
}
