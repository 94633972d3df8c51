import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import { historyLabel, RISK_COLOURS, riskOf } from './outlook-text.js';
import type { Outlook } from './outlook-types.js';

/**
 * The outlook chart (pure): the last year of history, then weekly demand with its 80% and 95%
 * bands (stacked areas: the lower edge, then the band's width), the known therapy cycles, the
 * supply line with its 95% band, and the weeks at risk shaded (P ≥ 0.5 red, ≥ 0.2 amber).
 */

export const HISTORY_SHOWN = 52;

const BLUE = '#2563eb';
const GREEN = '#15803d';
const VIOLET = '#7c3aed';
const GREY = '#64748b';

type Cell = number | null;

export function outlookChartOption(o: Outlook): EChartOption {
  const history = o.history.series.slice(-HISTORY_SHOWN);
  const weeks = [...history.map((h) => h.week), ...o.weekly.map((w) => w.week)];
  const pad = (values: Cell[], before: boolean): Cell[] =>
    before ? [...values, ...o.weekly.map(() => null)] : [...history.map(() => null), ...values];
  const ahead = (f: (w: Outlook['weekly'][number]) => number) => pad(o.weekly.map(f), false);
  const band = (
    id: string,
    name: string,
    lower: Cell[],
    upper: Cell[],
    colour: string,
    opacity: number,
  ) => [
    {
      id: `${id}-base`,
      type: 'line',
      data: lower,
      stack: id,
      lineStyle: { opacity: 0 },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
    {
      id,
      name,
      type: 'line',
      data: upper.map((u, i) => (u === null || lower[i] === null ? null : u - lower[i]!)),
      stack: id,
      lineStyle: { opacity: 0 },
      areaStyle: { color: colour, opacity },
      itemStyle: { color: colour, opacity },
      symbol: 'none',
      silent: true,
      tooltip: { show: false },
    },
  ];
  // Each week at risk shaded from its own point to the next (the last week: from the one before),
  // by category index: a mark area placed by category names gets no width.
  const at = (i: number) => history.length + i;
  const shaded = o.weekly.flatMap((w, i) => {
    const risk = riskOf(w.probability);
    if (risk === 'ok') return [];
    const last = i === o.weekly.length - 1;
    const from = last ? Math.max(0, i - 1) : i;
    return [
      [
        { xAxis: at(from), itemStyle: { color: RISK_COLOURS[risk] } },
        { xAxis: at(last ? i : i + 1) },
      ],
    ];
  });
  const supplyLower = ahead((w) => Math.max(0, w.supply.mean - 1.96 * w.supply.sd));
  const supplyUpper = ahead((w) => w.supply.mean + 1.96 * w.supply.sd);
  const names = {
    history: historyLabel(o),
    demandMean: i18n.t('strategy:chart.demandMean'),
    demand80: i18n.t('strategy:chart.demand80'),
    demand95: i18n.t('strategy:chart.demand95'),
    known: i18n.t('strategy:chart.known'),
    supplyMean: i18n.t('strategy:chart.supplyMean'),
    supply95: i18n.t('strategy:chart.supply95'),
  };
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 48, bottom: 56 },
    legend: {
      top: 0,
      type: 'scroll',
      data: [
        names.history,
        names.demandMean,
        names.demand80,
        names.demand95,
        names.known,
        names.supplyMean,
        names.supply95,
      ],
    },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      name: i18n.t('strategy:chart.axis', { unit: o.unit, nuclide: o.nuclide }),
      min: 0,
    },
    series: [
      ...band(
        'demand95',
        names.demand95,
        ahead((w) => w.demand.lower95),
        ahead((w) => w.demand.upper95),
        BLUE,
        0.12,
      ),
      ...band(
        'demand80',
        names.demand80,
        ahead((w) => w.demand.lower80),
        ahead((w) => w.demand.upper80),
        BLUE,
        0.22,
      ),
      ...band('supplyBand', names.supply95, supplyLower, supplyUpper, GREEN, 0.12),
      {
        id: 'history',
        name: names.history,
        type: 'line',
        data: pad(
          history.map((h) => h.gbq),
          true,
        ),
        symbol: 'none',
        lineStyle: { color: GREY, width: 1.5, type: o.history.synthetic ? 'dashed' : 'solid' },
        itemStyle: { color: GREY },
      },
      {
        id: 'demand',
        name: names.demandMean,
        type: 'line',
        data: ahead((w) => w.demand.mean),
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { color: BLUE, width: 2 },
        itemStyle: { color: BLUE },
        markArea: { silent: true, data: shaded },
      },
      {
        id: 'known',
        name: names.known,
        type: 'line',
        data: ahead((w) => w.known),
        symbol: 'none',
        lineStyle: { color: VIOLET, width: 1.5, type: 'dotted' },
        itemStyle: { color: VIOLET },
      },
      {
        id: 'supply',
        name: names.supplyMean,
        type: 'line',
        data: ahead((w) => w.supply.mean),
        symbol: 'none',
        step: 'middle',
        lineStyle: { color: GREEN, width: 2 },
        itemStyle: { color: GREEN },
      },
    ],
  };
}
