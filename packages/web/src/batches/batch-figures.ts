import { i18n } from '../i18n/i18n.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { meaningLabel } from './batch-status.js';
import type { BatchDetail, Dose, SignatureMeaning } from './batch-types.js';
import { serverText } from '../i18n/server-texts.js';

/** "950 MBq at EOS · 73% of the 1,305 MBq planned", or what is still missing. */
export function yieldText(detail: Pick<BatchDetail, 'eos' | 'batch'>, unit: DisplayUnit): string {
  const planned = formatActivity(detail.batch.expectedEosBq, unit);
  if (!detail.eos) return i18n.t('batches:yield.notMeasured', { planned });
  const measured = formatActivity(detail.eos.activityBq, unit);
  const ratio = detail.eos.yield;
  return ratio === null
    ? i18n.t('batches:yield.measured', { measured, planned })
    : i18n.t('batches:yield.ratio', { measured, planned, percent: formatNumber(ratio * 100) });
}

/** A dispensed dose's deviation from the ordered activity: "+2.3%", "−0.4%", "0%". */
export function deviationText(deviation: number): string {
  const pct = Math.round(deviation * 1000) / 10;
  if (pct === 0) return '0%';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`;
}

export interface Decision {
  readonly meaning: SignatureMeaning;
  readonly label: string;
  /** What the signature means, as the signer reads it. */
  readonly text: string;
  /** Why it may not be signed now, in the server's words; undefined when it may. */
  readonly refusal: string | undefined;
}

const DECISIONS: readonly SignatureMeaning[] = [
  'conditional-release',
  'final-release',
  'rejection',
];

/** Why a decision may not be signed now, in the user's language (with the QC reasons it lists). */
function refusalText(refusal: string | null | undefined): string | undefined {
  return refusal === null || refusal === undefined ? undefined : serverText(refusal);
}

/** The QP's three decisions with the server's meaning text and refusal for each. */
export function decisions(detail: Pick<BatchDetail, 'release' | 'meanings'>): Decision[] {
  return DECISIONS.map((meaning) => ({
    meaning,
    label: meaningLabel(meaning),
    text: serverText(detail.meanings[meaning] ?? ''),
    refusal: refusalText(detail.release[meaning]),
  }));
}

/** Whether any dose of the batch has been dispensed (its labels can be printed). */
export function anyDispensed(doses: readonly Pick<Dose, 'dispensed'>[]): boolean {
  return doses.some((d) => d.dispensed !== null);
}
