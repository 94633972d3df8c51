import type { EChartOption } from '../charts/echart.js';
import { i18n, localeNumber } from '../i18n/i18n.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import type { SupplyChartData } from './supply-chart-data.js';

/** Axis labels of a log scale: 100, 1K, 10K, 1M (1万, 100万 in Chinese) rather than exponents. */
export function axisNumber(v: number): string {
  return v >= 1e4
    ? localeNumber(v, { notation: 'compact', maximumSignificantDigits: 3 })
    : formatNumber(v);
}

/** Colours per nuclide, stable across screens of the day. */
export const NUCLIDE_COLOURS: Record<string, string> = {
  'Ga-68': '#2563eb',
  'Tc-99m': '#059669',
  'Pb-212': '#d97706',
  'Lu-177': '#7c3aed',
  'Ac-225': '#db2777',
  'F-18': '#0891b2',
  'Bi-213': '#65a30d',
  'Re-188': '#c2410c',
};
const OTHER = ['#475569', '#0e7490', '#a16207', '#be185d'];

export function nuclideColour(nuclide: string, index: number): string {
  return NUCLIDE_COLOURS[nuclide] ?? OTHER[index % OTHER.length] ?? '#475569';
}

/** The day's supply: released so far per nuclide, log scale, on the site's clock. */
export function supplyChartOption(
  data: SupplyChartData,
  unit: DisplayUnit,
  clock: (ms: number) => string,
): EChartOption {
  const min = data.floor === undefined ? undefined : 10 ** Math.floor(Math.log10(data.floor));
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 40, bottom: 36 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatNumber(v)} ${unit}` : '—'),
    },
    xAxis: {
      type: 'time',
      min: data.start,
      max: data.end,
      splitNumber: 8,
      axisLabel: { formatter: (v: number) => clock(v), hideOverlap: true },
      axisPointer: { label: { formatter: (p: { value: number }) => clock(p.value) } },
    },
    yAxis: {
      type: 'log',
      name: i18n.t('supply:day.axisName', { unit }),
      nameTextStyle: { align: 'left' },
      min,
      axisLabel: { formatter: axisNumber },
    },
    series: data.series.map((s, i) => ({
      name: s.name,
      type: 'line',
      step: 'end',
      showSymbol: true,
      symbolSize: 6,
      color: nuclideColour(s.name, i),
      lineStyle: { width: 2 },
      data: [...s.points, ...(s.until ? [{ value: s.until, symbol: 'none' }] : [])],
    })),
  };
}
