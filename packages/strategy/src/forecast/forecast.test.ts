import { describe, expect, it } from 'vitest';
import { backTest } from './back-test.js';
import { demoDemandHistory, expectedDemand, type DemandModel } from './demo-history.js';
import { fitHoltWinters, forecastHoltWinters } from './holt-winters.js';

const MODEL: DemandModel = {
  weeks: 156,
  seed: 2026_1205,
  base: 40,
  growthPerYear: 0.2,
  seasonalAmplitude: 0.15,
  holidayWeeks: [5, 6],
  holidayDip: 0.5,
};

describe('Holt–Winters (additive, ETS(A,A,A))', () => {
  it('follows a noise-free trend and season', () => {
    const series = Array.from(
      { length: 156 },
      (_, t) => 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 52),
    );
    const fit = fitHoltWinters(series, 52);
    expect(fit.seasonal).toBe(true);
    const ahead = forecastHoltWinters(fit, 26);
    for (const p of ahead) {
      const t = 155 + p.step;
      const truth = 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 52);
      expect(Math.abs(p.mean - truth) / truth).toBeLessThan(0.02);
    }
  });

  it('widens its intervals with the horizon and never goes below zero', () => {
    const fit = fitHoltWinters(demoDemandHistory(MODEL), 52);
    const ahead = forecastHoltWinters(fit, 26);
    const width = (i: number) => ahead[i]!.upper95 - ahead[i]!.lower95;
    expect(width(25)).toBeGreaterThanOrEqual(width(0));
    for (const p of ahead) {
      expect(p.lower95).toBeGreaterThanOrEqual(0);
      expect(p.lower95).toBeLessThanOrEqual(p.lower80);
      expect(p.lower80).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.upper80);
      expect(p.upper80).toBeLessThanOrEqual(p.upper95);
    }
  });

  it('falls back to Holt’s linear method without two seasons of history', () => {
    const fit = fitHoltWinters([10, 12, 14, 16, 18, 20, 22, 24], 52);
    expect(fit.seasonal).toBe(false);
    expect(forecastHoltWinters(fit, 2).map((p) => Math.round(p.mean))).toEqual([26, 28]);
  });

  it('refuses what it cannot fit, naming it', () => {
    expect(() => fitHoltWinters([1, 2], 52)).toThrow(/series: needs at least 3/);
    expect(() => fitHoltWinters([1, -2, 3, 4], 52)).toThrow(/series\[1\]/);
    expect(() => fitHoltWinters([1, 2, 3, 4], 0)).toThrow(/season/);
    expect(() => forecastHoltWinters(fitHoltWinters([1, 2, 3, 4], 1), 0)).toThrow(/horizon/);
    expect(() => backTest([1, 2, 3, 4], 1, 2)).toThrow(/holdout/);
  });
});

describe('the back-test on held-out weeks', () => {
  it('scores a constant series exactly', () => {
    const b = backTest([10, 10, 10, 10, 10, 10, 10], 1, 2);
    expect(b).toMatchObject({ trainedOn: 5, mape: 0, mae: 0, smape: 0, zeroWeeks: 0 });
  });

  it('reports the demo history’s forecast error on its last 26 weeks', () => {
    const history = demoDemandHistory(MODEL);
    const b = backTest(history, 52, 26);
    // The figures the product shows beside the forecast (printed so a reader sees them).
    console.log(
      `back-test, 130 weeks fitted, 26 held out: MAPE ${(b.mape! * 100).toFixed(1)}%, sMAPE ${(b.smape * 100).toFixed(1)}%, MASE ${b.mase!.toFixed(2)}, 80% coverage ${(b.coverage80 * 100).toFixed(0)}%, 95% coverage ${(b.coverage95 * 100).toFixed(0)}%`,
    );
    expect(b.trainedOn).toBe(130);
    // Noise alone (√μ on ~50 doses a week) is ~11% of a week's demand: the forecast must be near it.
    expect(b.mape!).toBeLessThan(0.2);
    expect(b.mase!).toBeLessThan(1); // better than last year's same week
    expect(b.coverage95).toBeGreaterThanOrEqual(0.8);
    // And the truth of the model lies near the forecast.
    const err = b.forecasts.map(
      (p, i) => Math.abs(p.mean - expectedDemand(MODEL, 130 + i)) / expectedDemand(MODEL, 130 + i),
    );
    expect(err.reduce((a, x) => a + x, 0) / err.length).toBeLessThan(0.15);
  });

  it('has prediction intervals that cover about as often as they say, over 40 histories', () => {
    let inside80 = 0;
    let inside95 = 0;
    let n = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const b = backTest(demoDemandHistory({ ...MODEL, seed }), 52, 13);
      inside80 += b.coverage80 * b.holdout;
      inside95 += b.coverage95 * b.holdout;
      n += b.holdout;
    }
    console.log(
      `coverage over 40 histories × 13 weeks: 80% → ${((inside80 / n) * 100).toFixed(1)}%, 95% → ${((inside95 / n) * 100).toFixed(1)}%`,
    );
    expect(inside80 / n).toBeGreaterThan(0.65);
    expect(inside80 / n).toBeLessThan(0.95);
    expect(inside95 / n).toBeGreaterThan(0.85);
  });
});
