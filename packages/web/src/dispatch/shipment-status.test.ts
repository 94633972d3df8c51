import { describe, expect, it } from 'vitest';
import {
  delayText,
  doseName,
  outOfTolerance,
  shipmentBadge,
  SHIPMENT_STATUSES,
  timeOnDay,
  unpackedDoses,
  useText,
} from './shipment-status.js';
import { DOSE } from './shipment-test-fixture.js';

describe('shipment status', () => {
  it('names and colours every status', () => {
    expect(SHIPMENT_STATUSES.map((s) => shipmentBadge(s).label)).toEqual([
      'planned',
      'packed',
      'loaded',
      'in transit',
      'delivered',
    ]);
    expect(shipmentBadge('delivered').tone).toBe('good');
  });

  it('says the delay in hours and minutes', () => {
    expect(delayText(0)).toBe('on time');
    expect(delayText(45)).toBe('45 min late');
    expect(delayText(90)).toBe('1 h 30 min late');
  });

  it('shows a time on the day as a clock, on another day with its date', () => {
    // 01:30 UTC is 09:30 in Shanghai, the same day; 17:00 UTC is 01:00 the next day.
    expect(timeOnDay('2026-12-07T01:30:00Z', 'Asia/Shanghai', '2026-12-07')).toBe('09:30');
    expect(timeOnDay('2026-12-07T17:00:00Z', 'Asia/Shanghai', '2026-12-07')).toBe('8 Dec 01:00');
  });

  it('finds the doses to pack and those out of tolerance', () => {
    const packed = { ...DOSE, orderId: 'b', packageCode: 'PK-1' };
    const undispensed = { ...DOSE, orderId: 'c', dispensedBq: null, atUse: null };
    const late = { ...DOSE, orderId: 'd', atUse: { ...DOSE.atUse!, ok: false } };
    expect(unpackedDoses([DOSE, packed, undispensed, late]).map((d) => d.orderId)).toEqual([
      DOSE.orderId,
      'd',
    ]);
    expect(outOfTolerance([DOSE, packed, undispensed, late]).map((d) => d.orderId)).toEqual(['d']);
  });

  it('names a dose by patient, else by order', () => {
    expect(doseName(DOSE)).toBe('P-0001');
    expect(doseName({ ...DOSE, patientRef: null })).toBe('order 0a1b2c3d');
  });

  it('says what the hospital did with a dose', () => {
    expect(useText(DOSE)).toBe('—');
    const receipt = {
      measuredBq: 1,
      measuredAt: '',
      expectedBq: 1,
      deviation: 0,
      status: 'flagged' as const,
      reason: null,
      receivedAt: '',
    };
    expect(useText({ ...DOSE, receipt })).toBe('received · flagged');
  });
});
