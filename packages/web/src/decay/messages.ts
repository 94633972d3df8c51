/** The decay screens' words, English and Simplified Chinese (terms as in docs/glossary.md). */
import type { Messages } from '../i18n/messages.js';

export const en = {
  title: 'Decay calculator',
  nuclide: 'Nuclide',
  activityAtStart: 'Activity at start',
  start: 'Start',
  end: 'End',
  calculate: 'Calculate',
  calculating: 'Calculating…',
  positiveActivity: 'activity: expected a positive number',
  failed: 'the calculation failed',
  chainTitle: 'Activity of the chain ({{unit}}, log scale)',
  chartLabel: 'Activity over time of {{nuclides}}',
  atEnd: 'At the end ({{hours}} h after the start)',
  table: {
    nuclide: 'Nuclide',
    halfLife: 'Half-life',
    activity: 'Activity',
    atoms: 'Atoms',
  },
  chart: {
    time: 'time ({{unit}})',
  },
};

export const zh: Messages<typeof en> = {
  title: '衰变计算器',
  nuclide: '核素',
  activityAtStart: '起始活度',
  start: '开始时间',
  end: '结束时间',
  calculate: '计算',
  calculating: '正在计算…',
  positiveActivity: '活度：应为正数',
  failed: '计算失败',
  chainTitle: '衰变链各核素的活度（{{unit}}，对数坐标）',
  chartLabel: '{{nuclides}} 的活度随时间变化',
  atEnd: '结束时（开始后 {{hours}} 小时）',
  table: {
    nuclide: '核素',
    halfLife: '半衰期',
    activity: '活度',
    atoms: '原子数',
  },
  chart: {
    time: '时间（{{unit}}）',
  },
};
