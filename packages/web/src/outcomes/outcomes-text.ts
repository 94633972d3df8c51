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
import type {
  Comparison,
  Dashboard,
  Grouping,
  GroupSummary,
  Swimmer,
  SurvivalEndpoint,
} from './outcomes-types.js';

/**
 * Every word the outcomes screen shows, in one place (a later issue translates them), and the
 * sentences with figures in them. Pure.
 */
export const WORDS = {
  screen: {
    title: 'Outcomes',
    subtitle:
      'Study endpoints from the registry: PSA response, RECIST response, survival and toxicity by group, with exact 95% intervals.',
    study: 'Study',
    choose: 'Choose a study…',
    groupBy: 'Group by',
    synthetic: ' (synthetic)',
    failed: 'the studies could not be loaded',
  },
  studies: {
    label: 'Studies',
    loading: 'Loading the studies…',
    none: 'No studies yet.',
    member: 'your study: patient-level views and exports',
    figuresOnly: 'figures only',
  },
  dashboard: {
    loading: 'Loading the study’s figures…',
    failed: 'the study’s figures could not be loaded',
    exports: 'Export the cohort',
    csv: 'Export CSV',
    fhir: 'Export FHIR',
  },
  table: {
    title: 'Endpoints by group',
    endpoint: 'Endpoint',
    reference: 'reference',
    caption:
      'Proportions with exact (Clopper–Pearson) 95% intervals; medians from Kaplan–Meier with Brookmeyer–Crowley intervals; hazard ratios from a Cox model (Efron) against the reference group.',
    rows: {
      patients: { label: 'Patients' },
      psa50: { label: 'PSA50', note: 'PSA fall ≥ 50% from baseline' },
      psa90: { label: 'PSA90', note: 'PSA fall ≥ 90%' },
      measurable: { label: 'Measurable disease', note: 'RECIST 1.1 target lesions at baseline' },
      orr: { label: 'ORR', note: 'CR + PR, among measurable' },
      dcr: { label: 'DCR', note: 'CR + PR + SD, among measurable' },
      best: { label: 'Best overall response' },
      grade3: { label: 'Grade ≥ 3 adverse events', note: 'CTCAE, any time' },
      rpfs: { label: 'Median rPFS', note: 'months (95% CI); NR: not reached' },
      os: { label: 'Median OS', note: 'months (95% CI); NR: not reached' },
      'rpfs-hr': { label: 'rPFS hazard ratio', note: 'Cox, vs the reference (95% CI)' },
      'os-hr': { label: 'OS hazard ratio', note: 'Cox, vs the reference (95% CI)' },
    },
  },
  waterfall: {
    title: 'PSA waterfall',
    none: 'No patient has a PSA after baseline yet.',
    caption:
      'One bar per patient with a PSA after baseline, largest rise on the left; dashed lines at −50% (PSA50) and −90% (PSA90).',
    axis: 'Best PSA change from baseline (%)',
    psa50: '−50% (PSA50)',
    psa90: '−90% (PSA90)',
  },
  swimmer: {
    title: 'Swimmer plot',
    hidden:
      'The swimmer plot shows each patient’s course, so only the study’s team sees it. You see the cohort’s figures: the table, the waterfall and the survival curves.',
    key: 'Swimmer plot key',
    cycle: 'Cycle',
    response: 'First response',
    responseKey: 'First response (CR dark, PR light)',
    progression: 'Progression',
    death: 'Death',
    ongoing: 'Ongoing',
    ongoingKey: 'Still followed',
  },
  km: {
    names: {
      rpfs: 'Radiographic progression-free survival',
      os: 'Overall survival',
    },
    short: { rpfs: 'rPFS', os: 'OS' },
    band: '95% confidence band',
    months: 'Months',
    caption:
      'Step lines to each group’s last follow-up; ticks mark censored patients; the dashed drop marks the median (none when not reached). Numbers at risk are those still followed and event-free at each month.',
  },
  monthsAxis: 'Months from enrolment',
} as const;

/** The groupings a dashboard offers: as the picker names them, and within a sentence. */
export const GROUPINGS: readonly { grouping: Grouping; label: string; by: string }[] = [
  { grouping: 'arm', label: 'Arm', by: 'by arm' },
  { grouping: 'diseaseVolume', label: 'Disease volume', by: 'by disease volume' },
  { grouping: 'presentation', label: 'De novo or recurrent', by: 'de novo or recurrent' },
  { grouping: 'priorLu177', label: 'Prior Lu-177', by: 'by prior Lu-177' },
];

/** A cell of the endpoint table: its figure, and a line beneath. */
export interface Cell {
  readonly value: string;
  readonly note?: string;
}

type RowKey = keyof typeof WORDS.table.rows;

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
  if (c.reference === group) return { value: WORDS.table.reference };
  const h = c.hazardRatios.find((x) => x.group === group);
  return h === undefined ? { value: '—' } : { value: hazardText(h), note: pText(h.p) };
}

function medianCell(g: GroupSummary, endpoint: SurvivalEndpoint): Cell {
  const curve = g[endpoint];
  return { value: medianText(curve.median), note: `${curve.events} events of ${curve.n}` };
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
    const words: { label: string; note?: string } = WORDS.table.rows[key];
    return {
      key,
      label: words.label,
      ...(words.note === undefined ? {} : { note: words.note }),
      cells: d.groups.map(cellsOf[key]),
    };
  });
}

/** "rPFS: log-rank χ² 29.49, 1 df, p < 0.001", or why there is no comparison. */
export function comparisonText(c: Comparison, endpoint: SurvivalEndpoint): string {
  const name = WORDS.km.short[endpoint];
  if ('unavailable' in c) return `${name}: ${c.unavailable}`;
  return `${name}: log-rank χ² ${c.logRankChiSquare.toFixed(2)}, ${c.logRankDf} df, ${pText(c.logRankP)}`;
}

/** "SYN-LUPSMA · 300 patients · by arm · 2 groups". */
export function dashboardLine(d: Pick<Dashboard, 'patients' | 'groups' | 'grouping'>): string {
  const by = GROUPINGS.find((g) => g.grouping === d.grouping)?.by ?? d.grouping;
  const groups = d.groups.length;
  return `${d.patients} patients · ${by} · ${groups} group${groups === 1 ? '' : 's'}`;
}

/** "120 patients · figures only". */
export function studyLine(s: { patients: number; member: boolean }): string {
  return `${s.patients} patients · ${s.member ? WORDS.studies.member : WORDS.studies.figuresOnly}`;
}

/** "n = 143". */
export function groupSizeText(n: number): string {
  return `n = ${n}`;
}

/** "3 rises above +100% are drawn at +100%."; '' when none is. */
export function cappedNote(capped: number, cap: number): string {
  if (capped === 0) return '';
  return `${capped} rise${capped === 1 ? '' : 's'} above +${cap}% ${capped === 1 ? 'is' : 'are'} drawn at +${cap}%.`;
}

/** A waterfall bar's tooltip: its group and change (and where it is drawn when capped). */
export function waterfallTip(group: string, value: number, cap: number): string {
  return `${group}\n${signedPct(value)}${value > cap ? ` (drawn at +${cap}%)` : ''}`;
}

/** "300 patients", under the waterfall. */
export function patientsText(n: number): string {
  return `${n} patient${n === 1 ? '' : 's'}`;
}

export function waterfallLabel(bars: number, falls50: number): string {
  return `Waterfall of the best PSA change from baseline for ${bars} patients, by group: ${falls50} fell by 50% or more`;
}

const mo = (m: number) => `${m.toFixed(1)} mo`;

/** The swimmer plot's tooltips. */
export const SWIMMER_TIPS = {
  bar: (r: Swimmer) =>
    [
      `${r.ref} · ${r.arm}`,
      `followed ${mo(r.endAt)}${r.ongoing ? ', ongoing' : r.deathAt !== null ? ', died' : ''}`,
      `best response ${responseText(r.bestResponse)}`,
      `${r.cycles.length} cycle${r.cycles.length === 1 ? '' : 's'}`,
    ].join('\n'),
  cycle: (r: Swimmer, k: number, t: number) => `${r.ref}: cycle ${k + 1} at ${mo(t)}`,
  response: (r: Swimmer, t: number) => `${r.ref}: response at ${mo(t)} (best ${r.bestResponse})`,
  progression: (r: Swimmer, t: number) => `${r.ref}: progression at ${mo(t)}`,
  death: (r: Swimmer, t: number) => `${r.ref}: death at ${mo(t)}`,
  ongoing: (r: Swimmer) => `${r.ref}: followed ${mo(r.endAt)}, ongoing`,
};

export function swimmerLabel(n: number): string {
  return `Swimmer plot of ${n} patients: time on study by arm with cycles, first response, progression and death`;
}

export function swimmerCaption(shown: number, total: number): string {
  return `One bar per patient from enrolment to the last follow-up, longest first; ${shown} of ${total} at a time: scroll over the plot or drag the bar on its right for the others.`;
}

/** The KM chart's tooltip at a month: "rPFS at 3.0 months", then each group's survival. */
export function kmTipLines(
  endpoint: SurvivalEndpoint,
  months: number,
  groups: readonly { group: string; survival: number }[],
): string[] {
  return [
    `${WORDS.km.short[endpoint]} at ${months.toFixed(1)} months`,
    ...groups.map((g) => `${g.group}: ${pct(g.survival)}`),
  ];
}

export function kmLabel(endpoint: SurvivalEndpoint, groups: readonly GroupSummary[]): string {
  return `Kaplan–Meier curves of ${WORDS.km.short[endpoint]} by group: ${groups
    .map((g) => `${g.group}, median ${medianText(g[endpoint].median)} months`)
    .join('; ')}`;
}

export function atRiskLabel(endpoint: SurvivalEndpoint): string {
  return `Numbers at risk, ${WORDS.km.short[endpoint]}`;
}

export function kmAxisName(endpoint: SurvivalEndpoint): string {
  return `${WORDS.km.short[endpoint]} probability`;
}
