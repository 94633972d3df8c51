import { describe, expect, it } from 'vitest';
import { alertDosesText, alertKindText } from './alert-text.js';

describe('quality alerts in words', () => {
  it('names the kind and the doses by the hospital’s references', () => {
    expect(alertKindText('batch-rejected')).toBe('Batch rejected');
    expect(alertKindText('post-release-failure')).toBe('Failed after release');
    expect(alertKindText('shipment-delay')).toBe('Delivery late');
    expect(
      alertDosesText([
        { orderId: 'o1', doseId: null, reference: 'PT-1' },
        { orderId: 'o2', doseId: 'd2', reference: 'PT-2' },
      ]),
    ).toBe('2 doses: PT-1, PT-2');
    expect(alertDosesText([])).toBe('no dose');
  });
});
