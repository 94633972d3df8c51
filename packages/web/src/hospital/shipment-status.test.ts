import { describe, expect, it } from 'vitest';
import { shipmentDose } from './delivery-test-fixture.js';
import {
  delayText,
  deviationPct,
  doseName,
  doseStage,
  receiptFigures,
  receiptVerdict,
  shipmentStatusBadge,
  timeOnDay,
} from './shipment-status.js';

const receipt = {
  measuredBq: 150e6,
  measuredAt: '2026-12-05T01:30:00.000Z',
  expectedBq: 180e6,
  deviation: 150 / 180 - 1,
  status: 'flagged' as const,
  reason: 'measured 150.0 MBq, expected 180.0 MBq (-16.7%): outside ±10%',
  receivedAt: '2026-12-05T01:31:00.000Z',
};

describe('shipment and dose states', () => {
  it('names each shipment status', () => {
    expect(shipmentStatusBadge('in-transit')).toMatchObject({ label: 'in transit', tone: 'warn' });
    expect(shipmentStatusBadge('delivered')).toMatchObject({ label: 'delivered', tone: 'good' });
  });

  it('says how late a shipment is', () => {
    expect(delayText(0)).toBe('on time');
    expect(delayText(25)).toBe('25 min late');
    expect(delayText(70)).toBe('1 h 10 min late');
  });

  it('writes a time in the hospital’s zone, with the day when it is another', () => {
    expect(timeOnDay('2026-12-05T01:20:00.000Z', 'Asia/Shanghai', '2026-12-05')).toBe('09:20');
    expect(timeOnDay('2026-12-05T17:20:00.000Z', 'Asia/Shanghai', '2026-12-05')).toBe(
      '6 Dec 01:20',
    );
    expect(timeOnDay('2026-12-05T01:20:00.000Z', 'Europe/Paris', '2026-12-05')).toBe('02:20');
  });

  it('signs deviations', () => {
    expect(deviationPct(0.02)).toBe('+2.0%');
    expect(deviationPct(-0.125)).toBe('−12.5%');
    expect(deviationPct(0)).toBe('+0.0%');
  });

  it('writes a receipt’s figures in the unit chosen', () => {
    expect(receiptFigures(receipt, 'MBq')).toBe('measured 150 MBq, expected 180 MBq (−16.7%)');
    expect(receiptFigures(receipt, 'mCi')).toBe('measured 4.054 mCi, expected 4.865 mCi (−16.7%)');
  });

  it('says whether a receipt is within the ±10% two calibrators may differ by', () => {
    expect(receiptVerdict(receipt)).toBe(' — outside ±10%');
    expect(receiptVerdict({ status: 'accepted', deviation: 0.1 })).toBe(' — within ±10%');
    expect(receiptVerdict({ status: 'accepted', deviation: -0.04 })).toBe(' — within ±10%');
    expect(receiptVerdict({ status: 'refused', deviation: -0.3 })).toBe(' — outside ±10%; refused');
  });

  it('knows what may be done with a dose', () => {
    expect(doseStage(shipmentDose({ doseId: null }), 'planned')).toBe('not-dispensed');
    expect(doseStage(shipmentDose(), 'in-transit')).toBe('on-the-way');
    expect(doseStage(shipmentDose(), 'delivered')).toBe('to-receive');
    expect(doseStage(shipmentDose({ receipt }), 'delivered')).toBe('to-administer');
    expect(
      doseStage(shipmentDose({ receipt: { ...receipt, status: 'refused' } }), 'delivered'),
    ).toBe('refused');
    const administration = {
      patientRef: 'P-0042',
      prescribedBq: 160e6,
      administeredBq: 158e6,
      administeredAt: '2026-12-05T02:00:00.000Z',
      deviation: -0.0125,
      direction: null,
      possibleMedicalEvent: false,
      findings: [],
    };
    expect(doseStage(shipmentDose({ receipt, administration }), 'delivered')).toBe('administered');
  });

  it('names a dose by its patient, else its order', () => {
    expect(doseName(shipmentDose())).toBe('P-0042');
    expect(doseName(shipmentDose({ patientRef: null }))).toBe('order 9b8a7c6d');
  });
});
