import type { Badge } from '../batches/batch-status.js';
import { i18n } from '../i18n/i18n.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import { dayText, monthsValue, responseLabel, responseText, signedPct } from './clinical-text.js';
import { en } from './messages.js';
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
import { serverText } from '../i18n/server-texts.js';

/**
 * The patients screen's sentences that carry figures (regimens, cycles, orders, endpoints, the
 * timeline's tooltips), in the language the screens speak (messages.ts holds the words). Pure.
 */

/** CTCAE grades 1–5, each with its words' key. */
const AE_GRADE_KEYS = ['mild', 'moderate', 'severe', 'lifeThreatening', 'death'] as const;
export const AE_GRADES: readonly number[] = [1, 2, 3, 4, 5];

/** CTCAE grade in words: 3 → "severe". */
export function aeGradeText(grade: number): string {
  const key = AE_GRADE_KEYS[grade - 1];
  return key === undefined ? String(grade) : i18n.t(`patients:aeGrade.${key}`);
}

/**
 * Adverse events of radioligand therapy a physician records most, offered as they type: the CTCAE
 * term recorded (English, as CTCAE names it) and its words' key for what the suggestion shows.
 */
export const AE_TERMS: readonly { term: string; key: keyof typeof en.aeTerm }[] = (
  Object.keys(en.aeTerm) as (keyof typeof en.aeTerm)[]
).map((key) => ({ term: en.aeTerm[key], key }));

// --- Sentences with figures

const STAGE: Record<Stage, { key: keyof typeof en.stage; tone: Badge['tone'] }> = {
  screening: { key: 'screening', tone: 'neutral' },
  'on therapy': { key: 'onTherapy', tone: 'info' },
  'follow-up': { key: 'followUp', tone: 'good' },
  died: { key: 'died', tone: 'bad' },
};

/** A patient's stage as a badge. */
export function stageBadge(stage: Stage): Badge {
  const { key, tone } = STAGE[stage];
  return {
    label: i18n.t(`patients:stage.${key}.label`),
    tone,
    title: i18n.t(`patients:stage.${key}.title`),
  };
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
  return i18n.t('patients:regimen.schedule', {
    interval: regimen.intervalDays,
    window: regimen.windowDays,
    max: regimen.maxCycles,
  });
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
  if (regimen.productCode === null) return i18n.t('patients:regimen.notMade');
  const latest = pets
    .filter((p) => p.target === regimen.target)
    .sort((a, b) => a.scannedOn.localeCompare(b.scannedOn))
    .at(-1);
  const wanted = criterion ?? i18n.t('patients:regimen.positiveFor', { target: regimen.target });
  if (latest === undefined) return i18n.t('patients:regimen.needsPet', { wanted });
  if (!latest.positive)
    return i18n.t('patients:regimen.notPositive', { target: regimen.target, wanted });
  return undefined;
}

/** "standard", "reduced", "chosen 10 MBq". */
export function levelText(level: DoseLevel, unit: DisplayUnit): string {
  switch (level.kind) {
    case 'standard':
      return i18n.t('patients:level.standard');
    case 'reduced':
      return i18n.t('patients:level.reduced');
    case 'choice':
      return i18n.t('patients:level.choice', { amount: formatActivity(level.bq, unit) });
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

const CYCLE_TONE: Record<CycleState, Badge['tone']> = {
  given: 'good',
  ordered: 'warn',
  planned: 'neutral',
};

export function cycleStateBadge(state: CycleState): Badge {
  return {
    label: i18n.t(`patients:cycleState.${state}.label`),
    tone: CYCLE_TONE[state],
    title: i18n.t(`patients:cycleState.${state}.title`),
  };
}

/** "window 8 Dec 2026 – 22 Dec 2026": the days around a cycle's that need no reason. */
export function windowRange(c: Pick<Cycle, 'earliestOn' | 'latestOn'>): string {
  return i18n.t('patients:cycle.window', { from: dayText(c.earliestOn), to: dayText(c.latestOn) });
}

/** "15 Dec 2026 (window 8 Dec 2026 – 22 Dec 2026)": the due day and its window. */
export function windowText(c: Pick<Cycle, 'dueOn' | 'earliestOn' | 'latestOn'>): string {
  return i18n.t('patients:cycle.dueWithWindow', { due: dayText(c.dueOn), window: windowRange(c) });
}

/** An order's status as the orders screen writes it ("in production"). */
export function orderStatusText(status: string): string {
  return status in en.orderStatus
    ? i18n.t(`patients:orderStatus.${status as keyof typeof en.orderStatus}`)
    : status.replaceAll('_', ' ');
}

/** "calibrated for 15 Dec 10:00" in the zone; '' without a time. */
export function calibrationText(calibrationAt: string | null, zone: string): string {
  return calibrationAt === null
    ? ''
    : i18n.t('patients:cycle.calibrated', { time: dayClockIn(Date.parse(calibrationAt), zone) });
}

/** "Cycle 3 of 6". */
export function cycleTitle(c: Pick<Cycle, 'cycle'>, regimen: Pick<Regimen, 'maxCycles'>): string {
  return i18n.t('patients:cycle.title', { cycle: c.cycle, max: regimen.maxCycles });
}

/** "Delay cycle 3 by 8 days", "Reduce from cycle 2", "Stop before cycle 5". */
export function changeText(c: Pick<TherapyChangeRecord, 'kind' | 'cycle' | 'days'>): string {
  switch (c.kind) {
    case 'delay':
      return i18n.t('patients:changes.delay', { cycle: c.cycle, count: c.days ?? 0 });
    case 'reduce':
      return i18n.t('patients:changes.reduce', { cycle: c.cycle });
    case 'stop':
      return i18n.t('patients:changes.stop', { cycle: c.cycle });
  }
}

export const CHANGE_KINDS: readonly ChangeKind[] = ['delay', 'reduce', 'stop'];

const THERAPY_TONE: Record<Therapy['status'], Badge['tone']> = {
  active: 'info',
  stopped: 'bad',
  completed: 'good',
};

export function therapyStatusBadge(status: Therapy['status']): Badge {
  return { label: i18n.t(`patients:therapyStatus.${status}`), tone: THERAPY_TONE[status] };
}

/** "high volume · de novo · no prior Lu-177", the characteristics recorded; '' when none. */
export function characteristicsText(
  p: Pick<PatientDetail, 'diseaseVolume' | 'presentation' | 'priorLu177'>,
): string {
  return [
    p.diseaseVolume === null ? null : i18n.t(`patients:characteristics.volume.${p.diseaseVolume}`),
    p.presentation === null
      ? null
      : i18n.t(`patients:characteristics.presentation.${p.presentation}`),
    p.priorLu177 === null
      ? null
      : i18n.t(
          p.priorLu177 ? 'patients:characteristics.prior' : 'patients:characteristics.noPrior',
        ),
  ]
    .filter((x): x is string => x !== null)
    .join(' · ');
}

/** "SYN-LUPSMA · Lu-177 PSMA-617 + SoC", "no study". */
export function studyText(p: Pick<PatientDetail, 'studyCode' | 'arm'>): string {
  if (p.studyCode === null) return p.arm ?? i18n.t('patients:list.noStudyCell');
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
  const yes = (b: boolean | null) =>
    b === null ? '—' : i18n.t(b ? 'patients:endpoints.yes' : 'patients:endpoints.no');
  const none = i18n.t('patients:endpoints.none');
  const months = (m: number | null) =>
    i18n.t('patients:endpoints.months', { months: monthsValue(m) });
  return [
    {
      label: i18n.t('patients:endpoints.bestPsa'),
      value: e.bestPsaChangePct === null ? '—' : signedPct(e.bestPsaChangePct),
      note: i18n.t('patients:endpoints.psaNote', { psa50: yes(e.psa50), psa90: yes(e.psa90) }),
    },
    {
      label: i18n.t('patients:endpoints.psaProgression'),
      value: e.psaProgressionOn === null ? none : dayText(e.psaProgressionOn),
      note: 'PCWG3',
    },
    {
      label: i18n.t('patients:endpoints.bestResponse'),
      value: e.bestResponse,
      note: e.measurable
        ? responseLabel(e.bestResponse)
        : i18n.t('patients:endpoints.notMeasurable'),
    },
    {
      label: i18n.t('patients:endpoints.rpfs'),
      value: months(e.rpfs.months),
      note: e.rpfs.event
        ? e.radiographicProgressionOn === null
          ? i18n.t('patients:endpoints.diedWithoutProgression')
          : i18n.t('patients:endpoints.progressed', { date: dayText(e.radiographicProgressionOn) })
        : i18n.t('patients:endpoints.censoredProgression'),
    },
    {
      label: i18n.t('patients:endpoints.os'),
      value: months(e.os.months),
      note: i18n.t(e.os.event ? 'patients:endpoints.died' : 'patients:endpoints.censoredAlive'),
    },
    {
      label: i18n.t('patients:endpoints.worstAdverse'),
      value:
        e.worstAdverseGrade === 0
          ? none
          : i18n.t('patients:endpoints.grade', { grade: e.worstAdverseGrade }),
      note: 'CTCAE',
    },
  ];
}

/** The stage and regimen line of a list row: "PLUVICTO", "no therapy". */
export function regimenCodeText(code: string | null): string {
  return code ?? i18n.t('patients:list.noTherapy');
}

/** What "order due cycles" did: how many it ordered, or when the next one orders; failures. */
export function orderDueText(
  reply: { ordered: number; failed: readonly { cycle: number; reason: string }[] },
  next: Pick<Cycle, 'cycle' | 'orderOn' | 'order'> | null,
): { done?: string; error?: string } {
  const failed = reply.failed
    .map((f) =>
      i18n.t('patients:next.failedCycle', { cycle: f.cycle, reason: serverText(f.reason) }),
    )
    .join('; ');
  const done =
    reply.ordered > 0
      ? i18n.t('patients:next.ordered', { count: reply.ordered })
      : next === null || next.order !== null
        ? i18n.t('patients:next.nothingDue')
        : i18n.t('patients:next.nothingDueYet', {
            cycle: next.cycle,
            date: dayText(next.orderOn),
          });
  return failed === ''
    ? { done }
    : { done, error: i18n.t('patients:next.notOrderedError', { failed }) };
}

/** "12 of 38 patients shown." */
export function shownText(shown: number, total: number): string {
  return i18n.t('patients:list.shown', { shown, count: total });
}

/** "Load 200 more". */
export function loadMoreText(n: number): string {
  return i18n.t('patients:list.loadMore', { n });
}

/** Why a therapy has no next cycle. */
export function noNextCycleText(therapy: Pick<Therapy, 'status' | 'stopped'>): string {
  if (therapy.status === 'stopped' && therapy.stopped)
    return i18n.t('patients:next.stopped', {
      cycle: therapy.stopped.cycle,
      reason: therapy.stopped.reason,
    });
  return i18n.t(
    therapy.status === 'completed' ? 'patients:next.completed' : 'patients:next.noneLeft',
  );
}

/** "7,400 MBq of LU177-PSMA617". */
export function doseOfText(
  activityBq: number,
  regimen: Pick<Regimen, 'productCode' | 'name'>,
  unit: DisplayUnit,
): string {
  return i18n.t('patients:regimen.doseOf', {
    amount: formatActivity(activityBq, unit),
    product: regimen.productCode ?? regimen.name,
  });
}

/** "7,400 MBq (standard), every 42 days (±7), up to 6 cycles; first cycle 15 Dec 2026." */
export function therapyMetaText(
  therapy: Pick<Therapy, 'regimen' | 'level' | 'firstOn'>,
  unit: DisplayUnit,
): string {
  return i18n.t('patients:regimen.meta', {
    dose: regimenDoseText(therapy.regimen, unit),
    level: levelText(therapy.level, unit),
    schedule: scheduleText(therapy.regimen),
    date: dayText(therapy.firstOn),
  });
}

/** A regimen as the picker shows it: "Lu-177 · PSMA · 7,400 MBq · every 42 days (±7), up to 6 cycles · reduced 5,900 MBq". */
export function regimenLineText(r: Regimen, weightKg: number, unit: DisplayUnit): string {
  const perKg =
    r.dose.kind === 'per_kg'
      ? i18n.t('patients:regimen.perKg', {
          amount: formatActivity(plannedActivityBq(r, weightKg), unit),
          weight: formatNumber(weightKg),
        })
      : '';
  const reduced =
    r.reducedDoseBq === null
      ? ''
      : ` · ${i18n.t('patients:regimen.reduced', { amount: formatActivity(r.reducedDoseBq, unit) })}`;
  return `${r.nuclide} · ${r.target} · ${regimenDoseText(r, unit)}${perKg} · ${scheduleText(r)}${reduced}`;
}

/** A change's choice in the form: "Reduce the dose to 5,900 MBq". */
export function changeKindText(
  kind: ChangeKind,
  reducedBq: number | null,
  unit: DisplayUnit,
): string {
  return kind === 'reduce' && reducedBq !== null
    ? i18n.t('patients:change.reduceTo', { amount: formatActivity(reducedBq, unit) })
    : i18n.t(`patients:change.kinds.${kind}`);
}

/** "Cycle 2 · due 2 Feb 2027". */
export function cycleOptionText(c: Pick<Cycle, 'cycle' | 'dueOn'>): string {
  return i18n.t('patients:change.option', { cycle: c.cycle, date: dayText(c.dueOn) });
}

/** "orders on 19 Jan 2027". */
export function ordersOnText(date: string): string {
  return i18n.t('patients:cycle.ordersOn', { date: dayText(date) });
}

/** "49 d", "—". */
export function gapText(days: number | null): string {
  return days === null ? '—' : i18n.t('patients:therapyCard.gap', { days });
}

/** A PET's result: "PSMA-positive", "not PSMA-positive". */
export function petResultText(positive: boolean, criterion: string): string {
  return positive ? criterion : i18n.t('patients:pet.negative', { criterion });
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
  if (editable) return i18n.t('patients:lesion.numbered', { n: index + 1 });
  return i18n.t(l.node ? 'patients:lesion.namedNode' : 'patients:lesion.named', {
    id: l.id,
    organ: l.organ,
  });
}

/** "3 · severe". */
export function gradeOptionText(grade: number): string {
  return `${grade} · ${aeGradeText(grade)}`;
}

/** What the timeline draws, for a screen reader. */
export function timelineLabel(
  reference: string,
  counts: { pets: number; cycles: number; psa: number; sld: number; adverse: number },
): string {
  return i18n.t('patients:timeline.label', {
    reference,
    pets: i18n.t('patients:timeline.count.pets', { count: counts.pets }),
    cycles: i18n.t('patients:timeline.count.cycles', { count: counts.cycles }),
    psa: i18n.t('patients:timeline.count.psa', { count: counts.psa }),
    sld: i18n.t('patients:timeline.count.sld', { count: counts.sld }),
    adverse: i18n.t('patients:timeline.count.adverse', { count: counts.adverse }),
  });
}

/** An outcome's name on the timeline: "PSA progression". */
export function outcomeText(kind: keyof typeof en.timeline.outcomes): string {
  return i18n.t(`patients:timeline.outcomes.${kind}`);
}

/** The timeline's tooltips, line by line ("\n"). */
export const TIPS = {
  pet: (s: Pick<PetScan, 'tracer' | 'scannedOn' | 'positive' | 'criterion' | 'suvMax'>) =>
    `${s.tracer} PET · ${dayText(s.scannedOn)}\n${petResultText(s.positive, s.criterion)}${s.suvMax === null ? '' : ` · SUVmax ${formatNumber(s.suvMax)}`}`,
  cycle: (c: Cycle, maxCycles: number, unit: DisplayUnit, zone: string) => {
    const state = cycleState(c);
    return [
      `${cycleTitle(c, { maxCycles })} · ${formatActivity(c.administeredBq ?? c.activityBq, unit)}`,
      state === 'given'
        ? i18n.t('patients:tip.given', { given: dayText(c.administeredOn), due: dayText(c.dueOn) })
        : i18n.t('patients:tip.due', { due: dayText(c.dueOn), window: windowRange(c) }),
      state === 'ordered' && c.order
        ? [
            i18n.t('patients:tip.order', { status: orderStatusText(c.order.status) }),
            calibrationText(c.order.calibrationAt, zone),
          ]
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
    `PSA ${formatNumber(psa)} ng/mL${drawnAt === null ? '' : i18n.t('patients:tip.drawnAt', { floor: drawnAt })} · ${dayText(on)}${baseline ? ` · ${i18n.t('patients:tip.baseline')}` : ''}`,
  baselineLesions: (sumMm: number, on: string) =>
    i18n.t('patients:tip.baselineLesions', { sum: mmText(sumMm), date: dayText(on) }),
  assessment: (a: Assessment) =>
    `${i18n.t('patients:tip.assessment', {
      sum: mmText(a.sumMm),
      change: `${a.changeFromBaseline >= 0 ? '+' : '−'}${Math.abs(Math.round(a.changeFromBaseline * 100))}%`,
      date: dayText(a.on),
    })}\n${responseText(a.response)}`,
  adverse: (grade: number, on: string, events: readonly { term: string; grade: number }[]) =>
    `${i18n.t('patients:tip.adverse', { grade, date: dayText(on) })}\n${adverseEventsText(events)}`,
  outcome: (label: string, on: string) => `${label} · ${dayText(on)}`,
};
