import { i18n } from '../i18n/i18n.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import type { PackageClassification, TransportLabel, TransportPackage } from './shipment-types.js';

/** The most transport index one vehicle may carry when not under exclusive use (IAEA SSR-6). */
export const VEHICLE_TI_LIMIT = 50;

export interface TiSum {
  /** The sum of the packages' TIs (to 0.1), or null when a package has none yet. */
  readonly sum: number | null;
  readonly limit: number;
  /** The packages whose TI is unknown: their dose rates are not measured and not estimable. */
  readonly unknown: readonly string[];
  /** Whether the sum is over the limit (the server refuses to load). */
  readonly over: boolean;
  /** Share of the limit, 0–1 (capped), for a bar. */
  readonly share: number;
}

/** The sum of TI a shipment's packages put on a vehicle, against the limit. */
export function tiSum(
  packages: readonly Pick<TransportPackage, 'code' | 'transportIndex'>[],
): TiSum {
  const unknown = packages.filter((p) => p.transportIndex === null).map((p) => p.code);
  const total = packages.reduce((s, p) => s + (p.transportIndex ?? 0), 0);
  const sum = unknown.length > 0 ? null : Math.round(total * 10) / 10;
  return {
    sum,
    limit: VEHICLE_TI_LIMIT,
    unknown,
    over: sum !== null && sum > VEHICLE_TI_LIMIT,
    share: sum === null ? 0 : Math.min(1, sum / VEHICLE_TI_LIMIT),
  };
}

/** "Σ TI 3.2 of 50", or why it is not known yet. */
export function tiSumText(t: TiSum): string {
  if (t.sum === null) return i18n.t('dispatch:ti.unknown', { codes: t.unknown.join(', ') });
  return (
    i18n.t('dispatch:ti.of', { sum: formatNumber(t.sum), limit: t.limit }) +
    (t.over ? i18n.t('dispatch:ti.over') : '')
  );
}

export interface LabelView {
  readonly text: string;
  readonly className: string;
  readonly title: string;
}

const LABEL_CLASS: Record<TransportLabel, string> = {
  'I-WHITE': 'label-i-white',
  'II-YELLOW': 'label-ii-yellow',
  'III-YELLOW': 'label-iii-yellow',
};

/** A package's label as a coloured badge; an excepted package carries none. */
export function labelView(label: TransportLabel | null): LabelView {
  if (label && LABEL_CLASS[label]) {
    return {
      text: label,
      className: LABEL_CLASS[label],
      title: i18n.t(`dispatch:labelTitle.${label}`),
    };
  }
  return {
    text: i18n.t('dispatch:noLabel'),
    className: 'label-none',
    title: i18n.t('dispatch:noLabelTitle'),
  };
}

/** "Type A", "Excepted package". */
export function categoryText(category: TransportPackage['category']): string {
  return i18n.t(`dispatch:category.${category}`);
}

/** The classification the package travels under: the higher of dispatch and arrival. */
export function governing(pkg: TransportPackage): PackageClassification {
  return pkg.atDispatch.category === pkg.category ? pkg.atDispatch : pkg.atArrival;
}

export interface RatesView {
  readonly kind: 'measured' | 'estimate';
  readonly surface: string;
  readonly oneMetre: string;
  /** What an estimate rests on (the dose-rate constants, the lead); none for a measurement. */
  readonly basis: string | undefined;
}

const rate = (v: number | null) =>
  v === null ? i18n.t('dispatch:unknown') : `${formatNumber(v)} µSv/h`;

/** The dose rates a package is classified by: measured, or the estimate marked as one. */
export function ratesView(pkg: Pick<TransportPackage, 'measured' | 'estimate'>): RatesView {
  if (pkg.measured) {
    return {
      kind: 'measured',
      surface: rate(pkg.measured.surfaceUSvPerH),
      oneMetre: rate(pkg.measured.oneMetreUSvPerH),
      basis: undefined,
    };
  }
  return {
    kind: 'estimate',
    surface: rate(pkg.estimate.surfaceUSvPerH),
    oneMetre: rate(pkg.estimate.oneMetreUSvPerH),
    basis: pkg.estimate.basis,
  };
}

/** The contents, largest first: "Ga-68 300 MBq · Ge-68 0.002 MBq". */
export function contentsText(
  contents: PackageClassification['contents'],
  unit: DisplayUnit,
): string {
  if (contents.length === 0) return i18n.t('dispatch:nothing');
  return [...contents]
    .sort((a, b) => b.activityBq - a.activityBq)
    .map((c) => `${c.nuclide} ${formatActivity(c.activityBq, unit)}`)
    .join(' · ');
}

/** The packagings a dose may be packed in, as the API names them. */
export const PACKAGINGS = ['type-a-case', 'excepted-box'] as const;

/** A packaging's name in words ("Type A case (lead pots in an aluminium case)"). */
export function packagingName(code: string): string {
  return (PACKAGINGS as readonly string[]).includes(code)
    ? i18n.t(`dispatch:packaging.${code as (typeof PACKAGINGS)[number]}`)
    : code;
}
