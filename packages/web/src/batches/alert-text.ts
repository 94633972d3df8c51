import { i18n } from '../i18n/i18n.js';
import type { QualityAlert } from './batch-types.js';

/** "Failed after release", "Batch rejected", "Delivery late": an alert's kind in words. */
export function alertKindText(kind: QualityAlert['kind']): string {
  return i18n.t(`batches:alertKind.${kind}`);
}

/** The doses an alert concerns, by the references the hospital knows them by. */
export function alertDosesText(doses: QualityAlert['doses']): string {
  if (doses.length === 0) return i18n.t('batches:alertDoses.none');
  const references = doses.map((d) => d.reference).join(', ');
  return i18n.t('batches:alertDoses.some', { count: doses.length, references });
}
