import type { ServerErrors } from '../batches/server-errors.js';
import { parseAmount } from '../hospital/form-values.js';
import { i18n } from '../i18n/i18n.js';
import type {
  AdverseEvent,
  ChangeKind,
  Lesion,
  PatientCreate,
  PetScanCreate,
  TherapyChange,
  TherapyStart,
  VisitCreate,
  VitalStatus,
} from './patient-types.js';

/**
 * What the patients screen's forms send: the values as typed, read into the API's request bodies,
 * or the issues to show next to their fields (with the paths the server would name). Only what the
 * form can tell by itself is checked here; ranges and the pathway's rules are the server's. Pure.
 */

export type Built<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly errors: ServerErrors };

type Issue = { path: string; message: string };

/** What is wrong with `path` itself (not with what lies under it), if the errors name it. */
export function exactError(errors: ServerErrors | undefined, path: string): string | undefined {
  const found = errors?.issues.filter((i) => i.path === path) ?? [];
  return found.length === 0 ? undefined : found.map((i) => i.message).join('; ');
}

function built<T>(body: T, issues: readonly Issue[]): Built<T> {
  return issues.length === 0
    ? { ok: true, body }
    : { ok: false, errors: { message: issues.map((i) => i.message).join('; '), issues } };
}

/** An optional number: undefined when blank, an issue when unreadable. */
function optionalNumber(
  text: string,
  path: string,
  what: string,
  issues: Issue[],
): number | undefined {
  if (text.trim() === '') return undefined;
  const value = parseAmount(text);
  if (value === undefined)
    issues.push({ path, message: i18n.t('patients:issues.expected', { what }) });
  return value;
}

function requiredNumber(text: string, path: string, what: string, issues: Issue[]): number {
  const value = optionalNumber(text, path, what, issues);
  if (value === undefined && text.trim() === '')
    issues.push({ path, message: i18n.t('patients:issues.enter', { what }) });
  return value ?? Number.NaN;
}

const optionalText = (text: string) => (text.trim() === '' ? undefined : text.trim());

export interface LesionValues {
  readonly id: string;
  readonly organ: string;
  readonly node: boolean;
  readonly diameterMm: string;
}

export interface EnrolValues {
  readonly reference: string;
  readonly weightKg: string;
  readonly enrolledOn: string;
  readonly studyCode: string;
  readonly arm: string;
  readonly diseaseVolume: '' | 'high' | 'low';
  readonly presentation: '' | 'de_novo' | 'recurrent';
  readonly priorLu177: '' | 'yes' | 'no';
  readonly baselinePsa: string;
  readonly lesions: readonly LesionValues[];
}

/** The enrolment: reference and weight needed; target lesions filled in whole or left out. */
export function enrolRequest(v: EnrolValues): Built<PatientCreate> {
  const issues: Issue[] = [];
  if (v.reference.trim() === '')
    issues.push({ path: 'reference', message: i18n.t('patients:issues.reference') });
  const weightKg = requiredNumber(
    v.weightKg,
    'weightKg',
    i18n.t('patients:issues.what.weight'),
    issues,
  );
  const baselinePsaNgMl = optionalNumber(
    v.baselinePsa,
    'baselinePsaNgMl',
    i18n.t('patients:issues.what.psa'),
    issues,
  );
  const lesions: Lesion[] = [];
  v.lesions.forEach((l, i) => {
    if (l.id.trim() === '' && l.organ.trim() === '' && l.diameterMm.trim() === '') return;
    const path = `baselineLesions.${lesions.length}`;
    if (l.id.trim() === '')
      issues.push({
        path: `${path}.id`,
        message: i18n.t('patients:issues.lesionLabel', { n: i + 1 }),
      });
    if (l.organ.trim() === '')
      issues.push({
        path: `${path}.organ`,
        message: i18n.t('patients:issues.lesionOrgan', { n: i + 1 }),
      });
    const diameterMm = requiredNumber(
      l.diameterMm,
      `${path}.diameterMm`,
      i18n.t('patients:issues.what.lesionDiameter', {
        lesion: i18n.t('patients:lesion.numbered', { n: i + 1 }),
      }),
      issues,
    );
    lesions.push({ id: l.id.trim(), organ: l.organ.trim(), node: l.node, diameterMm });
  });
  const study = optionalText(v.studyCode);
  const arm = optionalText(v.arm);
  return built(
    {
      reference: v.reference.trim(),
      weightKg,
      ...(v.enrolledOn === '' ? {} : { enrolledOn: v.enrolledOn }),
      ...(study === undefined ? {} : { studyCode: study }),
      ...(arm === undefined ? {} : { arm }),
      ...(v.diseaseVolume === '' ? {} : { diseaseVolume: v.diseaseVolume }),
      ...(v.presentation === '' ? {} : { presentation: v.presentation }),
      ...(v.priorLu177 === '' ? {} : { priorLu177: v.priorLu177 === 'yes' }),
      ...(baselinePsaNgMl === undefined ? {} : { baselinePsaNgMl }),
      ...(lesions.length === 0 ? {} : { baselineLesions: lesions }),
    },
    issues,
  );
}

export interface PetValues {
  readonly tracer: string;
  readonly scannedOn: string;
  readonly positive: '' | 'yes' | 'no';
  readonly suvMax: string;
  readonly notes: string;
}

export function petRequest(v: PetValues): Built<PetScanCreate> {
  const issues: Issue[] = [];
  if (v.tracer === '') issues.push({ path: 'tracer', message: i18n.t('patients:issues.tracer') });
  if (v.scannedOn === '')
    issues.push({ path: 'scannedOn', message: i18n.t('patients:issues.scannedOn') });
  if (v.positive === '')
    issues.push({ path: 'positive', message: i18n.t('patients:issues.positive') });
  const suvMax = optionalNumber(v.suvMax, 'suvMax', i18n.t('patients:issues.what.number'), issues);
  const notes = optionalText(v.notes);
  return built(
    {
      tracer: v.tracer,
      scannedOn: v.scannedOn,
      positive: v.positive === 'yes',
      ...(suvMax === undefined ? {} : { suvMax }),
      ...(notes === undefined ? {} : { notes }),
    },
    issues,
  );
}

export interface TherapyValues {
  readonly regimenCode: string;
  readonly firstOn: string;
  /** One of the regimen's choices in Bq, '' for its standard dose. */
  readonly doseChoiceBq: string;
}

export function therapyRequest(v: TherapyValues): Built<TherapyStart> {
  const issues: Issue[] = [];
  if (v.regimenCode === '')
    issues.push({ path: 'regimenCode', message: i18n.t('patients:issues.regimen') });
  if (v.firstOn === '')
    issues.push({ path: 'firstOn', message: i18n.t('patients:issues.firstOn') });
  return built(
    {
      regimenCode: v.regimenCode,
      firstOn: v.firstOn,
      ...(v.doseChoiceBq === '' ? {} : { doseChoiceBq: Number(v.doseChoiceBq) }),
    },
    issues,
  );
}

export interface ChangeValues {
  readonly kind: ChangeKind;
  readonly cycle: string;
  readonly days: string;
  readonly reason: string;
}

/** A change to the plan: a delay needs its days; every change needs its reason. */
export function changeRequest(v: ChangeValues): Built<TherapyChange> {
  const issues: Issue[] = [];
  const cycle = Number(v.cycle);
  if (!Number.isInteger(cycle) || cycle < 1)
    issues.push({ path: 'cycle', message: i18n.t('patients:issues.cycle') });
  const days =
    v.kind === 'delay'
      ? requiredNumber(v.days, 'days', i18n.t('patients:issues.what.days'), issues)
      : undefined;
  if (days !== undefined && Number.isFinite(days) && !Number.isInteger(days))
    issues.push({ path: 'days', message: i18n.t('patients:issues.wholeDays') });
  if (v.reason.trim() === '')
    issues.push({ path: 'reason', message: i18n.t('patients:issues.changeReason') });
  return built(
    { kind: v.kind, cycle, ...(days === undefined ? {} : { days }), reason: v.reason.trim() },
    issues,
  );
}

export interface AeValues {
  readonly term: string;
  readonly grade: string;
}

export interface VisitValues {
  readonly visitOn: string;
  readonly psa: string;
  readonly weightKg: string;
  /** The baseline's target lesions, each with the diameter measured now ('' when not measured). */
  readonly lesions: readonly LesionValues[];
  readonly newLesions: boolean;
  readonly radiographicProgression: boolean;
  readonly adverseEvents: readonly AeValues[];
}

/** A visit: lesions measured all or none (RECIST compares the sum); AEs with a term. */
export function visitRequest(v: VisitValues): Built<VisitCreate> {
  const issues: Issue[] = [];
  if (v.visitOn === '')
    issues.push({ path: 'visitOn', message: i18n.t('patients:issues.visitOn') });
  const psaNgMl = optionalNumber(v.psa, 'psaNgMl', i18n.t('patients:issues.what.psa'), issues);
  const weightKg = optionalNumber(
    v.weightKg,
    'weightKg',
    i18n.t('patients:issues.what.kilograms'),
    issues,
  );
  const measured = v.lesions.filter((l) => l.diameterMm.trim() !== '');
  let lesions: Lesion[] | undefined;
  if (measured.length > 0 && measured.length < v.lesions.length) {
    const missing = v.lesions.filter((l) => l.diameterMm.trim() === '').map((l) => l.id);
    issues.push({
      path: 'lesions',
      message: i18n.t('patients:issues.allLesions', { missing: missing.join(', ') }),
    });
  } else if (measured.length > 0) {
    lesions = v.lesions.map((l, i) => ({
      id: l.id,
      organ: l.organ,
      node: l.node,
      diameterMm: requiredNumber(
        l.diameterMm,
        `lesions.${i}.diameterMm`,
        i18n.t('patients:issues.what.lesionDiameter', { lesion: l.id }),
        issues,
      ),
    }));
  }
  const adverseEvents: AdverseEvent[] = v.adverseEvents
    .filter((a) => a.term.trim() !== '')
    .map((a) => ({ term: a.term.trim(), grade: Number(a.grade) }));
  return built(
    {
      visitOn: v.visitOn,
      ...(psaNgMl === undefined ? {} : { psaNgMl }),
      ...(weightKg === undefined ? {} : { weightKg }),
      ...(lesions === undefined ? {} : { lesions, newLesions: v.newLesions }),
      ...(lesions === undefined && v.newLesions ? { newLesions: true } : {}),
      radiographicProgression: v.radiographicProgression,
      adverseEvents,
    },
    issues,
  );
}

export interface VitalValues {
  readonly died: boolean;
  readonly deathOn: string;
  readonly lastContactOn: string;
  readonly reason: string;
}

/** The last contact, or the death (then also the last contact). */
export function vitalRequest(v: VitalValues): Built<VitalStatus> {
  const issues: Issue[] = [];
  if (v.died && v.deathOn === '')
    issues.push({ path: 'deathOn', message: i18n.t('patients:issues.deathOn') });
  if (!v.died && v.lastContactOn === '')
    issues.push({ path: 'lastContactOn', message: i18n.t('patients:issues.lastContactOn') });
  if (v.reason.trim() === '')
    issues.push({ path: 'reason', message: i18n.t('patients:issues.vitalSource') });
  return built(
    {
      deathOn: v.died ? v.deathOn : null,
      lastContactOn: v.died ? v.deathOn : v.lastContactOn,
      reason: v.reason.trim(),
    },
    issues,
  );
}
