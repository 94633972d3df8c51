import { evaluateQc, type QcEvaluation, type QcResult } from '../qc/qc-evaluation.js';
import type { QcSpecification } from '../qc/qc-specification.js';
import type { MasterRecipe, RecipeStep, StepField } from '../recipe/master-recipe.js';

/**
 * An electronic batch record: the master recipe's steps signed off in order, the starting materials
 * drawn, deviations, and what a signature covers. Pure: the server stores what these functions
 * accept, and computes the hash of `signedContent` at its edge.
 *
 * Every item of a record carries the record's revision at which it was added (`rev`), and a
 * correction never edits an item: it adds a new one that `supersedes` the old, with a reason
 * (EU GMP Annex 11 §9). A signature covers the items current at its revision; a later correction
 * of a covered item changes the covered content, so the signature reads as broken.
 */

export type FieldValue = number | string;

export interface StepEntry {
  readonly id: string;
  readonly step: string;
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly signedBy: string;
  /** Epoch ms. */
  readonly signedAt: number;
  readonly rev: number;
  readonly supersedes: string | null;
  readonly reason: string | null;
}

export const DEVIATION_CLASSES = ['minor', 'major', 'critical'] as const;
export type DeviationClass = (typeof DEVIATION_CLASSES)[number];

export interface Deviation {
  readonly id: string;
  readonly step: string | null;
  readonly description: string;
  readonly classification: DeviationClass;
  readonly recordedBy: string;
  readonly recordedAt: number;
  readonly rev: number;
}

export interface MaterialDraw {
  readonly id: string;
  readonly step: string;
  readonly kind: string;
  /** The supply record drawn from (elution, cyclotron run or lot id), or the kit's lot number. */
  readonly source: string;
  readonly activityBq: number | null;
  readonly rev: number;
}

export interface RecordedQcResult {
  readonly id: string;
  readonly test: string;
  readonly value: number | null;
  readonly passed: boolean | null;
  readonly note: string | null;
  readonly enteredBy: string;
  readonly enteredAt: number;
  readonly rev: number;
  readonly supersedes: string | null;
  readonly reason: string | null;
}

/** Items of a record that nothing later supersedes. */
export function current<T extends { readonly id: string; readonly supersedes: string | null }>(
  items: readonly T[],
): T[] {
  const superseded = new Set(items.map((i) => i.supersedes).filter((s) => s !== null));
  return items.filter((i) => !superseded.has(i.id));
}

/** The first step of the recipe without a current entry: what the operator does next. */
export function nextStep(
  recipe: MasterRecipe,
  entries: readonly StepEntry[],
): RecipeStep | undefined {
  const done = new Set(current(entries).map((e) => e.step));
  return recipe.steps.find((s) => !done.has(s.code));
}

export type Check<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly field: string; readonly message: string };

const refuse = (field: string, message: string): Check<never> => ({ ok: false, field, message });

/** The longest text an operator may enter in a step's field, a deviation or a reason. */
export const MAX_TEXT = 500;

/**
 * Checks a step's sign-off against the recipe and the record so far: a new step must be the next
 * one (nothing skipped, nothing out of order, Part 11 §11.10(f)); a step already signed may only
 * be corrected with a reason, and the correction supersedes its current entry. Returns the entry
 * it supersedes (null for a first signing) and the values, checked field by field.
 */
export function checkStepEntry(
  recipe: MasterRecipe,
  entries: readonly StepEntry[],
  input: {
    readonly step: string;
    readonly values: Readonly<Record<string, unknown>>;
    readonly reason?: string;
  },
): Check<{ supersedes: string | null; values: Record<string, FieldValue> }> {
  const step = recipe.steps.find((s) => s.code === input.step);
  if (!step) {
    return refuse(
      'step',
      `no step "${input.step}" in the master recipe of ${recipe.product} v${recipe.version}`,
    );
  }
  const signed = current(entries).find((e) => e.step === step.code);
  if (signed === undefined) {
    const next = nextStep(recipe, entries);
    if (next?.code !== step.code) {
      return refuse(
        'step',
        next === undefined
          ? 'every step is signed already'
          : `step "${step.name}" cannot be signed before "${next.name}"`,
      );
    }
  } else if (input.reason === undefined || input.reason.trim() === '') {
    return refuse('reason', `step "${step.name}" is signed already: a correction needs a reason`);
  }
  const values = checkFields(step.fields, input.values);
  if (!values.ok) return values;
  return { ok: true, value: { supersedes: signed?.id ?? null, values: values.value } };
}

function checkFields(
  fields: readonly StepField[],
  input: Readonly<Record<string, unknown>>,
): Check<Record<string, FieldValue>> {
  const known = new Set(fields.map((f) => f.code));
  const unknown = Object.keys(input).find((k) => !known.has(k));
  if (unknown !== undefined) return refuse(`values.${unknown}`, 'not a field of this step');
  const out: Record<string, FieldValue> = {};
  for (const field of fields) {
    const v = input[field.code];
    const path = `values.${field.code}`;
    if (v === undefined || v === null || v === '') return refuse(path, `${field.name} is required`);
    if (field.kind === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return refuse(path, `${field.name} must be a number`);
      }
      const unit = field.unit === '' ? '' : ` ${field.unit}`;
      if (field.min !== undefined && v < field.min) {
        return refuse(path, `${field.name} ${v}${unit} is below ${field.min}${unit}`);
      }
      if (field.max !== undefined && v > field.max) {
        return refuse(path, `${field.name} ${v}${unit} is above ${field.max}${unit}`);
      }
      out[field.code] = v;
    } else {
      if (typeof v !== 'string') return refuse(path, `${field.name} must be text`);
      if (v.trim().length > MAX_TEXT) {
        return refuse(path, `${field.name} is longer than ${MAX_TEXT} characters`);
      }
      out[field.code] = v.trim();
    }
  }
  return { ok: true, value: out };
}

/** The measured end of synthesis, from the recipe's EOS step, once signed. */
export function measuredEos(
  recipe: MasterRecipe,
  entries: readonly StepEntry[],
): { activityBq: number; volumeMl: number; at: number } | undefined {
  const step = recipe.steps.find((s) => s.eos === true);
  const entry = current(entries).find((e) => e.step === step?.code);
  if (!entry) return undefined;
  const mbq = entry.values['eosActivityMBq'];
  const ml = entry.values['volumeMl'];
  if (typeof mbq !== 'number' || typeof ml !== 'number') return undefined;
  return { activityBq: mbq * 1e6, volumeMl: ml, at: entry.signedAt };
}

/** Measured EOS activity ÷ the plan's expected EOS activity. */
export function yieldRatio(measuredBq: number, expectedBq: number): number | undefined {
  return expectedBq > 0 ? measuredBq / expectedBq : undefined;
}

export interface RecordContent {
  readonly header: Readonly<Record<string, FieldValue>>;
  readonly entries: readonly StepEntry[];
  readonly draws: readonly MaterialDraw[];
  readonly deviations: readonly Deviation[];
  readonly results: readonly RecordedQcResult[];
}

/**
 * What a signature made at revision `rev` covers: the header and every item added by then that is
 * still current. Items added later (a post-release result, a new deviation) leave it unchanged; a
 * correction of a covered item removes that item, so the content — and its hash — changes.
 */
export function signedContent(content: RecordContent, rev: number): RecordContent {
  const upTo = <T extends { readonly rev: number }>(items: readonly T[]) =>
    items.filter((i) => i.rev <= rev).sort((a, b) => a.rev - b.rev);
  return {
    header: content.header,
    entries: upTo(current(content.entries)),
    draws: upTo(content.draws),
    deviations: upTo(content.deviations),
    results: upTo(current(content.results)),
  };
}

/** A record's current QC results evaluated against its specification. */
export function evaluateRecorded(
  spec: QcSpecification,
  results: readonly RecordedQcResult[],
): QcEvaluation {
  return evaluateQc(spec, current(results).map(asQcResult));
}

function asQcResult(r: RecordedQcResult): QcResult {
  if (r.value !== null) return { code: r.test, value: r.value };
  return r.note === null
    ? { code: r.test, passed: r.passed === true }
    : { code: r.test, passed: r.passed === true, note: r.note };
}
