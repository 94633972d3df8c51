import type { Badge } from '../batches/batch-status.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { dayText, monthsValue, RESPONSE_LABEL, signedPct } from './clinical-text.js';
import type {
  Assessment,
  ChangeKind,
  Cycle,
  DoseLevel,
  Endpoints,
  PatientDetail,
  PetScan,
  Regimen,
  Stage,
  Therapy,
  TherapyChangeRecord,
} from './patient-types.js';

/**
 * The patients screen's words, all in this file (a later issue translates them): first the
 * catalogue of plain words, then the sentences that carry figures (regimens, cycles, orders,
 * endpoints, the timeline's tooltips). Pure.
 */

/** The catalogue of plain words, by part of the screen. */
export const WORDS = {
  list: {
    title: 'Patients',
    subtitleHospital:
      'Your hospital’s patients on a theranostic pathway: PET, therapy cycles and their orders, visits and outcomes.',
    subtitleStudy: 'Patients of your studies, under their pseudonymous references.',
    enrol: 'Enrol a patient',
    search: 'Search',
    searchHint: 'Reference or hospital',
    study: 'Study',
    anyStudy: 'Any study',
    noStudy: 'No study',
    stage: 'Stage',
    anyStage: 'Any stage',
    region: 'Patient list',
    loading: 'Loading patients…',
    failed: 'the patients could not be loaded',
    empty: 'No patients yet.',
    noMatch: 'No patient matches these filters.',
    columns: ['Reference', 'Study · arm', 'Stage', 'Regimen', 'Enrolled'],
    hospital: 'Hospital',
    noStudyCell: 'no study',
    synthetic: ' (synthetic)',
  },
  page: {
    back: '← Patients',
    loading: 'Loading the patient…',
    failed: 'the patient could not be loaded',
    catalogueFailed: 'the regimens could not be loaded',
  },
  header: {
    patient: 'Patient',
    hospital: 'Hospital',
    study: 'Study · arm',
    enrolled: 'Enrolled',
    dayZero: 'day 0 of the endpoints',
    weight: 'Weight',
    latestWeight: 'latest recorded',
    baselinePsa: 'Baseline PSA',
    therapy: 'Therapy',
    noTherapy: 'none yet',
    died: 'Died',
    lastContact: 'Last contact',
  },
  next: {
    title: 'Next cycle',
    ordersOn: 'Its dose orders on',
    order: 'Order',
    notOrdered: 'not ordered yet',
    orderDue: 'Order due cycles now',
    ordering: 'Ordering…',
    orderDueHint:
      'Cycles are ordered 14 days ahead, once the cycle before was given; the server also does this on its own.',
    orderFailed: 'the due cycles could not be ordered',
    completed: 'Every cycle was given: the therapy is complete.',
    noneLeft: 'No cycle is left to give.',
  },
  actions: {
    group: 'Record on the pathway',
    pet: { label: 'Record a PET scan', done: 'PET scan recorded.' },
    therapy: { label: 'Start therapy', done: 'Therapy started.' },
    change: { label: 'Change a cycle', done: 'Change recorded.' },
    visit: { label: 'Record a visit', done: 'Visit recorded.' },
    vital: { label: 'Vital status', done: 'Vital status recorded.' },
  },
  form: { saving: 'Saving…', cancel: 'Cancel', optional: 'optional', required: 'required' },
  enrol: {
    title: 'Enrol a patient',
    submit: 'Enrol',
    failed: 'the patient could not be enrolled',
    reference: 'Reference',
    referenceHint: 'pseudonymous, no names',
    weight: 'Weight (kg)',
    enrolledOn: 'Enrolled on',
    enrolledHint: 'day 0',
    baselinePsa: 'Baseline PSA (ng/mL)',
    studyCode: 'Study code',
    arm: 'Arm',
    diseaseVolume: 'Disease volume',
    presentation: 'Presentation',
    priorLu177: 'Prior Lu-177',
    notRecorded: 'not recorded',
    volumes: [
      { value: 'high', label: 'high volume' },
      { value: 'low', label: 'low volume' },
    ],
    presentations: [
      { value: 'de_novo', label: 'de novo' },
      { value: 'recurrent', label: 'recurrent' },
    ],
    yesNo: [
      { value: 'no', label: 'no' },
      { value: 'yes', label: 'yes' },
    ],
    lesions: 'Baseline target lesions (RECIST 1.1, at most 5)',
    addLesion: 'Add a target lesion',
  },
  lesion: {
    group: 'Target lesion',
    label: 'Label',
    organ: 'Organ or node',
    node: 'lymph node',
    nodeSuffix: 'node',
    longest: 'Longest diameter (mm)',
    shortAxis: 'Short axis (mm)',
    remove: 'Remove',
    removeLabel: 'Remove lesion',
  },
  pet: {
    title: 'Record a PET scan',
    submit: 'Record PET scan',
    failed: 'the PET scan could not be recorded',
    tracer: 'Tracer',
    scannedOn: 'Scanned on',
    suvMax: 'SUVmax',
    result: 'Result',
    notes: 'Notes',
    loading: 'Loading…',
  },
  therapy: {
    title: 'Start therapy',
    submit: 'Start therapy',
    failed: 'the therapy could not be started',
    regimen: 'Regimen',
    loading: 'Loading the regimens…',
    notNow: 'Not now:',
    source: 'Source:',
    firstOn: 'First cycle on',
    choice: 'Activity per cycle',
    choiceHint: 'the regimen offers these',
  },
  change: {
    title: 'Change a cycle',
    submit: 'Record change',
    failed: 'the change could not be recorded',
    kind: 'Change',
    cycle: 'Cycle',
    fromCycle: 'From cycle',
    stopBefore: 'Stop before cycle',
    days: 'Delay (days)',
    daysHint: 'moves the later cycles too',
    reason: 'Reason',
    noReduced: 'the regimen’s source gives no reduced dose',
  },
  visit: {
    title: 'Record a visit',
    submit: 'Record visit',
    failed: 'the visit could not be recorded',
    visitOn: 'Visit on',
    psa: 'PSA (ng/mL)',
    weight: 'Weight (kg)',
    lesions: 'Target lesions measured again (all or none)',
    noLesions: 'No baseline target lesions: nothing to measure.',
    newLesions: 'New lesions',
    progression: 'Radiographic progression',
    adverse: 'Adverse events (CTCAE)',
    adverseGroup: 'Adverse event',
    term: 'Term',
    grade: 'Grade',
    remove: 'Remove',
    removeLabel: 'Remove adverse event',
    addAdverse: 'Add an adverse event',
  },
  vital: {
    title: 'Vital status',
    submit: 'Record vital status',
    failed: 'the vital status could not be recorded',
    died: 'The patient died',
    diedOn: 'Died on',
    lastContactOn: 'Last contact on',
    source: 'Source',
    sourceHint: 'e.g. clinic visit, telephone, registry',
  },
  timeline: {
    title: 'Timeline',
    key: 'Timeline key',
    caption:
      'Calendar days. Hover a mark for its details; scroll or drag the bar to zoom along time. The cycle table and the visits below list the same figures.',
    lanes: { pet: 'PET', cycles: 'Cycles', adverse: 'Adverse events', outcome: 'Outcome' },
    outcomes: {
      'psa-progression': 'PSA progression',
      'radiographic-progression': 'Radiographic progression',
      death: 'Death',
      'last-contact': 'Last contact',
    },
    marks: {
      pet: 'PET scan',
      petKey: 'PET scan (filled: positive)',
      window: 'Cycle window',
      windowKey: 'Cycle window (±days)',
      planned: 'Cycle planned',
      ordered: 'Cycle ordered',
      given: 'Cycle given',
      grade: (g: number) => `Adverse event grade ${g}`,
      gradeKey: (g: number) => `AE grade ${g}`,
      psa: 'PSA (ng/mL)',
      psaKey: 'PSA (ng/mL, log scale)',
      sld: 'Target lesions (mm)',
      sldKey: 'Sum of target lesions (mm) with RECIST response',
    },
    psaAxis: 'PSA (ng/mL)',
    sldAxis: 'Target lesions (mm)',
    today: 'today',
    progression: 'progression',
    death: 'death',
  },
  endpoints: {
    title: 'Endpoints',
    caption:
      'Derived from the visits: PSA change from baseline (PSA50/90: a fall of at least 50%/90%), RECIST 1.1 best overall response, radiographic progression-free and overall survival in months from enrolment.',
  },
  therapyCard: {
    title: 'Therapy:',
    source: 'Source of the regimen',
    warnings: 'Therapy warnings',
    table: 'Therapy cycles',
    columns: ['Cycle', 'Due', 'Gap', 'Activity', 'Order', 'Given', 'Reasons'],
    stopped: 'Stopped before this cycle:',
    changes: 'Changes recorded',
  },
  visits: {
    title: 'Scans and visits',
    noPet: 'No PET scan recorded.',
    noVisit: 'No visit recorded.',
    pets: 'PET scans',
    petColumns: ['PET scan', 'Tracer', 'Result', 'SUVmax', 'Notes'],
    table: 'Visits',
    visitColumns: ['Visit', 'PSA', 'Weight', 'Target lesions', 'New lesions', 'Adverse events'],
    progression: 'radiographic progression',
    yes: 'yes',
    no: 'no',
  },
  /** What a form says of a value it cannot take, before asking the server. */
  issues: {
    expected: (what: string) => `expected ${what}`,
    enter: (what: string) => `enter ${what}`,
    what: {
      weight: 'the weight in kg',
      kilograms: 'kilograms',
      psa: 'a PSA in ng/mL',
      number: 'a number',
      days: 'the days of the delay',
      lesionDiameter: (lesion: string) => `${lesion}’s diameter in mm`,
    },
    reference: 'enter the patient’s pseudonymous reference',
    lesionLabel: (i: number) => `lesion ${i + 1}: give it a label (e.g. T1)`,
    lesionOrgan: (i: number) => `lesion ${i + 1}: name the organ or node`,
    tracer: 'choose the tracer',
    scannedOn: 'enter the day of the scan',
    positive: 'say whether the scan is positive',
    regimen: 'choose a regimen',
    firstOn: 'enter the day of the first cycle',
    cycle: 'choose a cycle',
    wholeDays: 'whole days',
    changeReason: 'every change to a therapy plan needs a reason',
    visitOn: 'enter the day of the visit',
    allLesions: (missing: readonly string[]) =>
      `measure every target lesion, or none (missing ${missing.join(', ')})`,
    deathOn: 'enter the day of death',
    lastContactOn: 'enter the day of the last contact',
    vitalSource: 'say where this comes from',
  },
} as const;

/** CTCAE grades in words. */
export const AE_GRADES: readonly { grade: number; label: string }[] = [
  { grade: 1, label: 'mild' },
  { grade: 2, label: 'moderate' },
  { grade: 3, label: 'severe' },
  { grade: 4, label: 'life-threatening' },
  { grade: 5, label: 'death' },
];

/** Adverse events of radioligand therapy a physician records most, offered as they type. */
export const AE_TERMS: readonly string[] = [
  'Dry mouth',
  'Fatigue',
  'Nausea',
  'Anaemia',
  'Platelet count decreased',
  'Neutrophil count decreased',
  'Lymphocyte count decreased',
  'Acute kidney injury',
  'Dry eye',
  'Decreased appetite',
];

// --- Sentences with figures

const STAGE: Record<Stage, Badge> = {
  screening: { label: 'screening', tone: 'neutral', title: 'enrolled; no therapy plan yet' },
  'on therapy': { label: 'on therapy', tone: 'info', title: 'an active therapy plan' },
  'follow-up': { label: 'follow-up', tone: 'good', title: 'therapy ended; followed up' },
  died: { label: 'died', tone: 'bad', title: 'death recorded' },
};

/** A patient's stage as a badge. */
export function stageBadge(stage: Stage): Badge {
  return STAGE[stage];
}

export const STAGES: readonly Stage[] = ['screening', 'on therapy', 'follow-up', 'died'];

/** "7,400 MBq" for a fixed dose, "0.1 MBq/kg" for one by weight. */
export function regimenDoseText(regimen: Pick<Regimen, 'dose'>, unit: DisplayUnit): string {
  return regimen.dose.kind === 'fixed'
    ? formatActivity(regimen.dose.bq, unit)
    : `${formatActivity(regimen.dose.bqPerKg, unit)}/kg`;
}

/** "every 42 days (±7), up to 6 cycles". */
export function scheduleText(
  regimen: Pick<Regimen, 'intervalDays' | 'windowDays' | 'maxCycles'>,
): string {
  return `every ${regimen.intervalDays} days (±${regimen.windowDays}), up to ${regimen.maxCycles} cycles`;
}

/**
 * The activity a new plan would prescribe: the fixed dose (or the choice made), or the dose per kg
 * times the patient's weight.
 */
export function plannedActivityBq(
  regimen: Pick<Regimen, 'dose'>,
  weightKg: number,
  choiceBq?: number,
): number {
  if (choiceBq !== undefined) return choiceBq;
  return regimen.dose.kind === 'fixed' ? regimen.dose.bq : regimen.dose.bqPerKg * weightKg;
}

/** Why a regimen cannot be started for this patient now, or undefined. */
export function regimenRefusal(
  regimen: Pick<Regimen, 'productCode' | 'target'>,
  pets: PatientDetail['pets'],
  criterion: string | undefined,
): string | undefined {
  if (regimen.productCode === null) return 'not made in this network: it cannot be ordered here';
  const latest = pets
    .filter((p) => p.target === regimen.target)
    .sort((a, b) => a.scannedOn.localeCompare(b.scannedOn))
    .at(-1);
  const wanted = criterion ?? `${regimen.target}-positive`;
  if (latest === undefined) return `needs a ${wanted} PET scan first`;
  if (!latest.positive) return `the latest ${regimen.target} PET was not ${wanted}`;
  return undefined;
}

/** "standard", "reduced", "chosen 10 MBq". */
export function levelText(level: DoseLevel, unit: DisplayUnit): string {
  switch (level.kind) {
    case 'standard':
      return 'standard';
    case 'reduced':
      return 'reduced';
    case 'choice':
      return `chosen ${formatActivity(level.bq, unit)}`;
  }
}

/** Where a cycle stands: given, ordered (its order's status), or planned. */
export type CycleState = 'given' | 'ordered' | 'planned';

export function cycleState(c: Pick<Cycle, 'administeredOn' | 'order'>): CycleState {
  if (c.administeredOn !== null) return 'given';
  if (c.order !== null && c.order.status !== 'cancelled' && c.order.status !== 'rejected')
    return 'ordered';
  return 'planned';
}

const CYCLE_STATE: Record<CycleState, Badge> = {
  given: { label: 'given', tone: 'good', title: 'the dose was given' },
  ordered: { label: 'ordered', tone: 'warn', title: 'its dose is ordered from the network' },
  planned: { label: 'planned', tone: 'neutral', title: 'not ordered yet' },
};

export function cycleStateBadge(state: CycleState): Badge {
  return CYCLE_STATE[state];
}

/** "window 8 Dec 2026 – 22 Dec 2026": the days around a cycle's that need no reason. */
export function windowRange(c: Pick<Cycle, 'earliestOn' | 'latestOn'>): string {
  return `window ${dayText(c.earliestOn)} – ${dayText(c.latestOn)}`;
}

/** "15 Dec 2026 (window 8 Dec 2026 – 22 Dec 2026)": the due day and its window. */
export function windowText(c: Pick<Cycle, 'dueOn' | 'earliestOn' | 'latestOn'>): string {
  return `${dayText(c.dueOn)} (${windowRange(c)})`;
}

/** An order's status as the orders screen writes it ("in production"). */
export function orderStatusText(status: string): string {
  return status.replaceAll('_', ' ');
}

/** "calibrated for 15 Dec 10:00" in the zone; '' without a time. */
export function calibrationText(calibrationAt: string | null, zone: string): string {
  return calibrationAt === null
    ? ''
    : `calibrated for ${dayClockIn(Date.parse(calibrationAt), zone)}`;
}

/** "Cycle 3 of 6". */
export function cycleTitle(c: Pick<Cycle, 'cycle'>, regimen: Pick<Regimen, 'maxCycles'>): string {
  return `Cycle ${c.cycle} of ${regimen.maxCycles}`;
}

/** "Delay cycle 3 by 8 days", "Reduce from cycle 2", "Stop before cycle 5". */
export function changeText(c: Pick<TherapyChangeRecord, 'kind' | 'cycle' | 'days'>): string {
  switch (c.kind) {
    case 'delay':
      return `Delay cycle ${c.cycle} by ${c.days ?? 0} day${c.days === 1 ? '' : 's'}`;
    case 'reduce':
      return `Reduce from cycle ${c.cycle}`;
    case 'stop':
      return `Stop before cycle ${c.cycle}`;
  }
}

export const CHANGE_KINDS: readonly { kind: ChangeKind; label: string }[] = [
  { kind: 'delay', label: 'Delay' },
  { kind: 'reduce', label: 'Reduce the dose' },
  { kind: 'stop', label: 'Stop the therapy' },
];

const THERAPY_STATUS: Record<Therapy['status'], Badge> = {
  active: { label: 'active', tone: 'info' },
  stopped: { label: 'stopped', tone: 'bad' },
  completed: { label: 'completed', tone: 'good' },
};

export function therapyStatusBadge(status: Therapy['status']): Badge {
  return THERAPY_STATUS[status];
}

/** "high volume · de novo · no prior Lu-177", the characteristics recorded; '' when none. */
export function characteristicsText(
  p: Pick<PatientDetail, 'diseaseVolume' | 'presentation' | 'priorLu177'>,
): string {
  return [
    p.diseaseVolume === null ? null : `${p.diseaseVolume} volume`,
    p.presentation === null ? null : p.presentation === 'de_novo' ? 'de novo' : 'recurrent',
    p.priorLu177 === null ? null : p.priorLu177 ? 'prior Lu-177' : 'no prior Lu-177',
  ]
    .filter((x): x is string => x !== null)
    .join(' · ');
}

/** "SYN-LUPSMA · Lu-177 PSMA-617 + SoC", "no study". */
export function studyText(p: Pick<PatientDetail, 'studyCode' | 'arm'>): string {
  if (p.studyCode === null) return p.arm ?? 'no study';
  return p.arm === null ? p.studyCode : `${p.studyCode} · ${p.arm}`;
}

/** A PSA in ng/mL: "8.4 ng/mL". */
export function psaText(psa: number | null): string {
  return psa === null ? '—' : `${formatNumber(psa)} ng/mL`;
}

/** "Dry mouth G2, Fatigue G1". */
export function adverseEventsText(events: readonly { term: string; grade: number }[]): string {
  return events.length === 0 ? '—' : events.map((e) => `${e.term} G${e.grade}`).join(', ');
}

/** The derived endpoints as figure and note, in the order the page shows them. */
export function endpointFigures(e: Endpoints): { label: string; value: string; note: string }[] {
  const yes = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'no');
  return [
    {
      label: 'Best PSA change',
      value: e.bestPsaChangePct === null ? '—' : signedPct(e.bestPsaChangePct),
      note: `PSA50 ${yes(e.psa50)} · PSA90 ${yes(e.psa90)}`,
    },
    {
      label: 'PSA progression',
      value: e.psaProgressionOn === null ? 'none' : dayText(e.psaProgressionOn),
      note: 'PCWG3',
    },
    {
      label: 'Best overall response',
      value: e.bestResponse,
      note: e.measurable ? RESPONSE_LABEL[e.bestResponse] : 'no measurable disease at baseline',
    },
    {
      label: 'rPFS',
      value: `${monthsValue(e.rpfs.months)} months`,
      note: e.rpfs.event
        ? e.radiographicProgressionOn === null
          ? 'died without radiographic progression'
          : `progressed ${dayText(e.radiographicProgressionOn)}`
        : 'censored: no progression so far',
    },
    {
      label: 'OS',
      value: `${monthsValue(e.os.months)} months`,
      note: e.os.event ? 'died' : 'censored: alive at last contact',
    },
    {
      label: 'Worst adverse event',
      value: e.worstAdverseGrade === 0 ? 'none' : `grade ${e.worstAdverseGrade}`,
      note: 'CTCAE',
    },
  ];
}

/** The stage and regimen line of a list row: "PLUVICTO", "no therapy". */
export function regimenCodeText(code: string | null): string {
  return code ?? 'no therapy';
}

/** What "order due cycles" did: how many it ordered, or when the next one orders; failures. */
export function orderDueText(
  reply: { ordered: number; failed: readonly { cycle: number; reason: string }[] },
  next: Pick<Cycle, 'cycle' | 'orderOn' | 'order'> | null,
): { done?: string; error?: string } {
  const failed = reply.failed.map((f) => `cycle ${f.cycle}: ${f.reason}`).join('; ');
  const done =
    reply.ordered > 0
      ? `Ordered ${reply.ordered} cycle${reply.ordered === 1 ? '' : 's'}.`
      : next === null || next.order !== null
        ? 'Nothing is due to order.'
        : `Nothing is due to order yet: cycle ${next.cycle} orders on ${dayText(next.orderOn)}.`;
  return failed === '' ? { done } : { done, error: `Not ordered: ${failed}` };
}

/** "12 of 38 patients shown." */
export function shownText(shown: number, total: number): string {
  return `${shown} of ${total} patient${total === 1 ? '' : 's'} shown.`;
}

/** "Load 200 more". */
export function loadMoreText(n: number): string {
  return `Load ${n} more`;
}

/** Why a therapy has no next cycle. */
export function noNextCycleText(t: Pick<Therapy, 'status' | 'stopped'>): string {
  if (t.status === 'stopped' && t.stopped)
    return `Therapy stopped before cycle ${t.stopped.cycle}: ${t.stopped.reason}`;
  return t.status === 'completed' ? WORDS.next.completed : WORDS.next.noneLeft;
}

/** "7,400 MBq of LU177-PSMA617". */
export function doseOfText(
  activityBq: number,
  regimen: Pick<Regimen, 'productCode' | 'name'>,
  unit: DisplayUnit,
): string {
  return `${formatActivity(activityBq, unit)} of ${regimen.productCode ?? regimen.name}`;
}

/** "7,400 MBq (standard), every 42 days (±7), up to 6 cycles; first cycle 15 Dec 2026." */
export function therapyMetaText(
  t: Pick<Therapy, 'regimen' | 'level' | 'firstOn'>,
  unit: DisplayUnit,
): string {
  return `${regimenDoseText(t.regimen, unit)} (${levelText(t.level, unit)}), ${scheduleText(t.regimen)}; first cycle ${dayText(t.firstOn)}.`;
}

/** A regimen as the picker shows it: "Lu-177 · PSMA · 7,400 MBq · every 42 days (±7), up to 6 cycles · reduced 5,900 MBq". */
export function regimenLineText(r: Regimen, weightKg: number, unit: DisplayUnit): string {
  const perKg =
    r.dose.kind === 'per_kg'
      ? ` (${formatActivity(plannedActivityBq(r, weightKg), unit)} at ${formatNumber(weightKg)} kg)`
      : '';
  const reduced =
    r.reducedDoseBq === null ? '' : ` · reduced ${formatActivity(r.reducedDoseBq, unit)}`;
  return `${r.nuclide} · ${r.target} · ${regimenDoseText(r, unit)}${perKg} · ${scheduleText(r)}${reduced}`;
}

/** A change's choice in the form: "Reduce the dose to 5,900 MBq". */
export function changeKindText(
  kind: ChangeKind,
  reducedBq: number | null,
  unit: DisplayUnit,
): string {
  const label = CHANGE_KINDS.find((k) => k.kind === kind)?.label ?? kind;
  return kind === 'reduce' && reducedBq !== null
    ? `${label} to ${formatActivity(reducedBq, unit)}`
    : label;
}

/** "Cycle 2 · due 2 Feb 2027". */
export function cycleOptionText(c: Pick<Cycle, 'cycle' | 'dueOn'>): string {
  return `Cycle ${c.cycle} · due ${dayText(c.dueOn)}`;
}

/** "orders on 19 Jan 2027". */
export function ordersOnText(date: string): string {
  return `orders on ${dayText(date)}`;
}

/** "49 d", "—". */
export function gapText(days: number | null): string {
  return days === null ? '—' : `${days} d`;
}

/** A PET's result: "PSMA-positive", "not PSMA-positive". */
export function petResultText(positive: boolean, criterion: string): string {
  return positive ? criterion : `not ${criterion}`;
}

/** "32 mm". */
export function mmText(mm: number): string {
  return `${formatNumber(Math.round(mm * 10) / 10)} mm`;
}

/** "78 kg", "—". */
export function kgText(kg: number | null): string {
  return kg === null ? '—' : `${formatNumber(kg)} kg`;
}

/** A lesion row's name: "lesion 2" at enrolment, "T1 (liver, node)" at a visit. */
export function lesionName(
  l: { id: string; organ: string; node: boolean },
  index: number,
  editable: boolean,
): string {
  return editable
    ? `lesion ${index + 1}`
    : `${l.id} (${l.organ}${l.node ? `, ${WORDS.lesion.nodeSuffix}` : ''})`;
}

/** "3 · severe". */
export function gradeOptionText(g: { grade: number; label: string }): string {
  return `${g.grade} · ${g.label}`;
}

/** What the timeline draws, for a screen reader. */
export function timelineLabel(
  reference: string,
  counts: { pets: number; cycles: number; psa: number; sld: number; adverse: number },
): string {
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  return `Timeline of ${reference}: ${n(counts.pets, 'PET scan')}, ${n(counts.cycles, 'therapy cycle')}, ${n(counts.psa, 'PSA value')}, ${n(counts.sld, 'lesion measurement')}, ${n(counts.adverse, 'adverse event mark')}`;
}

/** The timeline's tooltips, line by line ("\n"). */
export const TIPS = {
  pet: (s: Pick<PetScan, 'tracer' | 'scannedOn' | 'positive' | 'criterion' | 'suvMax'>) =>
    `${s.tracer} PET · ${dayText(s.scannedOn)}\n${petResultText(s.positive, s.criterion)}${s.suvMax === null ? '' : ` · SUVmax ${formatNumber(s.suvMax)}`}`,
  cycle: (c: Cycle, maxCycles: number, unit: DisplayUnit, zone: string) => {
    const state = cycleState(c);
    return [
      `Cycle ${c.cycle} of ${maxCycles} · ${formatActivity(c.administeredBq ?? c.activityBq, unit)}`,
      state === 'given'
        ? `given ${dayText(c.administeredOn)} (due ${dayText(c.dueOn)})`
        : `due ${dayText(c.dueOn)}, ${windowRange(c)}`,
      state === 'ordered' && c.order
        ? [`order ${orderStatusText(c.order.status)}`, calibrationText(c.order.calibrationAt, zone)]
            .filter((x) => x !== '')
            .join(', ')
        : state === 'planned'
          ? ordersOnText(c.orderOn)
          : '',
      ...c.reasons,
    ]
      .filter((l) => l !== '')
      .join('\n');
  },
  psa: (psa: number, on: string, baseline: boolean, drawnAt: number | null) =>
    `PSA ${formatNumber(psa)} ng/mL${drawnAt === null ? '' : ` (drawn at ${drawnAt})`} · ${dayText(on)}${baseline ? ' · baseline' : ''}`,
  baselineLesions: (sumMm: number, on: string) =>
    `Target lesions ${mmText(sumMm)} · baseline ${dayText(on)}`,
  assessment: (a: Assessment) =>
    `Target lesions ${mmText(a.sumMm)} (${a.changeFromBaseline >= 0 ? '+' : '−'}${Math.abs(Math.round(a.changeFromBaseline * 100))}% from baseline) · ${dayText(a.on)}\n${a.response} — ${RESPONSE_LABEL[a.response]}`,
  adverse: (grade: number, on: string, events: readonly { term: string; grade: number }[]) =>
    `Grade ${grade} · ${dayText(on)}\n${adverseEventsText(events)}`,
  outcome: (label: string, on: string) => `${label} · ${dayText(on)}`,
};
