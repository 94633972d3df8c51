import { describe, expect, it } from 'vitest';
import { patientDetail } from './patient-test-fixture.js';
import { patientTimeline, PSA_FLOOR } from './timeline-data.js';

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const ZONE = 'Asia/Shanghai';

describe('a patient’s timeline', () => {
  const t = patientTimeline(patientDetail(), '2026-12-05', 'MBq', ZONE);

  it('spans enrolment to the last window, two weeks either side', () => {
    // PET on 22 Nov is the first thing; cycle 6's window closes on 27 Jul 2027.
    expect(t.from).toBe(utc('2026-11-08'));
    expect(t.to).toBe(utc('2027-08-10'));
    expect(t.today).toBe(utc('2026-12-05'));
  });

  it('places the PET, and each cycle with its window and state', () => {
    expect(t.pets).toEqual([
      {
        at: utc('2026-11-22'),
        positive: true,
        tip: 'GA68-PSMA11 PET · 22 Nov 2026\nPSMA-positive · SUVmax 18.4',
      },
    ]);
    expect(t.cycles.map((c) => [c.cycle, c.state, c.at, c.earliest, c.latest])).toEqual([
      [1, 'ordered', utc('2026-12-15'), utc('2026-12-08'), utc('2026-12-22')],
      [2, 'planned', utc('2027-02-02'), utc('2027-01-26'), utc('2027-02-09')],
      [3, 'planned', utc('2027-03-16'), utc('2027-03-09'), utc('2027-03-23')],
      [4, 'planned', utc('2027-04-27'), utc('2027-04-20'), utc('2027-05-04')],
      [5, 'planned', utc('2027-06-08'), utc('2027-06-01'), utc('2027-06-15')],
      [6, 'planned', utc('2027-07-20'), utc('2027-07-13'), utc('2027-07-27')],
    ]);
    expect(t.cycles[0]!.tip).toBe(
      'Cycle 1 of 6 · 7,400 MBq\ndue 15 Dec 2026, window 8 Dec 2026 – 22 Dec 2026\norder submitted, calibrated for 15 Dec 10:00',
    );
    expect(t.cycles[1]!.tip).toMatch(/orders on 19 Jan 2027\nGrade 2 platelet count decreased$/);
  });

  it('draws the PSA from baseline and the lesions with their responses', () => {
    expect(t.psa.map((p) => [p.at, p.value])).toEqual([
      [utc('2026-11-23'), 42],
      [utc('2026-12-01'), 8.4],
    ]);
    expect(t.psaAxis).toEqual({ min: 1, max: 100 });
    expect(t.sld.map((s) => [s.at, s.value, s.response])).toEqual([
      [utc('2026-11-23'), 50, 'BL'],
      [utc('2026-12-01'), 32, 'PR'],
    ]);
    expect(t.sld[1]!.tip).toBe(
      'Target lesions 32 mm (−36% from baseline) · 1 Dec 2026\nPR — partial response',
    );
    expect(t.adverse).toEqual([
      { at: utc('2026-12-01'), grade: 1, tip: 'Grade 1 · 1 Dec 2026\nDry mouth G1' },
    ]);
    expect(t.outcomes).toEqual([]);
  });

  it('draws an undetectable PSA at the floor, and marks progression and death', () => {
    const p = patientDetail({
      deathOn: '2027-03-01',
      lastContactOn: '2027-03-01',
      visits: [
        {
          ...patientDetail().visits[0]!,
          psaNgMl: 0,
          adverseEvents: [
            { term: 'Fatigue', grade: 3 },
            { term: 'Nausea', grade: 1 },
            { term: 'Anaemia', grade: 3 },
          ],
        },
      ],
      endpoints: {
        ...patientDetail().endpoints,
        psaProgressionOn: '2027-01-10',
        radiographicProgressionOn: '2027-02-01',
      },
    });
    const died = patientTimeline(p, '2027-06-01', 'MBq', ZONE);
    expect(died.psa[1]).toMatchObject({
      value: PSA_FLOOR,
      tip: 'PSA 0 ng/mL (drawn at 0.01) · 1 Dec 2026',
    });
    expect(died.psaAxis).toEqual({ min: 0.01, max: 100 });
    expect(died.adverse.map((a) => [a.grade, a.tip])).toEqual([
      [1, 'Grade 1 · 1 Dec 2026\nNausea G1'],
      [3, 'Grade 3 · 1 Dec 2026\nFatigue G3, Anaemia G3'],
    ]);
    expect(died.outcomes.map((o) => [o.kind, o.at])).toEqual([
      ['psa-progression', utc('2027-01-10')],
      ['radiographic-progression', utc('2027-02-01')],
      ['death', utc('2027-03-01')],
    ]);
    // No "today" for a patient who died.
    expect(died.today).toBeNull();
  });

  it('keeps a patient without therapy or measurements drawable', () => {
    const bare = patientTimeline(
      patientDetail({
        therapy: null,
        visits: [],
        pets: [],
        baselinePsaNgMl: null,
        baselineLesions: null,
        endpoints: { ...patientDetail().endpoints, assessments: [] },
      }),
      '2026-12-05',
      'MBq',
      ZONE,
    );
    expect(bare.cycles).toEqual([]);
    expect(bare.psaAxis).toBeNull();
    expect([bare.from, bare.to]).toEqual([utc('2026-11-09'), utc('2026-12-19')]);
  });
});
