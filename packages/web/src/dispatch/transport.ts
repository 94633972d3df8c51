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
  if (t.sum === null) return `Σ TI unknown: no dose rate for ${t.unknown.join(', ')}`;
  return `Σ TI ${formatNumber(t.sum)} of ${t.limit}${t.over ? ' — over the limit' : ''}`;
}

export interface LabelView {
  readonly text: string;
  readonly className: string;
  readonly title: string;
}

const LABEL: Record<TransportLabel, LabelView> = {
  'I-WHITE': {
    text: 'I-WHITE',
    className: 'label-i-white',
    title: 'Category I-WHITE: TI 0, surface dose rate ≤ 5 µSv/h',
  },
  'II-YELLOW': {
    text: 'II-YELLOW',
    className: 'label-ii-yellow',
    title: 'Category II-YELLOW: TI ≤ 1, surface dose rate ≤ 500 µSv/h',
  },
  'III-YELLOW': {
    text: 'III-YELLOW',
    className: 'label-iii-yellow',
    title: 'Category III-YELLOW: TI ≤ 10, surface dose rate ≤ 2 mSv/h',
  },
};

/** A package's label as a coloured badge; an excepted package carries none. */
export function labelView(label: TransportLabel | null): LabelView {
  return (
    (label && LABEL[label]) ?? {
      text: 'no label',
      className: 'label-none',
      title: 'an excepted package carries no category label',
    }
  );
}

const CATEGORY: Record<TransportPackage['category'], string> = {
  excepted: 'Excepted package',
  'type-a': 'Type A',
  'type-b': 'Type B',
};

/** "Type A", "Excepted package". */
export function categoryText(category: TransportPackage['category']): string {
  return CATEGORY[category];
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

const rate = (v: number | null) => (v === null ? 'unknown' : `${formatNumber(v)} µSv/h`);

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
  if (contents.length === 0) return 'nothing';
  return [...contents]
    .sort((a, b) => b.activityBq - a.activityBq)
    .map((c) => `${c.nuclide} ${formatActivity(c.activityBq, unit)}`)
    .join(' · ');
}

/** The packagings a dose may be packed in, as the API names them. */
export const PACKAGINGS = [
  { code: 'type-a-case', name: 'Type A case (lead pots in an aluminium case)' },
  { code: 'excepted-box', name: 'Excepted package (strong outer box)' },
] as const;
