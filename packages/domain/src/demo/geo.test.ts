import { describe, expect, it } from 'vitest';
import { chinaCity } from './china-cities.js';
import { airMinutes, greatCircleKm, offsetKm, roadMinutes } from './geo.js';

describe('greatCircleKm', () => {
  it('puts Beijing 1067 km from Shanghai', () => {
    const km = greatCircleKm(chinaCity('beijing'), chinaCity('shanghai'));
    expect(Math.abs(km - 1067)).toBeLessThanOrEqual(10);
  });

  it('is symmetric and zero at a point', () => {
    const a = chinaCity('kashgar');
    const b = chinaCity('harbin');
    expect(greatCircleKm(a, b)).toBeCloseTo(greatCircleKm(b, a), 9);
    expect(greatCircleKm(a, a)).toBe(0);
  });

  it('measures a quarter meridian as π/2 · R', () => {
    const km = greatCircleKm({ latitude: 0, longitude: 0 }, { latitude: 90, longitude: 0 });
    expect(km).toBeCloseTo((Math.PI / 2) * 6371.0088, 6);
  });
});

describe('offsetKm', () => {
  it('lands the asked distance away', () => {
    const from = chinaCity('chengdu');
    for (const bearing of [0, 45, 135, 270]) {
      expect(greatCircleKm(from, offsetKm(from, bearing, 12))).toBeCloseTo(12, 6);
    }
  });
});

describe('travel estimates', () => {
  it('drives 100 km of great circle in 1.3 × 100 km / 70 km/h + 20 min', () => {
    expect(roadMinutes(100)).toBeCloseTo((130 / 70) * 60 + 20, 9);
    expect(roadMinutes(0)).toBe(20);
  });

  it('flies 750 km in 2 × 45 + 60 + 60 min', () => {
    expect(airMinutes(750)).toBeCloseTo(210, 9);
  });
});
