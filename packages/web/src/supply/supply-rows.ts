import { i18n } from '../i18n/i18n.js';
import type { Generator, GeneratorDetail, Site, SiteSupply } from './supply-types.js';

/** A site in the picker, named with the generators it holds: "Beijing · Ga-68 ×3, Tc-99m". */
export interface SiteOption {
  readonly id: string;
  readonly label: string;
  readonly zone: string;
}

/** Sites by city, each with the daughters of its generators in service. */
export function siteOptions(
  sites: readonly Site[],
  generators: readonly Generator[],
): SiteOption[] {
  return [...sites]
    .sort((a, b) => a.city.localeCompare(b.city) || a.name.localeCompare(b.name))
    .map((s) => {
      const counts = new Map<string, number>();
      for (const g of generators)
        if (g.siteId === s.id && !g.retired)
          counts.set(g.daughter, (counts.get(g.daughter) ?? 0) + 1);
      const held = [...counts.entries()].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ');
      return { id: s.id, label: held ? `${s.city} · ${held}` : s.city, zone: s.timeZone };
    });
}

/** A generator's line in the site's table. */
export interface GeneratorRow {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly parent: string;
  readonly daughter: string;
  readonly parentNowBq: number | undefined;
  readonly efficiency: number;
  readonly efficiencyBasis: GeneratorDetail['efficiency']['basis'];
  readonly lastElution: string | undefined;
  readonly eluateNowBq: number | undefined;
  /** The first elution of the chosen day, as the plan takes it. */
  readonly next: { readonly at: string; readonly activityBq: number } | undefined;
  readonly intervalMinutes: number;
  /** In the current language. */
  readonly warnings: readonly string[];
}

/** Generators with what their detail and the day's supply say about them, by label. */
export function generatorRows(
  details: readonly GeneratorDetail[],
  supply: SiteSupply | undefined,
): GeneratorRow[] {
  return [...details]
    .sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label))
    .map((g) => {
      const planned = supply?.generators.find((s) => s.id === g.id);
      const warnings = [
        g.now?.pastShelfLife ? i18n.t('supply:generators.pastShelfLife') : undefined,
        g.now && !g.now.breakthroughOk ? i18n.t('supply:generators.breakthroughHigh') : undefined,
      ].filter((w): w is string => w !== undefined);
      return {
        id: g.id,
        label: g.label,
        type: g.type,
        parent: g.parent,
        daughter: g.daughter,
        parentNowBq: g.now?.parentBq,
        efficiency: g.efficiency.value,
        efficiencyBasis: g.efficiency.basis,
        lastElution: g.elutions[g.elutions.length - 1]?.at,
        eluateNowBq: g.now?.eluateBq,
        next: planned?.releases[0],
        intervalMinutes: g.elutionIntervalMinutes,
        warnings,
      };
    });
}
