import { i18n } from '../i18n/i18n.js';
import { fromBq, type DisplayUnit } from '../units.js';
import type { LotDetail } from './supply-types.js';

export interface LotChartData {
  readonly nuclide: string;
  /** [time ms, main activity in the unit] */
  readonly activity: [number, number][];
  /** Per impurity: [time ms, impurity ÷ main activity, in %] */
  readonly ratios: readonly { readonly nuclide: string; readonly points: [number, number][] }[];
  readonly now: number;
  readonly expiry: number | undefined;
}

/** A lot's decay curve in the display unit, and each impurity's ratio to it over time (%). */
export function lotChartData(lot: LotDetail, unit: DisplayUnit): LotChartData {
  const names = [
    ...new Set([
      ...lot.impurityRatios.map((r) => r.nuclide),
      ...lot.curve.flatMap((p) => Object.keys(p.ratios)),
    ]),
  ];
  return {
    nuclide: lot.nuclide,
    activity: lot.curve.map((p) => [Date.parse(p.at), fromBq(p.activityBq, unit)]),
    ratios: names.map((nuclide) => ({
      nuclide,
      points: lot.curve.flatMap((p): [number, number][] => {
        const r = p.ratios[nuclide];
        return r === undefined ? [] : [[Date.parse(p.at), r * 100]];
      }),
    })),
    now: Date.parse(lot.at),
    expiry: lot.expiry.at === null ? undefined : Date.parse(lot.expiry.at),
  };
}

/** The licence figures worth a line: limits passed, and nuclides the site holds no licence for. */
export function licenceSummary(lot: LotDetail): {
  readonly overLimit: LotDetail['licence']['exceeded'];
  readonly unlicensed: readonly string[];
} {
  return {
    overLimit: lot.licence.exceeded.filter((e) => e.limitBq !== null),
    unlicensed: lot.licence.exceeded.filter((e) => e.limitBq === null).map((e) => e.nuclide),
  };
}

const PROFILES = {
  'Lu-177 carrier-added': 'luCarrierAdded',
  'Lu-177 no-carrier-added': 'luNoCarrierAdded',
  'Ac-225 accelerator': 'acAccelerator',
} as const;

/** A lot profile of @halflife/nuclear in the current language; one it does not know as it is. */
export function lotProfileText(profile: string): string {
  const key = (PROFILES as Record<string, (typeof PROFILES)[keyof typeof PROFILES] | undefined>)[
    profile
  ];
  return key ? i18n.t(`supply:profile.${key}`) : profile;
}
