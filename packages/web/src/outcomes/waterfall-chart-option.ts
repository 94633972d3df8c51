import type { EChartOption } from '../charts/echart.js';
import { tipFormatter } from '../patients/chart-common.js';
import { colourOf } from './group-colours.js';
import { i18n } from '../i18n/i18n.js';
import { patientsText, waterfallTip } from './outcomes-text.js';
import type { WaterfallRow } from './outcomes-types.js';

/**
 * The waterfall of best PSA change from baseline: one bar per patient, largest rise on the left to
 * deepest fall on the right, coloured by group, with the PSA50 and PSA90 thresholds. Rises beyond
 * +100% are drawn at +100% (the axis would otherwise be all rise); the note says how many. Pure.
 */

/** Rises are drawn up to here, in percent. */
export const WATERFALL_CAP = 100;

export interface WaterfallBar {
  readonly group: string;
  /** Best PSA change from baseline, in percent. */
  readonly value: number;
  /** What is drawn: the value, capped at +100%. */
  readonly shown: number;
}

/** The bars in drawing order, and how many rises were capped. */
export function waterfallBars(rows: readonly WaterfallRow[]): {
  bars: WaterfallBar[];
  capped: number;
} {
  const bars = [...rows]
    .sort((a, b) => b.bestPsaChangePct - a.bestPsaChangePct)
    .map((r) => ({
      group: r.group,
      value: r.bestPsaChangePct,
      shown: Math.min(r.bestPsaChangePct, WATERFALL_CAP),
    }));
  return { bars, capped: bars.filter((b) => b.value > WATERFALL_CAP).length };
}

/** A percentage on the axis, with a true minus: "−50%", "0%", "75%". */
export function percentTick(value: number): string {
  return value < 0 ? `−${Math.abs(value)}%` : `${value}%`;
}

/** The waterfall's option: a bar series per group (for the legend), stacked on one axis. */
export function waterfallChartOption(
  bars: readonly WaterfallBar[],
  groups: readonly string[],
  colours: ReadonlyMap<string, string>,
): EChartOption {
  const threshold = (value: number, label: string) => ({
    yAxis: value,
    name: label,
    label: { formatter: label, position: 'insideStartTop', color: '#334155' },
  });
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 40, bottom: 28 },
    legend: { top: 0, data: [...groups] },
    tooltip: { trigger: 'item', formatter: tipFormatter },
    xAxis: {
      type: 'category',
      data: bars.map((_, i) => i + 1),
      axisLabel: { show: false },
      axisTick: { show: false },
      name: patientsText(bars.length),
      nameLocation: 'middle',
      nameGap: 10,
    },
    yAxis: {
      type: 'value',
      min: -100,
      max: WATERFALL_CAP,
      interval: 25,
      name: i18n.t('outcomes:waterfall.axis'),
      nameLocation: 'middle',
      nameGap: 44,
      axisLabel: { formatter: percentTick },
    },
    series: groups.map((group, k) => ({
      id: `waterfall-${group}`,
      name: group,
      type: 'bar',
      stack: 'waterfall',
      barCategoryGap: '12%',
      itemStyle: { color: colourOf(colours, group) },
      data: bars.map((b) =>
        b.group === group
          ? {
              value: b.shown,
              tip: waterfallTip(group, b.value, WATERFALL_CAP),
            }
          : null,
      ),
      ...(k === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#334155', type: 'dashed', width: 1 },
              data: [
                threshold(-50, i18n.t('outcomes:waterfall.psa50')),
                threshold(-90, i18n.t('outcomes:waterfall.psa90')),
              ],
            },
          }
        : {}),
    })),
  };
}
