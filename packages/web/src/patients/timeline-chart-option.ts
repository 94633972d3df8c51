import type { EChartOption } from '../charts/echart.js';
import { logTick } from '../waste/waste-chart-option.js';
import { tipFormatter, type KeyItem } from './chart-common.js';
import { RESPONSE_COLOUR } from './clinical-text.js';
import { i18n } from '../i18n/i18n.js';
import { outcomeText } from './patients-text.js';
import {
  LANES,
  type Lane,
  type OutcomeKind,
  type PatientTimeline,
  type TimelineCycle,
} from './timeline-data.js';

/**
 * The patient's timeline as an ECharts option: lanes of events above (PET, cycles with their
 * windows, adverse events by CTCAE grade, progression and death) and the PSA (log axis, left) with
 * the sum of target-lesion diameters (mm, right; RECIST responses on its points) below, both on
 * one calendar axis zoomed together. Dates are UTC midnights, so the option asks for UTC. Pure.
 */

export const COLOURS = {
  pet: '#16a34a',
  petNegative: '#64748b',
  window: 'rgba(37, 99, 235, 0.16)',
  planned: '#2563eb',
  ordered: '#d97706',
  given: '#1e3a8a',
  psa: '#7c3aed',
  sld: '#0891b2',
  today: '#0f172a',
} as const;

/** CTCAE grades 1–5, pale to dark. */
export const GRADE_COLOURS = ['#facc15', '#fb923c', '#ef4444', '#991b1b', '#0f172a'] as const;

/** Each outcome's mark; PSA and radiographic progression often fall on one day, so sit apart. */
export const OUTCOME_STYLE: Readonly<
  Record<OutcomeKind, { colour: string; symbol: string; offset: [number, number] }>
> = {
  'psa-progression': { colour: '#f97316', symbol: 'triangle', offset: [0, -6] },
  'radiographic-progression': { colour: '#dc2626', symbol: 'triangle', offset: [0, 6] },
  death: {
    colour: '#0f172a',
    symbol: 'path://M2,0L10,8L18,0L20,2L12,10L20,18L18,20L10,12L2,20L0,18L8,10L0,2Z',
    offset: [0, 0],
  },
  'last-contact': { colour: '#64748b', symbol: 'emptyCircle', offset: [0, 0] },
};

/** Layout in pixels: the lanes, then the measurements; the chart is TIMELINE_HEIGHT tall. */
const LEFT = 112;
const RIGHT = 76;
const LANES_TOP = 24;
const LANES_HEIGHT = 124;
const VALUES_TOP = 182;
const VALUES_HEIGHT = 190;
export const TIMELINE_HEIGHT = 444;

const CYCLE_STYLE: Readonly<Record<TimelineCycle['state'], Record<string, unknown>>> = {
  planned: { color: '#ffffff', borderColor: COLOURS.planned, borderWidth: 2 },
  ordered: { color: COLOURS.ordered },
  given: { color: COLOURS.given },
};

const lane = (l: Lane) => LANES.indexOf(l);
const onLanes = { xAxisIndex: 0, yAxisIndex: 0 } as const;

/** A cycle's window as a band across its lane: [earliest, latest, lane]. */
function windowBand(_params: unknown, api: unknown): unknown {
  const a = api as {
    value: (i: number) => number;
    coord: (p: [number, number]) => [number, number];
    size: (p: [number, number]) => [number, number];
  };
  const [x0, y] = a.coord([a.value(0), a.value(2)]);
  const [x1] = a.coord([a.value(1), a.value(2)]);
  const height = a.size([0, 1])[1] * 0.56;
  return {
    type: 'rect',
    shape: { x: x0, y: y - height / 2, width: Math.max(x1 - x0, 2), height, r: 4 },
    style: { fill: COLOURS.window },
  };
}

function laneSeries(t: PatientTimeline): Record<string, unknown>[] {
  const cycles = (['planned', 'ordered', 'given'] as const).flatMap((state) => {
    const marks = t.cycles.filter((c) => c.state === state);
    return marks.length === 0
      ? []
      : [
          {
            id: `cycle-${state}`,
            name: i18n.t(`patients:timeline.marks.${state}`),
            type: 'scatter',
            ...onLanes,
            symbol: 'circle',
            symbolSize: 14,
            itemStyle: CYCLE_STYLE[state],
            label: { show: true, position: 'top', formatter: 'C{@[2]}', fontSize: 10, distance: 3 },
            data: marks.map((c) => ({ value: [c.at, lane('cycles'), c.cycle], tip: c.tip })),
            z: 4,
          },
        ];
  });
  const grades = [...new Set(t.adverse.map((a) => a.grade))].sort((a, b) => a - b);
  const kinds = [...new Set(t.outcomes.map((o) => o.kind))];
  return [
    {
      id: 'pet',
      name: i18n.t('patients:timeline.marks.pet'),
      type: 'scatter',
      ...onLanes,
      symbol: 'diamond',
      symbolSize: 16,
      data: t.pets.map((p) => ({
        value: [p.at, lane('pet')],
        tip: p.tip,
        itemStyle: p.positive
          ? { color: COLOURS.pet }
          : { color: '#ffffff', borderColor: COLOURS.petNegative, borderWidth: 2 },
      })),
    },
    {
      id: 'cycle-window',
      name: i18n.t('patients:timeline.marks.window'),
      type: 'custom',
      ...onLanes,
      renderItem: windowBand,
      encode: { x: [0, 1], y: 2 },
      data: t.cycles.map((c) => ({ value: [c.earliest, c.latest, lane('cycles')], tip: c.tip })),
      z: 1,
    },
    ...cycles,
    ...grades.map((grade) => ({
      id: `ae-${grade}`,
      name: i18n.t('patients:timeline.marks.grade', { grade }),
      type: 'scatter',
      ...onLanes,
      symbolSize: 8 + grade * 2,
      itemStyle: { color: GRADE_COLOURS[grade - 1], borderColor: '#ffffff', borderWidth: 1 },
      data: t.adverse
        .filter((a) => a.grade === grade)
        .map((a) => ({ value: [a.at, lane('adverse')], tip: a.tip })),
      z: 3 + grade,
    })),
    ...kinds.map((kind) => ({
      id: kind,
      name: outcomeText(kind),
      type: 'scatter',
      ...onLanes,
      symbol: OUTCOME_STYLE[kind].symbol,
      symbolSize: 13,
      symbolOffset: OUTCOME_STYLE[kind].offset,
      itemStyle: { color: OUTCOME_STYLE[kind].colour },
      data: t.outcomes
        .filter((o) => o.kind === kind)
        .map((o) => ({ value: [o.at, lane('outcome')], tip: o.tip })),
    })),
  ];
}

/** Vertical lines across the measurements: today, radiographic progression, death. */
function markLines(t: PatientTimeline): Record<string, unknown>[] {
  const lines = [
    ...(t.today === null
      ? []
      : [
          {
            name: i18n.t('patients:timeline.today'),
            xAxis: t.today,
            colour: COLOURS.today,
            today: true,
          },
        ]),
    ...t.outcomes
      .filter((o) => o.kind === 'radiographic-progression' || o.kind === 'death')
      .map((o) => ({
        name: i18n.t(
          o.kind === 'death' ? 'patients:timeline.death' : 'patients:timeline.progression',
        ),
        xAxis: o.at,
        colour: OUTCOME_STYLE[o.kind].colour,
        today: false,
      })),
  ];
  // Today is named above the lanes; progression and death above the measurements.
  return lines.map((l) => ({
    name: l.name,
    xAxis: l.xAxis,
    lineStyle: { color: l.colour, type: l.today ? 'solid' : 'dashed', width: 1 },
    label: { show: !l.today, formatter: l.name, color: l.colour, position: 'end' },
  }));
}

function valueSeries(t: PatientTimeline): Record<string, unknown>[] {
  const onValues = { xAxisIndex: 1 } as const;
  return [
    {
      id: 'marks',
      name: 'marks',
      type: 'line',
      ...onValues,
      yAxisIndex: 2,
      data: [],
      markLine: { silent: true, symbol: 'none', data: markLines(t) },
    },
    ...(t.psa.length === 0
      ? []
      : [
          {
            id: 'psa',
            name: i18n.t('patients:timeline.marks.psa'),
            type: 'line',
            ...onValues,
            yAxisIndex: 1,
            symbol: 'circle',
            symbolSize: 6,
            lineStyle: { color: COLOURS.psa, width: 2 },
            itemStyle: { color: COLOURS.psa },
            data: t.psa.map((p) => ({ value: [p.at, p.value], tip: p.tip })),
          },
        ]),
    ...(t.sld.length === 0
      ? []
      : [
          {
            id: 'sld',
            name: i18n.t('patients:timeline.marks.sld'),
            type: 'line',
            ...onValues,
            yAxisIndex: 2,
            symbol: 'rect',
            symbolSize: 9,
            lineStyle: { color: COLOURS.sld, width: 2, type: 'dashed' },
            itemStyle: { color: COLOURS.sld },
            data: t.sld.map((s) => ({
              value: [s.at, s.value],
              tip: s.tip,
              itemStyle: { color: s.response === 'BL' ? COLOURS.sld : RESPONSE_COLOUR[s.response] },
              label: {
                show: true,
                position: 'top',
                formatter: s.response,
                fontWeight: 600,
                color: s.response === 'BL' ? COLOURS.sld : RESPONSE_COLOUR[s.response],
              },
            })),
          },
        ]),
  ];
}

/** The timeline's option. */
export function timelineChartOption(t: PatientTimeline): EChartOption {
  const time = { type: 'time', min: t.from, max: t.to } as const;
  const today = i18n.t('patients:timeline.today');
  return {
    animation: false,
    useUTC: true,
    grid: [
      { left: LEFT, right: RIGHT, top: LANES_TOP, height: LANES_HEIGHT },
      { left: LEFT, right: RIGHT, top: VALUES_TOP, height: VALUES_HEIGHT },
    ],
    xAxis: [
      { ...time, gridIndex: 0, axisLabel: { show: false }, splitLine: { show: true } },
      { ...time, gridIndex: 1, axisLabel: { hideOverlap: true }, splitLine: { show: true } },
    ],
    yAxis: [
      {
        gridIndex: 0,
        type: 'category',
        data: LANES.map((l) => i18n.t(`patients:timeline.lanes.${l}`)),
        inverse: true,
        axisTick: { show: false },
        splitArea: { show: true, areaStyle: { color: ['#f8fafc', '#ffffff'] } },
      },
      {
        gridIndex: 1,
        type: 'log',
        logBase: 10,
        min: t.psaAxis?.min ?? 1,
        max: t.psaAxis?.max ?? 10,
        name: i18n.t('patients:timeline.psaAxis'),
        nameLocation: 'middle',
        nameGap: 52,
        nameTextStyle: { color: COLOURS.psa },
        axisLabel: { formatter: logTick, color: COLOURS.psa },
      },
      {
        gridIndex: 1,
        type: 'value',
        position: 'right',
        min: 0,
        name: i18n.t('patients:timeline.sldAxis'),
        nameLocation: 'middle',
        nameGap: 44,
        nameTextStyle: { color: COLOURS.sld },
        axisLabel: { color: COLOURS.sld },
        splitLine: { show: false },
      },
    ],
    dataZoom: [
      { type: 'inside', xAxisIndex: [0, 1], filterMode: 'none' },
      { type: 'slider', xAxisIndex: [0, 1], filterMode: 'none', height: 16, bottom: 6 },
    ],
    tooltip: { trigger: 'item', formatter: tipFormatter, confine: true },
    series: [
      {
        id: 'today',
        name: 'today',
        type: 'line',
        ...onLanes,
        data: [],
        markLine: {
          silent: true,
          symbol: 'none',
          data: t.today === null ? [] : [{ name: today, xAxis: t.today }],
          lineStyle: { color: COLOURS.today, type: 'solid', width: 1 },
          // The lanes' axis runs top-down (inverse), so the line starts at the top.
          label: { formatter: today, color: COLOURS.today, position: 'start' },
        },
      },
      ...laneSeries(t),
      ...valueSeries(t),
    ],
  };
}

/** The key beneath the chart: what each mark means, only for marks the patient has. */
export function timelineKey(t: PatientTimeline): KeyItem[] {
  const has = <X>(xs: readonly X[], f: (x: X) => boolean) => xs.some(f);
  const item = (label: string, colour: string, shape: KeyItem['shape']): KeyItem => ({
    label,
    colour,
    shape,
  });
  const outcomeShape = (k: OutcomeKind): KeyItem['shape'] =>
    k === 'death' ? 'cross' : k === 'last-contact' ? 'ring' : 'triangle';
  const items: (KeyItem | false)[] = [
    t.pets.length > 0 && item(i18n.t('patients:timeline.marks.petKey'), COLOURS.pet, 'diamond'),
    t.cycles.length > 0 && item(i18n.t('patients:timeline.marks.windowKey'), '#93c5fd', 'band'),
    has(t.cycles, (c) => c.state === 'planned') &&
      item(i18n.t('patients:timeline.marks.planned'), COLOURS.planned, 'ring'),
    has(t.cycles, (c) => c.state === 'ordered') &&
      item(i18n.t('patients:timeline.marks.ordered'), COLOURS.ordered, 'circle'),
    has(t.cycles, (c) => c.state === 'given') &&
      item(i18n.t('patients:timeline.marks.given'), COLOURS.given, 'circle'),
    ...[1, 2, 3, 4, 5].map(
      (g) =>
        has(t.adverse, (a) => a.grade === g) &&
        item(
          i18n.t('patients:timeline.marks.gradeKey', { grade: g }),
          GRADE_COLOURS[g - 1] ?? '#000000',
          'circle',
        ),
    ),
    ...(['psa-progression', 'radiographic-progression', 'death', 'last-contact'] as const).map(
      (k) =>
        has(t.outcomes, (o) => o.kind === k) &&
        item(outcomeText(k), OUTCOME_STYLE[k].colour, outcomeShape(k)),
    ),
    t.psa.length > 0 && item(i18n.t('patients:timeline.marks.psaKey'), COLOURS.psa, 'line'),
    t.sld.length > 0 && item(i18n.t('patients:timeline.marks.sldKey'), COLOURS.sld, 'dashed'),
  ];
  return items.filter((i): i is KeyItem => i !== false);
}
