import { i18n } from '../i18n/i18n.js';
import type { BatchDetail, BatchStep, DrawKind, StepEntry, StepField } from './batch-types.js';

/** Where a recipe step stands in the record. */
export type StepState = 'signed' | 'next' | 'waiting';

export interface StepView {
  readonly step: BatchStep;
  /** 1-based position in the recipe. */
  readonly number: number;
  readonly state: StepState;
  /** The entry in force, if the step is signed. */
  readonly current: StepEntry | undefined;
  /** Entries a correction superseded, newest first, each with the reason it was replaced. */
  readonly history: readonly {
    readonly entry: StepEntry;
    readonly replacedBecause: string | null;
  }[];
}

/** The recipe's steps in order with their state, entry in force and corrections. */
export function stepViews(detail: Pick<BatchDetail, 'steps' | 'nextStep'>): StepView[] {
  return detail.steps.map((step, k) => {
    const current = step.entries.find((e) => e.current);
    const history = step.entries
      .filter((e) => !e.current)
      .map((entry) => ({
        entry,
        replacedBecause: step.entries.find((e) => e.supersedes === entry.id)?.reason ?? null,
      }))
      .reverse();
    const state: StepState =
      current !== undefined ? 'signed' : step.code === detail.nextStep ? 'next' : 'waiting';
    return { step, number: k + 1, state, current, history };
  });
}

/** "0–4000 MBq", "≥ 1 mL", "≤ 10 %", "MBq"; empty for a plain text field. */
export function fieldHint(field: Pick<StepField, 'unit' | 'min' | 'max' | 'kind'>): string {
  const unit = field.unit === '' ? '' : ` ${field.unit}`;
  if (field.kind === 'text') return '';
  if (field.min !== undefined && field.max !== undefined) return `${field.min}–${field.max}${unit}`;
  if (field.min !== undefined) return `≥ ${field.min}${unit}`;
  if (field.max !== undefined) return `≤ ${field.max}${unit}`;
  return field.unit;
}

/** A value as the record shows it: "1500 MBq", "C18-2291". */
export function valueText(field: Pick<StepField, 'unit'>, value: number | string | undefined) {
  if (value === undefined) return '—';
  return field.unit === '' || typeof value === 'string' ? String(value) : `${value} ${field.unit}`;
}

/** The form's text for each field: the entry's values for a correction, else empty. */
export function initialInputs(
  fields: readonly StepField[],
  entry: StepEntry | undefined,
): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = entry?.values[f.code];
      return [f.code, v === undefined ? '' : String(v)];
    }),
  );
}

/**
 * The values to send from the form's text: numbers for number fields, trimmed text for text
 * fields. An empty field is left out (the server says it is required, next to the field); text in
 * a number field is an error here, under its path `values.<code>`.
 */
export function stepValues(
  fields: readonly StepField[],
  inputs: Readonly<Record<string, string>>,
): { values: Record<string, number | string>; errors: Record<string, string> } {
  const values: Record<string, number | string> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = (inputs[f.code] ?? '').trim();
    if (raw === '') continue;
    if (f.kind === 'text') {
      values[f.code] = raw;
      continue;
    }
    const n = Number(raw.replace(',', '.'));
    if (Number.isFinite(n)) values[f.code] = n;
    else errors[`values.${f.code}`] = i18n.t('batches:stepForm.notANumber', { name: f.name, raw });
  }
  return { values, errors };
}

const DRAW_KINDS: ReadonlySet<string> = new Set<DrawKind>([
  'generator-elution',
  'cyclotron-run',
  'bulk-lot',
  'kit-lot',
]);

/** What a step draws, in words. */
export function drawLabel(kind: string): string {
  return isDrawKind(kind) ? i18n.t(`batches:draw.${kind}`) : kind;
}

/** Whether a recipe's `draws` names a kind the API takes. */
export function isDrawKind(kind: string | null): kind is DrawKind {
  return kind !== null && DRAW_KINDS.has(kind);
}
