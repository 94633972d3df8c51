import { describe, expect, it } from 'vitest';
import { ACTION, patientDetail, PLUVICTO } from './patient-test-fixture.js';
import {
  calibrationText,
  changeKindText,
  lesionName,
  noNextCycleText,
  orderDueText,
  regimenLineText,
  shownText,
  timelineLabel,
  changeText,
  characteristicsText,
  cycleState,
  endpointFigures,
  levelText,
  plannedActivityBq,
  regimenDoseText,
  regimenRefusal,
  scheduleText,
  stageBadge,
  studyText,
  windowText,
} from './patients-text.js';

describe('regimens', () => {
  it('writes dose and schedule in the unit chosen', () => {
    expect(regimenDoseText(PLUVICTO, 'MBq')).toBe('7,400 MBq');
    expect(regimenDoseText(PLUVICTO, 'mCi')).toBe('200 mCi');
    expect(regimenDoseText({ dose: { kind: 'per_kg', bqPerKg: 1e5 } }, 'MBq')).toBe('0.1 MBq/kg');
    expect(scheduleText(PLUVICTO)).toBe('every 42 days (±7), up to 6 cycles');
    expect(plannedActivityBq({ dose: { kind: 'per_kg', bqPerKg: 1e5 } }, 87.8)).toBeCloseTo(8.78e6);
    expect(plannedActivityBq(ACTION, 80, 8e6)).toBe(8e6);
    expect(levelText({ kind: 'choice', bq: 1e7 }, 'MBq')).toBe('chosen 10 MBq');
  });

  it('says why a regimen cannot start: not made here, no PET, a negative PET', () => {
    const p = patientDetail();
    expect(regimenRefusal(PLUVICTO, p.pets, 'PSMA-positive')).toBeUndefined();
    expect(regimenRefusal({ productCode: null, target: 'bone' }, p.pets, undefined)).toMatch(
      /not made in this network/,
    );
    expect(
      regimenRefusal({ productCode: 'LU177-DOTATATE', target: 'SSTR2' }, p.pets, 'SSTR-positive'),
    ).toBe('needs a SSTR-positive PET scan first');
    const negative = [...p.pets, { ...p.pets[0]!, scannedOn: '2026-11-30', positive: false }];
    expect(regimenRefusal(PLUVICTO, negative, 'PSMA-positive')).toBe(
      'the latest PSMA PET was not PSMA-positive',
    );
  });
});

describe('cycles', () => {
  const [first, second] = patientDetail().therapy!.cycles;

  it('knows where a cycle stands', () => {
    expect(cycleState(first!)).toBe('ordered');
    expect(cycleState(second!)).toBe('planned');
    expect(cycleState({ ...second!, administeredOn: '2027-02-02' })).toBe('given');
    expect(cycleState({ ...first!, order: { ...first!.order!, status: 'cancelled' } })).toBe(
      'planned',
    );
  });

  it('writes the window, the calibration and the changes', () => {
    expect(windowText(first!)).toBe('15 Dec 2026 (window 8 Dec 2026 – 22 Dec 2026)');
    expect(calibrationText('2026-12-15T02:00:00.000Z', 'Asia/Shanghai')).toBe(
      'calibrated for 15 Dec 10:00',
    );
    expect(changeText({ kind: 'delay', cycle: 2, days: 7 })).toBe('Delay cycle 2 by 7 days');
    expect(changeText({ kind: 'stop', cycle: 5, days: null })).toBe('Stop before cycle 5');
  });
});

describe('the patient', () => {
  it('names stage, study and characteristics', () => {
    const p = patientDetail();
    expect(stageBadge('died')).toMatchObject({ label: 'died', tone: 'bad' });
    expect(studyText(p)).toBe('no study');
    expect(studyText({ studyCode: 'SYN-LUPSMA', arm: 'SoC' })).toBe('SYN-LUPSMA · SoC');
    expect(characteristicsText(p)).toBe('high volume · de novo · no prior Lu-177');
  });

  it('lists the derived endpoints', () => {
    const figures = endpointFigures(patientDetail().endpoints);
    expect(figures.map((f) => [f.label, f.value, f.note])).toEqual([
      ['Best PSA change', '−80.0%', 'PSA50 yes · PSA90 no'],
      ['PSA progression', 'none', 'PCWG3'],
      ['Best overall response', 'PR', 'partial response'],
      ['rPFS', '0.3 months', 'censored: no progression so far'],
      ['OS', '0.3 months', 'censored: alive at last contact'],
      ['Worst adverse event', 'grade 1', 'CTCAE'],
    ]);
    const died = endpointFigures({
      ...patientDetail().endpoints,
      radiographicProgressionOn: '2025-09-01',
      rpfs: { months: 9.7577, event: true },
      os: { months: 15.01, event: true },
    });
    expect(died[3]).toMatchObject({ value: '9.8 months', note: 'progressed 1 Sep 2025' });
    expect(died[4]).toMatchObject({ value: '15.0 months', note: 'died' });
  });
});

describe('sentences with figures', () => {
  it('writes a regimen as the picker offers it, with the dose for the patient’s weight', () => {
    expect(regimenLineText(PLUVICTO, 78, 'MBq')).toBe(
      'Lu-177 · PSMA · 7,400 MBq · every 42 days (±7), up to 6 cycles · reduced 5,900 MBq',
    );
    const byWeight = { ...ACTION, dose: { kind: 'per_kg' as const, bqPerKg: 1e5 } };
    expect(regimenLineText(byWeight, 87.8, 'MBq')).toBe(
      'Ac-225 · PSMA · 0.1 MBq/kg (8.78 MBq at 87.8 kg) · every 56 days (±7), up to 6 cycles',
    );
    expect(changeKindText('reduce', 5.9e9, 'MBq')).toBe('Reduce the dose to 5,900 MBq');
    expect(changeKindText('reduce', null, 'MBq')).toBe('Reduce the dose');
  });

  it('says what ordering did, or when the next cycle orders', () => {
    const next = patientDetail().therapy!.cycles[1]!;
    expect(orderDueText({ ordered: 1, failed: [] }, next)).toEqual({ done: 'Ordered 1 cycle.' });
    expect(orderDueText({ ordered: 0, failed: [] }, next)).toEqual({
      done: 'Nothing is due to order yet: cycle 2 orders on 19 Jan 2027.',
    });
    expect(
      orderDueText({ ordered: 0, failed: [{ cycle: 2, reason: 'no site can serve it' }] }, null),
    ).toEqual({
      done: 'Nothing is due to order.',
      error: 'Not ordered: cycle 2: no site can serve it',
    });
  });

  it('says why there is no next cycle', () => {
    expect(
      noNextCycleText({ status: 'stopped', stopped: { cycle: 6, reason: 'progression' } }),
    ).toBe('Therapy stopped before cycle 6: progression');
    expect(noNextCycleText({ status: 'completed', stopped: null })).toBe(
      'Every cycle was given: the therapy is complete.',
    );
  });

  it('names lists, lesions and the timeline for a screen reader', () => {
    expect(shownText(12, 38)).toBe('12 of 38 patients shown.');
    expect(shownText(1, 1)).toBe('1 of 1 patient shown.');
    expect(lesionName({ id: 'N1', organ: 'pelvic node', node: true }, 1, false)).toBe(
      'N1 (pelvic node, node)',
    );
    expect(lesionName({ id: '', organ: '', node: false }, 1, true)).toBe('lesion 2');
    expect(timelineLabel('P-1', { pets: 1, cycles: 6, psa: 2, sld: 0, adverse: 1 })).toBe(
      'Timeline of P-1: 1 PET scan, 6 therapy cycles, 2 PSA values, 0 lesion measurements, 1 adverse event mark',
    );
  });
});
