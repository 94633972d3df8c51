import { describe, expect, it } from 'vitest';
import {
  dateMs,
  daysFrom,
  dayText,
  hazardText,
  intervalText,
  medianText,
  pText,
  responseText,
  shiftDays,
  signedPct,
  studyName,
} from './clinical-text.js';

describe('calendar dates', () => {
  it('draws a date at its UTC midnight and counts whole days', () => {
    expect(dateMs('2026-12-15')).toBe(Date.UTC(2026, 11, 15));
    expect(shiftDays('2026-12-05', 10)).toBe('2026-12-15');
    expect(shiftDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysFrom('2026-12-15', '2027-01-26')).toBe(42);
  });

  it('writes a date as people read it', () => {
    expect(dayText('2024-11-08')).toBe('8 Nov 2024');
    expect(dayText(null)).toBe('—');
  });
});

describe('figures', () => {
  it('writes a proportion with its exact interval', () => {
    // SYN-XTR022's PSA50 as the API answers it.
    expect(
      intervalText({ successes: 10, n: 13, estimate: 10 / 13, lower: 0.4619, upper: 0.9496 }),
    ).toBe('10/13 · 77% (46–95%)');
    expect(intervalText(null)).toBe('—');
    expect(intervalText({ successes: 0, n: 0, estimate: 0, lower: 0, upper: 0 })).toBe('—');
  });

  it('writes medians in months, NR when not reached', () => {
    expect(medianText({ estimate: 12.3203, lower: 9.8234, upper: 15.4743 })).toBe(
      '12.3 (9.8–15.5)',
    );
    expect(medianText({ estimate: null, lower: 22.998, upper: null })).toBe('NR (23.0–NR)');
    expect(medianText({ estimate: null, lower: null, upper: null })).toBe('NR');
  });

  it('writes changes, hazard ratios and p-values', () => {
    expect(signedPct(-41.5776)).toBe('−41.6%');
    expect(signedPct(13.647)).toBe('+13.6%');
    expect(signedPct(0.01)).toBe('0%');
    expect(hazardText({ hr: 1.99601, lower: 1.54823, upper: 2.5733 })).toBe('2.00 (1.55–2.57)');
    expect(pText(5.6e-8)).toBe('p < 0.001');
    expect(pText(0.0015)).toBe('p = 0.002');
    expect(pText(0.2632)).toBe('p = 0.26');
  });

  it('names responses and studies', () => {
    expect(responseText('PR')).toBe('PR — partial response');
    expect(studyName('Synthetic XTR022-like cohort (Ac-225-XT381, 50 kBq/kg) (synthetic)')).toBe(
      'Synthetic XTR022-like cohort (Ac-225-XT381, 50 kBq/kg)',
    );
  });
});
