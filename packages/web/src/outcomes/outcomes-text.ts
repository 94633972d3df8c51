import {
  hazardText,
  intervalText,
  medianText,
  pct,
  pText,
  RESPONSES,
  responseText,
  signedPct,
} from '../patients/clinical-text.js';
import { i18n } from '../i18n/i18n.js';
import { serverText } from '../i18n/server-texts.js';
import { en } from './messages.js';
import type {
  Comparison,
  Dashboard,
  Grouping,
  GroupSummary,
  Swimmer,
  SurvivalEndpoint,
} from './outcomes-types.js';

/**
 * The outcomes screen's sentences with figures in them, in the current language (the words are in
 * messages.ts, namespace 'outcomes'). Pure but for the language.
 */

/** The groupings a dashboard offers, in the picker's order (words: `outcomes:groupings`). */
export const GROUPINGS: readonly Grouping[] = [
  'arm',
  'diseaseVolume',
  'presentation',
  'priorLu177',
];

/** A grouping as the picker names it: "Arm", "Disease volume", … */
export function groupingLabel(grouping: Grouping): string {
  return i18n.t(`outcomes:groupings.${grouping}.label`);
}

/** An endpoint's short name: "rPFS", "OS". */
export function endpointShort(endpoint: SurvivalEndpoint): string {
  return i18n.t(`outcomes:km.short.${endpoint}`);
}

/** A cell of the endpoint table: its figure, and a line beneath. */
export interface Cell {
  readonly value: string;
  readonly note?: string;
}

type RowKey = keyof typeof en.table.rows;
type NoteKey = keyof typeof en.table.notes;

const hasNote = (key: RowKey): key is NoteKey => key in en.table.notes;

export interface EndpointRow {
  readonly key: RowKey;
  readonly label: string;
  /** What the row counts, in words (for the row's header). */
  readonly note?: string;
  /** One cell per group, in the dashboard's order. */
  readonly cells: readonly Cell[];
}

/** "CR 5 · PR 24 · SD 50 · PD 10 · NE 0". */
export function bestResponsesText(b: GroupSummary['bestResponses']): string {
  return RESPONSES.map((r) => `${r} ${b[r]}`).join(' · ');
}

/** A group's hazard ratio against the reference, "reference", or "—" when not compared. */
function hazardCell(c: Comparison, group: string): Cell {
  if ('unavailable' in c) return { value: '—' };
  if (c.reference === group) return { value: i18n.t('outcomes:table.reference') };
  const h = c.hazardRatios.find((x) => x.group === group);
  return h === undefined ? { value: '—' } : { value: hazardText(h), note: pText(h.p) };
}

function medianCell(g: GroupSummary, endpoint: SurvivalEndpoint): Cell {
  const curve = g[endpoint];
  return {
    value: medianText(curve.median),
    note: i18n.t('outcomes:table.events', { events: curve.events, n: curve.n }),
  };
}

/** The endpoint table: one row per endpoint, one cell per group. */
export function endpointRows(
  d: Pick<Dashboard, 'groups' | 'rpfsComparison' | 'osComparison'>,
): EndpointRow[] {
  const cellsOf: Record<RowKey, (g: GroupSummary) => Cell> = {
    patients: (g) => ({ value: String(g.patients) }),
    psa50: (g) => ({ value: intervalText(g.psa50) }),
    psa90: (g) => ({ value: intervalText(g.psa90) }),
    measurable: (g) => ({ value: String(g.measurable) }),
    orr: (g) => ({ value: intervalText(g.orr) }),
    dcr: (g) => ({ value: intervalText(g.dcr) }),
    best: (g) => ({ value: bestResponsesText(g.bestResponses) }),
    grade3: (g) => ({ value: intervalText(g.grade3Plus) }),
    rpfs: (g) => medianCell(g, 'rpfs'),
    os: (g) => medianCell(g, 'os'),
    'rpfs-hr': (g) => hazardCell(d.rpfsComparison, g.group),
    'os-hr': (g) => hazardCell(d.osComparison, g.group),
  };
  return (Object.keys(cellsOf) as RowKey[]).map((key) => {
    return {
      key,
      label: i18n.t(`outcomes:table.rows.${key}`),
      ...(hasNote(key) ? { note: i18n.t(`outcomes:table.notes.${key}`) } : {}),
      cells: d.groups.map(cellsOf[key]),
    };
  });
}

/** "rPFS: log-rank χ² 29.49, 1 df, p < 0.001", or why there is no comparison. */
export function comparisonText(c: Comparison, endpoint: SurvivalEndpoint): string {
  const name = endpointShort(endpoint);
  if ('unavailable' in c)
    return i18n.t('outcomes:table.unavailable', { name, reason: serverText(c.unavailable) });
  return i18n.t('outcomes:table.logRank', {
    name,
    chi: c.logRankChiSquare.toFixed(2),
    df: c.logRankDf,
    p: pText(c.logRankP),
  });
}

/** "SYN-LUPSMA · 300 patients · by arm · 2 groups". */
export function dashboardLine(d: Pick<Dashboard, 'patients' | 'groups' | 'grouping'>): string {
  const by = i18n.t(`outcomes:groupings.${d.grouping}.by`);
  return i18n.t('outcomes:dashboard.line', { patients: d.patients, by, count: d.groups.length });
}

/** "120 patients · figures only". */
export function studyLine(s: { patients: number; member: boolean }): string {
  return i18n.t('outcomes:studies.line', {
    patients: s.patients,
    access: s.member ? i18n.t('outcomes:studies.member') : i18n.t('outcomes:studies.figuresOnly'),
  });
}

/** "n = 143". */
export function groupSizeText(n: number): string {
  return `n = ${n}`;
}

/** "3 rises above +100% are drawn at +100%."; '' when none is. */
export function cappedNote(capped: number, cap: number): string {
  if (capped === 0) return '';
  return i18n.t('outcomes:waterfall.capped', { count: capped, cap });
}

/** A waterfall bar's tooltip: its group and change (and where it is drawn when capped). */
export function waterfallTip(group: string, value: number, cap: number): string {
  const drawn = value > cap ? i18n.t('outcomes:waterfall.drawnAt', { cap }) : '';
  return `${group}\n${signedPct(value)}${drawn}`;
}

/** "300 patients", under the waterfall. */
export function patientsText(n: number): string {
  return i18n.t('outcomes:waterfall.patients', { count: n });
}

export function waterfallLabel(bars: number, falls50: number): string {
  return i18n.t('outcomes:waterfall.label', { bars, falls: falls50 });
}

const mo = (m: number) => i18n.t('outcomes:swimmer.months', { m: m.toFixed(1) });

/** The swimmer plot's tooltips. */
export const SWIMMER_TIPS = {
  bar: (r: Swimmer) => {
    const end = r.ongoing
      ? i18n.t('outcomes:swimmer.tip.ongoing')
      : r.deathAt !== null
        ? i18n.t('outcomes:swimmer.tip.died')
        : '';
    return [
      `${r.ref} · ${r.arm}`,
      `${i18n.t('outcomes:swimmer.tip.followed', { time: mo(r.endAt) })}${end}`,
      i18n.t('outcomes:swimmer.tip.best', { response: responseText(r.bestResponse) }),
      i18n.t('outcomes:swimmer.tip.cycles', { count: r.cycles.length }),
    ].join('\n');
  },
  cycle: (r: Swimmer, k: number, t: number) =>
    i18n.t('outcomes:swimmer.tip.cycle', { ref: r.ref, k: k + 1, time: mo(t) }),
  response: (r: Swimmer, t: number) =>
    i18n.t('outcomes:swimmer.tip.response', { ref: r.ref, time: mo(t), best: r.bestResponse }),
  progression: (r: Swimmer, t: number) =>
    i18n.t('outcomes:swimmer.tip.progression', { ref: r.ref, time: mo(t) }),
  death: (r: Swimmer, t: number) =>
    i18n.t('outcomes:swimmer.tip.death', { ref: r.ref, time: mo(t) }),
  ongoing: (r: Swimmer) =>
    i18n.t('outcomes:swimmer.tip.stillFollowed', { ref: r.ref, time: mo(r.endAt) }),
};

export function swimmerLabel(n: number): string {
  return i18n.t('outcomes:swimmer.label', { n });
}

export function swimmerCaption(shown: number, total: number): string {
  return i18n.t('outcomes:swimmer.caption', { shown, total });
}

/** The KM chart's tooltip at a month: "rPFS at 3.0 months", then each group's survival. */
export function kmTipLines(
  endpoint: SurvivalEndpoint,
  months: number,
  groups: readonly { group: string; survival: number }[],
): string[] {
  return [
    i18n.t('outcomes:km.tipTitle', { name: endpointShort(endpoint), months: months.toFixed(1) }),
    ...groups.map((g) => `${g.group}: ${pct(g.survival)}`),
  ];
}

export function kmLabel(endpoint: SurvivalEndpoint, groups: readonly GroupSummary[]): string {
  return i18n.t('outcomes:km.label', {
    name: endpointShort(endpoint),
    groups: groups
      .map((g) =>
        i18n.t('outcomes:km.labelGroup', {
          group: g.group,
          median: medianText(g[endpoint].median),
        }),
      )
      .join(i18n.t('outcomes:km.labelSeparator')),
  });
}

export function atRiskLabel(endpoint: SurvivalEndpoint): string {
  return i18n.t('outcomes:km.atRisk', { name: endpointShort(endpoint) });
}

export function kmAxisName(endpoint: SurvivalEndpoint): string {
  return i18n.t('outcomes:km.axis', { name: endpointShort(endpoint) });
}

/**
 * A dashboard with its groups named in the current language. Arms are the study's own names and
 * stay as they are; the other groupings' names ("high volume", "prior Lu-177") are the server's.
 */
export function dashboardInLanguage(d: Dashboard): Dashboard {
  const named = <T extends { readonly group: string }>(x: T): T => ({
    ...x,
    group: serverText(x.group),
  });
  const compared = (c: Dashboard['rpfsComparison']): Dashboard['rpfsComparison'] =>
    'unavailable' in c
      ? c
      : { ...c, reference: serverText(c.reference), hazardRatios: c.hazardRatios.map(named) };
  return {
    ...d,
    groups: d.groups.map(named),
    rpfsComparison: compared(d.rpfsComparison),
    osComparison: compared(d.osComparison),
    waterfall: d.waterfall.map(named),
  };
}
