import { describe, expect, it } from 'vitest';
import { totalBq, type NuclideBq } from '../distribution/package-chain.js';
import {
  containerAt,
  DECAY_IN_STORAGE_MAX_DAYS,
  earliestRelease,
  NEGLIGIBLE_MEMBER_SHARE,
  surveyRefusal,
  type WasteItem,
} from './waste-container.js';

/**
 * Figures derived by hand with the decay engine's half-lives: F-18 6584.04 s, Ga-68 4070.52 s
 * (67.842 min), Lu-177 574067.52 s (6.6443 d), Lu-177m 13858560 s (160.4 d). Note that these are
 * not the label values (Ga-68 67.71 min, Lu-177 6.647 d): ten half-lives of Ga-68 are 678.42 min,
 * not 677.1 min, and of Lu-177 66.443 d, not 66.47 d.
 */
const MBq = 1e6;
const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CLOSED = Date.UTC(2026, 0, 15, 17, 0);

const item = (contents: NuclideBq[], at = CLOSED): WasteItem => ({ contents, at });
const activityOf = (mix: readonly NuclideBq[], nuclide: string): number =>
  mix.find((m) => m.nuclide === nuclide)?.activityBq ?? 0;

describe('containerAt: the items put in by then, decayed', () => {
  const items = [
    item([{ nuclide: 'F-18', activityBq: 100 * MBq }], CLOSED - 2 * HOUR),
    item([{ nuclide: 'F-18', activityBq: 100 * MBq }], CLOSED),
  ];

  it('holds nothing before the first item', () => {
    expect(containerAt(items, CLOSED - 3 * HOUR)).toEqual([]);
  });

  it('after 1 h holds the first item only: 100 × 2^(−3600/6584.04) = 68.4548 MBq', () => {
    const c = containerAt(items, CLOSED - HOUR);
    expect(c.map((x) => x.nuclide)).toEqual(['F-18']);
    expect(totalBq(c) / MBq).toBeCloseTo(68.4548, 3);
  });

  it('at closing: 100 × 2^(−7200/6584.04) + 100 = 46.8606 + 100 = 146.8606 MBq', () => {
    expect(totalBq(containerAt(items, CLOSED)) / MBq).toBeCloseTo(146.8606, 3);
  });

  it('a carrier-added Lu-177 item grows Lu-177 from Lu-177m: after 365 d, 4130.64 Bq Lu-177m and 978.18 Bq Lu-177', () => {
    // Lu-177m: 20000 × 2^(−365/160.4) = 20000 × 0.2065322 = 4130.64 Bq.
    // Lu-177 from the 22.7% IT branch: 0.227 × 160.4/(160.4 − 6.6443) × 4130.64 = 978.18 Bq;
    // the original 100 MBq of Lu-177 is 100e6 × 2^(−365/6.6443) = 2.7e-9 Bq by then.
    const c = containerAt(
      [
        item([
          { nuclide: 'Lu-177', activityBq: 100 * MBq },
          { nuclide: 'Lu-177m', activityBq: 20e3 },
        ]),
      ],
      CLOSED + 365 * DAY,
    );
    expect(activityOf(c, 'Lu-177m')).toBeCloseTo(4130.64, 1);
    expect(activityOf(c, 'Lu-177')).toBeCloseTo(978.18, 1);
  });
});

describe('earliestRelease: ten half-lives of the longest-lived member', () => {
  it('a Ga-68 residue: 10 × 4070.52 s = 40705.2 s = 678.42 min (11 h 18 min 25.2 s)', () => {
    const r = earliestRelease(
      [item([{ nuclide: 'Ga-68', activityBq: 50 * MBq }])],
      CLOSED,
      'ten-half-lives',
    );
    expect(r.at).toBe(CLOSED + 40_705_200);
    expect((r.at! - CLOSED) / MINUTE).toBeCloseTo(678.42, 9);
    expect(r.longestLived).toBe('Ga-68');
    expect(r.reason).toBe('10 half-lives of Ga-68: 0.47 days');
    expect(r.warnings).toEqual([]);
  });

  it('an n.c.a. Lu-177 residue: 10 × 6.6443 d = 66.443 d', () => {
    const r = earliestRelease(
      [item([{ nuclide: 'Lu-177', activityBq: 100 * MBq }])],
      CLOSED,
      'ten-half-lives',
    );
    expect(r.at).toBe(CLOSED + 5_740_675_200);
    expect((r.at! - CLOSED) / DAY).toBeCloseTo(66.443, 9);
    expect(r.longestLived).toBe('Lu-177');
    expect(r.reason).toBe('10 half-lives of Lu-177: 66 days');
    expect(r.warnings).toEqual([]);
  });

  it('carrier-added Lu-177 with Lu-177m at 0.02%: Lu-177m sets 10 × 160.4 d = 1604 d, with the 120-day warning', () => {
    expect(DECAY_IN_STORAGE_MAX_DAYS).toBe(120);
    const r = earliestRelease(
      [
        item([
          { nuclide: 'Lu-177', activityBq: 100 * MBq },
          { nuclide: 'Lu-177m', activityBq: 0.0002 * 100 * MBq },
        ]),
      ],
      CLOSED,
      'ten-half-lives',
    );
    expect(r.at).toBe(CLOSED + 1604 * DAY);
    expect(r.longestLived).toBe('Lu-177m');
    expect(r.reason).toBe('10 half-lives of Lu-177m: 1604 days');
    expect(r.warnings).toEqual([
      'Lu-177m (160.4 d) is above the 120-day limit of decay-in-storage under 10 CFR 35.92',
    ]);
  });

  it('a Lu-177m trace below 1e-6 of the activity does not set the time (10 Bq in 100 MBq = 1e-7)', () => {
    expect(NEGLIGIBLE_MEMBER_SHARE).toBe(1e-6);
    const r = earliestRelease(
      [
        item([
          { nuclide: 'Lu-177', activityBq: 100 * MBq },
          { nuclide: 'Lu-177m', activityBq: 10 },
        ]),
      ],
      CLOSED,
      'ten-half-lives',
    );
    expect(r.longestLived).toBe('Lu-177');
    expect(r.warnings).toEqual([]);
  });

  it('counts from the closing, not from the first item', () => {
    const r = earliestRelease(
      [
        item([{ nuclide: 'Ga-68', activityBq: 50 * MBq }], CLOSED - 5 * HOUR),
        item([{ nuclide: 'Ga-68', activityBq: 20 * MBq }], CLOSED),
      ],
      CLOSED,
      'ten-half-lives',
    );
    expect(r.at).toBe(CLOSED + 40_705_200);
  });

  it('the background rule gives the same first survey date and says a survey must decide', () => {
    const r = earliestRelease(
      [item([{ nuclide: 'Ga-68', activityBq: 50 * MBq }])],
      CLOSED,
      'background',
    );
    expect(r.at).toBe(CLOSED + 40_705_200);
    expect(r.reason).toBe(
      '10 half-lives of Ga-68: 0.47 days, then a survey must not tell it from background',
    );
  });

  it('an empty container may go at once', () => {
    expect(earliestRelease([], CLOSED, 'ten-half-lives')).toEqual({
      at: CLOSED,
      longestLived: null,
      reason: 'what is left is below a millionth of the activity put in',
      warnings: [],
    });
  });
});

describe('earliestRelease: clearance levels (EU BSS Annex VII, sum rule)', () => {
  it('F-18 50 MBq in 2000 g (10 Bq/g): t = 6584.04 × log2(5e7 / (2000 × 10)) = 6584.04 × 11.287712 = 74318.75 s (20.64 h), within a minute', () => {
    const r = earliestRelease(
      [item([{ nuclide: 'F-18', activityBq: 50 * MBq }])],
      CLOSED,
      'clearance',
      2000,
    );
    const exact = 74_318.75 * SECOND;
    expect(r.at).not.toBeNull();
    expect(r.at! - CLOSED).toBeGreaterThanOrEqual(exact);
    expect(r.at! - CLOSED).toBeLessThanOrEqual(exact + MINUTE);
    expect(r.reason).toBe('below the clearance levels (sum rule, 2000 g) after 0.86 days');
    expect(r.longestLived).toBe('F-18');
  });

  it('F-18 10 kBq in 2000 g is 5 Bq/g, already below 10 Bq/g: at once', () => {
    const r = earliestRelease(
      [item([{ nuclide: 'F-18', activityBq: 10e3 }])],
      CLOSED,
      'clearance',
      2000,
    );
    expect(r.at).toBe(CLOSED);
  });

  it('sums fractions over a mixture: F-18 10 MBq + Tc-99m 100 MBq in 1000 g', () => {
    // At closing: 1e7/1000/10 + 1e8/1000/100 = 1000 + 1000 = 2000 × the levels. The date is the
    // first minute at which Σ (A/m)/L ≤ 1: Tc-99m (t½ 6.01 h) dominates, so about
    // 21623.76 × log2(1000) = 59.9 h; the F-18 term is then 1000 × 2^(−59.9 h/1.83 h) ≈ 1e-7.
    const items = [
      item([
        { nuclide: 'F-18', activityBq: 10 * MBq },
        { nuclide: 'Tc-99m', activityBq: 100 * MBq },
      ]),
    ];
    const r = earliestRelease(items, CLOSED, 'clearance', 1000);
    const level: Record<string, number> = { 'F-18': 10, 'Tc-99m': 100, 'Tc-99': Infinity };
    const fraction = (t: number) =>
      containerAt(items, t).reduce((s, c) => s + c.activityBq / 1000 / (level[c.nuclide] ?? 0), 0);
    expect(r.at).not.toBeNull();
    expect(fraction(r.at!)).toBeLessThanOrEqual(1);
    expect(fraction(r.at! - MINUTE)).toBeGreaterThan(1);
    expect((r.at! - CLOSED) / HOUR).toBeCloseTo((21_623.76 * Math.log2(1000)) / 3600, 1);
  });

  it('needs the mass: without it (or with 0 g) the date is null', () => {
    const items = [item([{ nuclide: 'F-18', activityBq: 50 * MBq }])];
    for (const mass of [undefined, 0]) {
      const r = earliestRelease(items, CLOSED, 'clearance', mass);
      expect(r.at).toBeNull();
      expect(r.reason).toBe('the clearance rule needs the waste’s mass');
    }
  });

  it('a nuclide without a clearance level gives no date and is named: Ga-68', () => {
    const r = earliestRelease(
      [item([{ nuclide: 'Ga-68', activityBq: 50 * MBq }])],
      CLOSED,
      'clearance',
      1000,
    );
    expect(r.at).toBeNull();
    expect(r.reason).toBe('no clearance level for Ga-68');
  });

  it('carrier-added Lu-177: Lu-177m has no clearance level; the 120-day warning stays', () => {
    const r = earliestRelease(
      [
        item([
          { nuclide: 'Lu-177', activityBq: 100 * MBq },
          { nuclide: 'Lu-177m', activityBq: 20e3 },
        ]),
      ],
      CLOSED,
      'clearance',
      1000,
    );
    expect(r.at).toBeNull();
    expect(r.reason).toBe('no clearance level for Lu-177m');
    expect(r.warnings).toHaveLength(1);
  });
});

describe('surveyRefusal: the release survey (10 CFR 35.92)', () => {
  const earliestAt = CLOSED + 40_705_200;

  it('refuses a survey before the earliest date', () => {
    expect(
      surveyRefusal({
        surveyedAt: earliestAt - MINUTE,
        earliestAt,
        backgroundUSvPerH: 0.1,
        readingUSvPerH: 0.1,
      }),
    ).toEqual({
      field: 'surveyedAt',
      message: 'the container may not be released before 2026-01-16T04:18:25.200Z',
    });
  });

  it('refuses a container reading above background', () => {
    expect(
      surveyRefusal({
        surveyedAt: earliestAt,
        earliestAt,
        backgroundUSvPerH: 0.1,
        readingUSvPerH: 0.15,
      }),
    ).toEqual({
      field: 'readingUSvPerH',
      message: 'the surface reads 0.15 µSv/h, above the background 0.1 µSv/h',
    });
  });

  it('releases a container at background on or after the date', () => {
    expect(
      surveyRefusal({
        surveyedAt: earliestAt,
        earliestAt,
        backgroundUSvPerH: 0.1,
        readingUSvPerH: 0.1,
      }),
    ).toBeUndefined();
    expect(
      surveyRefusal({
        surveyedAt: earliestAt + DAY,
        earliestAt,
        backgroundUSvPerH: 0.1,
        readingUSvPerH: 0.08,
      }),
    ).toBeUndefined();
  });

  it('refuses when the rule gave no date', () => {
    expect(
      surveyRefusal({
        surveyedAt: CLOSED,
        earliestAt: null,
        backgroundUSvPerH: 0.1,
        readingUSvPerH: 0.1,
      }),
    ).toEqual({ field: 'rule', message: 'the release rule gives no date for this container' });
  });
});

describe('members that do not set the storage time', () => {
  const t0 = Date.UTC(2026, 11, 7, 2);
  const day = 86_400_000;

  it('ignores the Tc-99 grown from Tc-99m: a few billionths of what went in', () => {
    // 300 MBq Tc-99m (6.0066 h) makes 300e6 × 21623.76 / ln 2 = 9.36e12 atoms of Tc-99;
    // at 2.111e5 y (6.66e12 s) that is 9.36e12 × ln 2 / 6.66e12 ≈ 0.97 Bq: 3.2e-9 of 300 MBq.
    const items = [{ contents: [{ nuclide: 'Tc-99m', activityBq: 300e6 }], at: t0 }];
    const early = earliestRelease(items, t0 + 3_600_000, 'ten-half-lives');
    expect(early.longestLived).toBe('Tc-99m');
    const late = earliestRelease(items, t0 + 14 * day, 'ten-half-lives');
    expect(late.at).toBe(t0 + 14 * day);
    expect(late.reason).toMatch(/below a millionth/);
  });

  it('gives no date when ten half-lives are more than a century', () => {
    const items = [{ contents: [{ nuclide: 'Cs-137', activityBq: 1e6 }], at: t0 }];
    const r = earliestRelease(items, t0, 'ten-half-lives');
    expect(r.at).toBeNull();
    expect(r.reason).toMatch(/more than 100 years: not for decay-in-storage/);
  });
});
