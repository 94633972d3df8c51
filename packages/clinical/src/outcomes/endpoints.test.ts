import { describe, expect, it } from 'vitest';
import {
  assessments,
  bestOverallResponse,
  bestPsaChangePct,
  overallSurvival,
  patientEndpoints,
  psaProgressionOn,
  radiographicPfs,
} from './endpoints.js';
import { baselineRefusal, type Lesion, type PatientCourse, type Visit } from './patient-course.js';

const liver = (mm: number): Lesion => ({ id: 'L1', organ: 'liver', node: false, diameterMm: mm });
const node = (mm: number): Lesion => ({
  id: 'N1',
  organ: 'pelvic node',
  node: true,
  diameterMm: mm,
});
const visit = (on: string, v: Partial<Visit>): Visit => ({
  on,
  psaNgMl: null,
  lesions: null,
  newLesions: null,
  radiographicProgression: false,
  adverseEvents: [],
  ...v,
});
const course = (visits: Visit[], extra: Partial<PatientCourse> = {}): PatientCourse => ({
  startOn: '2026-01-01',
  baselinePsaNgMl: 40,
  baselineLesions: [liver(40), node(20)],
  visits,
  deathOn: null,
  lastContactOn: '2026-12-01',
  ...extra,
});
const ct = (on: string, liverMm: number, nodeMm: number, newLesions = false) =>
  visit(on, { lesions: [liver(liverMm), node(nodeMm)], newLesions });

describe('RECIST 1.1', () => {
  it('classifies each assessment against baseline and nadir', () => {
    // Baseline sum 60 mm.
    const c = course([
      ct('2026-02-26', 30, 12),
      ct('2026-04-23', 20, 9),
      ct('2026-06-18', 25, 10),
      ct('2026-08-13', 30, 12),
    ]);
    expect(assessments(c).map((a) => [a.sumMm, a.response])).toEqual([
      [42, 'PR'], // −30% exactly
      [29, 'PR'], // liver not gone
      [35, 'PD'], // +6 mm and +20.7% over the nadir 29
      [42, 'PD'],
    ]);
  });

  it('calls CR when lesions are gone and nodes under 10 mm, PD on a new lesion', () => {
    const c = course([
      ct('2026-02-26', 0, 9),
      ct('2026-04-01', 0, 8),
      ct('2026-05-01', 0, 8, true),
    ]);
    expect(assessments(c).map((a) => a.response)).toEqual(['CR', 'CR', 'PD']);
    expect(bestOverallResponse(c)).toBe('CR');
  });

  it('needs a confirmation ≥ 4 weeks later for CR/PR; unconfirmed counts as SD after 6 weeks', () => {
    expect(bestOverallResponse(course([ct('2026-02-26', 30, 12), ct('2026-03-20', 28, 12)]))).toBe(
      'SD',
    );
    expect(bestOverallResponse(course([ct('2026-02-26', 30, 12), ct('2026-03-26', 28, 12)]))).toBe(
      'PR',
    );
    expect(bestOverallResponse(course([ct('2026-01-20', 30, 12), ct('2026-02-05', 50, 20)]))).toBe(
      'PD',
    );
    expect(bestOverallResponse(course([ct('2026-01-20', 38, 20)]))).toBe('NE');
    expect(bestOverallResponse(course([], { baselineLesions: null }))).toBe('NE');
    // A PR after progression does not count.
    expect(
      bestOverallResponse(
        course([ct('2026-01-20', 60, 20), ct('2026-03-01', 20, 9), ct('2026-04-01', 20, 9)]),
      ),
    ).toBe('PD');
  });

  it('refuses a baseline that is not a target set', () => {
    expect(baselineRefusal([liver(40), node(20)])).toBeUndefined();
    expect(baselineRefusal([node(14)])).toMatch(/short axis of at least 15 mm/);
    expect(baselineRefusal([liver(9)])).toMatch(/at least 10 mm/);
    expect(
      baselineRefusal(
        ['a', 'b', 'c'].map((id) => ({ id, organ: 'lung', node: false, diameterMm: 20 })),
      ),
    ).toMatch(/lung has 3/);
  });
});

describe('PSA (PCWG3)', () => {
  it('takes the best decline and flags PSA50 and PSA90', () => {
    const c = course([
      visit('2026-02-01', { psaNgMl: 10 }),
      visit('2026-03-01', { psaNgMl: 3.2 }),
      visit('2026-04-01', { psaNgMl: 6 }),
    ]);
    expect(bestPsaChangePct(c)).toBeCloseTo(-92, 10);
    expect(patientEndpoints(c)).toMatchObject({ psa50: true, psa90: true });
    expect(bestPsaChangePct(course([]))).toBeNull();
  });

  it('dates progression at a confirmed rise of ≥ 25% and ≥ 2 ng/mL over the nadir', () => {
    const c = course([
      visit('2026-02-01', { psaNgMl: 4 }),
      visit('2026-03-01', { psaNgMl: 6.5 }), // +62%, +2.5 → needs confirmation
      visit('2026-03-10', { psaNgMl: 7 }), // too soon to confirm
      visit('2026-03-29', { psaNgMl: 8 }), // ≥ 21 days after 03-01: confirmed
    ]);
    expect(psaProgressionOn(c)).toBe('2026-03-01');
    expect(
      psaProgressionOn(
        course([visit('2026-02-01', { psaNgMl: 4 }), visit('2026-03-01', { psaNgMl: 5.5 })]),
      ),
    ).toBeNull();
  });
});

describe('times to event', () => {
  it('ends rPFS at the first radiographic progression or death, else censors at the last scan', () => {
    const pd = course([ct('2026-02-26', 30, 12), ct('2026-07-01', 50, 20)]);
    expect(radiographicPfs(pd)).toEqual({ months: 181 / 30.4375, event: true });
    const censored = course([ct('2026-02-26', 30, 12)], { deathOn: null });
    expect(radiographicPfs(censored)).toEqual({ months: 56 / 30.4375, event: false });
    const died = course([ct('2026-02-26', 30, 12)], { deathOn: '2026-05-01' });
    expect(radiographicPfs(died).event).toBe(true);
    expect(overallSurvival(died)).toEqual({ months: 120 / 30.4375, event: true });
    expect(overallSurvival(censored)).toEqual({ months: 334 / 30.4375, event: false });
    const recorded = course([visit('2026-03-01', { radiographicProgression: true })]);
    expect(radiographicPfs(recorded)).toEqual({ months: 59 / 30.4375, event: true });
  });
});
