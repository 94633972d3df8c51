import type { QualityAlert } from './batch-types.js';

/** "Failed after release", "Batch rejected", "Delivery late": an alert's kind in words. */
export function alertKindText(kind: QualityAlert['kind']): string {
  switch (kind) {
    case 'post-release-failure':
      return 'Failed after release';
    case 'batch-rejected':
      return 'Batch rejected';
    case 'shipment-delay':
      return 'Delivery late';
  }
}

/** The doses an alert concerns, by the references the hospital knows them by. */
export function alertDosesText(doses: QualityAlert['doses']): string {
  if (doses.length === 0) return 'no dose';
  const refs = doses.map((d) => d.reference);
  return `${doses.length} dose${doses.length === 1 ? '' : 's'}: ${refs.join(', ')}`;
}
