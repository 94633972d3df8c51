import type { EChartOption } from '../charts/echart.js';
import { tipFormatter, type KeyItem } from '../patients/chart-common.js';
import { RESPONSE_COLOUR } from '../patients/clinical-text.js';
import { OUTCOME_STYLE } from '../patients/timeline-chart-option.js';
import { colourOf, groupColours } from './group-colours.js';
import { i18n } from '../i18n/i18n.js';
import { SWIMMER_TIPS as TIPS } from './outcomes-text.js';
import type { Grouping, Swimmer } from './outcomes-types.js';

/**
 * The swimmer plot (the study team's only: it is patient-level): one bar per patient from
 * enrolment to the last follow-up, coloured by arm, with each cycle, the first response, the
 * progression, the death, and an arrow for those still followed. The longest follow-up on top;
 * a window of rows at a time, scrolled with the bar beside it. Pure.
 */

/** Rows shown at once; the rest are reached by scrolling. */
export const SWIMMER_ROWS = 30;
export const SWIMMER_HEIGHT = 620;

const MARKS = {
  cycle: '#0f172a',
  progression: OUTCOME_STYLE['radiographic-progression'],
  death: OUTCOME_STYLE.death,
  ongoing: '#334155',
} as const;

/** The rows in drawing order: longest follow-up first, then by reference. */
export function swimmerRows(rows: readonly Swimmer[]): Swimmer[] {
  return [...rows].sort((a, b) => b.endAt - a.endAt || a.ref.localeCompare(b.ref));
}

/**
 * The arms' colours: the dashboard's when it is grouped by arm (so every chart agrees), else one
 * per arm in name order.
 */
export function armColours(
  rows: readonly Swimmer[],
  grouping: Grouping,
  groupColour: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  if (grouping === 'arm') return groupColour;
  return groupColours([...new Set(rows.map((r) => r.arm))].sort());
}

/** The swimmer plot's option. */
export function swimmerChartOption(
  rows: readonly Swimmer[],
  colours: ReadonlyMap<string, string>,
): EChartOption {
  const arms = [...colours.keys()].filter((a) => rows.some((r) => r.arm === a));
  const longest = Math.max(0, ...rows.map((r) => r.endAt));
  const scatter = (id: string, name: string, style: Record<string, unknown>, data: unknown[]) => ({
    id,
    name,
    type: 'scatter',
    z: 5,
    ...style,
    data,
  });
  /** A mark at each row's time of `field`, when it has one. */
  const at = (
    field: 'responseAt' | 'progressionAt' | 'deathAt',
    tip: (r: Swimmer, t: number) => string,
  ) =>
    rows.flatMap((r, i) => {
      const t = r[field];
      return t === null ? [] : [{ value: [t, i], tip: tip(r, t), r }];
    });
  return {
    animation: false,
    grid: { left: 124, right: 56, top: 36, bottom: 44 },
    legend: { top: 0, data: arms },
    tooltip: { trigger: 'item', formatter: tipFormatter },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(longest / 3) * 3 || 3,
      interval: 3,
      name: i18n.t('outcomes:monthsAxis'),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.ref),
      axisTick: { show: false },
      axisLabel: { fontSize: 10, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' },
    },
    dataZoom: [
      {
        type: 'slider',
        yAxisIndex: 0,
        right: 8,
        width: 16,
        startValue: 0,
        endValue: Math.min(SWIMMER_ROWS, rows.length) - 1,
        showDetail: false,
        showDataShadow: false,
        filterMode: 'none',
      },
      {
        type: 'inside',
        yAxisIndex: 0,
        zoomOnMouseWheel: false,
        moveOnMouseWheel: true,
        filterMode: 'none',
      },
    ],
    series: [
      ...arms.map((arm) => ({
        id: `arm-${arm}`,
        name: arm,
        type: 'bar',
        stack: 'swimmers',
        barWidth: '62%',
        itemStyle: { color: colourOf(colours, arm), opacity: 0.8 },
        data: rows.map((r) => (r.arm === arm ? { value: r.endAt, tip: TIPS.bar(r) } : null)),
      })),
      scatter(
        'cycles',
        i18n.t('outcomes:swimmer.cycle'),
        {
          symbol: 'rect',
          symbolSize: [3, 11],
          itemStyle: { color: '#ffffff', borderColor: MARKS.cycle, borderWidth: 0.6 },
        },
        rows.flatMap((r, i) =>
          r.cycles.map((t, k) => ({ value: [t, i], tip: TIPS.cycle(r, k, t) })),
        ),
      ),
      scatter(
        'response',
        i18n.t('outcomes:swimmer.response'),
        { symbol: 'circle', symbolSize: 9 },
        at('responseAt', TIPS.response).map(({ r, ...d }) => ({
          ...d,
          itemStyle: {
            color: RESPONSE_COLOUR[r.bestResponse],
            borderColor: '#fff',
            borderWidth: 1,
          },
        })),
      ),
      scatter(
        'progression',
        i18n.t('outcomes:swimmer.progression'),
        {
          symbol: MARKS.progression.symbol,
          symbolSize: 10,
          itemStyle: { color: MARKS.progression.colour },
        },
        at('progressionAt', TIPS.progression).map(({ r: _r, ...d }) => d),
      ),
      scatter(
        'death',
        i18n.t('outcomes:swimmer.death'),
        { symbol: MARKS.death.symbol, symbolSize: 9, itemStyle: { color: MARKS.death.colour } },
        at('deathAt', TIPS.death).map(({ r: _r, ...d }) => d),
      ),
      scatter(
        'ongoing',
        i18n.t('outcomes:swimmer.ongoing'),
        {
          symbol: 'arrow',
          symbolSize: 10,
          symbolRotate: -90,
          symbolOffset: [7, 0],
          itemStyle: { color: MARKS.ongoing },
        },
        rows.flatMap((r, i) => (r.ongoing ? [{ value: [r.endAt, i], tip: TIPS.ongoing(r) }] : [])),
      ),
    ],
  };
}

/** The key of the swimmer plot's marks (the arms are in the chart's legend). */
export function swimmerKey(): KeyItem[] {
  return [
    { label: i18n.t('outcomes:swimmer.cycle'), colour: MARKS.cycle, shape: 'tick' },
    {
      label: i18n.t('outcomes:swimmer.responseKey'),
      colour: RESPONSE_COLOUR.PR,
      shape: 'circle',
    },
    {
      label: i18n.t('outcomes:swimmer.progression'),
      colour: MARKS.progression.colour,
      shape: 'triangle',
    },
    { label: i18n.t('outcomes:swimmer.death'), colour: MARKS.death.colour, shape: 'cross' },
    { label: i18n.t('outcomes:swimmer.ongoingKey'), colour: MARKS.ongoing, shape: 'arrow' },
  ];
}
