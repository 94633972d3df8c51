import { describe, expect, it } from 'vitest';
import { DETAIL, DOSE } from '../dispatch/shipment-test-fixture.js';
import { delayOutcome, doseAtUseText } from './delay-outcome.js';

describe('a delay’s outcome', () => {
  it('finds the doses named out of tolerance on the shipment', () => {
    const late = { ...DOSE, orderId: 'late', atUse: { ...DOSE.atUse!, ok: false } };
    const shipment = { ...DETAIL, doses: [DOSE, late] };
    const outcome = delayOutcome({ shipment, outOfTolerance: ['late', 'unknown'], alerts: 1 });
    expect(outcome.doses.map((d) => d.orderId)).toEqual(['late']);
    expect(outcome.alerts).toBe(1);
  });

  it('says a dose’s activity at use against its tolerance, in the unit chosen', () => {
    const late = {
      ...DOSE,
      atUse: { at: DOSE.calibrationAt, activityBq: 120e6, deviation: -0.25, ok: false },
    };
    expect(doseAtUseText(late, 'MBq')).toBe(
      'P-0001 · Ga-68 PSMA-11: 120 MBq at use (−25.0%; tolerance ±10%)',
    );
    expect(doseAtUseText({ ...late, atUse: null }, 'MBq')).toBe('P-0001 · Ga-68 PSMA-11');
  });
});
