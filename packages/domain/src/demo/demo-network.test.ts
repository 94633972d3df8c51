import { describe, expect, it } from 'vitest';
import { CHINA_CITIES } from './china-cities.js';
import { DEMO_LOGINS } from './demo-logins.js';
import { demoNetwork } from './demo-network.js';
import { clamp, seededRng } from './rng.js';

const DATE = '2026-11-24'; // a Tuesday
const network = demoNetwork({ date: DATE, rng: seededRng(1) });

// Mainland China with Hainan, generously: 18–54 N, 73–135 E.
const inChina = (p: { latitude: number; longitude: number }) =>
  p.latitude >= 18 && p.latitude <= 54 && p.longitude >= 73 && p.longitude <= 135;

describe('demoNetwork', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(demoNetwork({ date: DATE, rng: seededRng(1) })).toEqual(network);
    const other = demoNetwork({ date: DATE, rng: seededRng(2) });
    expect(other.orders).not.toEqual(network.orders);
  });

  it('has counts in range', () => {
    expect(network.sites.length).toBeGreaterThanOrEqual(10);
    expect(network.sites.length).toBeLessThanOrEqual(14);
    expect(network.hospitals.length).toBeGreaterThanOrEqual(130);
    expect(network.hospitals.length).toBeLessThanOrEqual(170);
    expect(new Set(network.hospitals.map((h) => h.city)).size).toBeGreaterThanOrEqual(55);
    expect(network.products).toHaveLength(8);
    for (const seed of [1, 2, 3, 42, 2026]) {
      const orders = demoNetwork({ date: DATE, rng: seededRng(seed) }).orders;
      expect(orders.length).toBeGreaterThanOrEqual(400);
      expect(orders.length).toBeLessThanOrEqual(600);
    }
  });

  it('names its producer, courier, sites and hospitals as demo data', () => {
    expect(network.producer.name).toMatch(/demo/i);
    expect(network.courier.name).toMatch(/demo/i);
    for (const x of [...network.sites, ...network.hospitals]) expect(x.name).toMatch(/\(demo\)$/);
  });

  it('places everything inside China, near a real city', () => {
    for (const city of CHINA_CITIES) expect(inChina(city), city.name).toBe(true);
    for (const x of [...network.sites, ...network.hospitals]) expect(inChina(x), x.name).toBe(true);
  });

  it('gives hospitals unique names and keys, and users unique emails', () => {
    const names = network.hospitals.map((h) => h.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = network.hospitals.map((h) => h.key);
    expect(new Set(keys).size).toBe(keys.length);
    const emails = network.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('gives every hospital a lane, and every lane known ends', () => {
    const siteKeys = new Set(network.sites.map((s) => s.key));
    const hospitalKeys = new Set(network.hospitals.map((h) => h.key));
    for (const lane of network.lanes) {
      expect(siteKeys.has(lane.siteKey)).toBe(true);
      expect(hospitalKeys.has(lane.hospitalKey)).toBe(true);
      expect(lane.estimated).toBe(true);
      expect(lane.durationMinutes).toBeGreaterThan(0);
      if (lane.mode === 'road') expect(lane.durationMinutes).toBeLessThanOrEqual(480);
    }
    for (const h of network.hospitals) {
      expect(
        network.lanes.some((l) => l.hospitalKey === h.key),
        h.name,
      ).toBe(true);
    }
  });

  it('makes every order plannable: known hospital and product, a licence, a lane from a maker', () => {
    for (const order of network.orders) {
      const hospital = network.hospitals.find((h) => h.key === order.hospitalKey);
      const product = network.products.find((p) => p.code === order.productCode);
      expect(hospital).toBeDefined();
      expect(product).toBeDefined();
      if (hospital === undefined || product === undefined) continue;
      expect(hospital.licences.map((l) => l.nuclide)).toContain(product.nuclide);
      const makers = new Set(
        network.sites.filter((s) => s.productCodes.includes(product.code)).map((s) => s.key),
      );
      const reached = network.lanes.some(
        (l) => l.hospitalKey === hospital.key && makers.has(l.siteKey),
      );
      expect(reached, `${product.code} to ${hospital.name}`).toBe(true);
      expect(order.tolerancePct).toBe(product.tolerancePct);
      expect(order.timeZone).toBe(hospital.timeZone);
    }
  });

  it('times orders on the date, in 15-minute steps, within receiving hours', () => {
    for (const order of network.orders) {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(order.calibrationLocal);
      expect(m?.[1]).toBe(DATE);
      const minutes = Number(m?.[2]) * 60 + Number(m?.[3]);
      expect(minutes % 15).toBe(0);
      const hospital = network.hospitals.find((h) => h.key === order.hospitalKey);
      const hours = hospital?.receivingHours.find((h) => h.days.includes(2)); // Tuesday
      expect(hours).toBeDefined();
      expect(order.calibrationLocal.slice(11) >= (hours?.open ?? '')).toBe(true);
      expect(order.calibrationLocal.slice(11) < (hours?.close ?? '')).toBe(true);
    }
  });

  it('computes amounts from the product: per kg within clamps, doses, fixed', () => {
    const kinds = new Set(network.orders.map((o) => o.amountKind));
    expect(kinds).toEqual(new Set(['fixed', 'per_kg', 'doses']));
    for (const order of network.orders) {
      const product = network.products.find((p) => p.code === order.productCode);
      if (product === undefined) throw new Error('unknown product');
      expect(order.activityBq).toBeGreaterThan(0);
      if (order.amountKind === 'per_kg') {
        const { perKgBq, patientWeightKg } = order;
        if (perKgBq === undefined || patientWeightKg === undefined) throw new Error('per_kg');
        expect(perKgBq).toBe(product.doseBqPerKg);
        expect(patientWeightKg).toBeGreaterThanOrEqual(45);
        expect(patientWeightKg).toBeLessThanOrEqual(130);
        const expected = clamp(
          perKgBq * patientWeightKg,
          product.doseMinBq ?? 0,
          product.doseMaxBq ?? Infinity,
        );
        expect(Math.abs(order.activityBq - expected)).toBeLessThanOrEqual(1);
      } else if (order.amountKind === 'doses') {
        expect(order.doses).toBeGreaterThanOrEqual(2);
        expect(order.activityBq).toBe((order.doses ?? 0) * (product.doseBq ?? NaN));
      }
    }
    // Every order lies within its product's per-patient limits, as the API would require.
    for (const order of network.orders) {
      const { patientLimits } = network.products.find((p) => p.code === order.productCode)!;
      const perPatient = order.activityBq / (order.doses ?? 1);
      expect(perPatient, order.productCode).toBeGreaterThanOrEqual(patientLimits.minBq);
      expect(perPatient, order.productCode).toBeLessThanOrEqual(patientLimits.maxBq);
    }
    // Ga-68 PSMA-11: 2.0 MBq/kg, never below 111 MBq nor above 259 MBq (facts.md).
    for (const o of network.orders.filter((x) => x.productCode === 'GA68-PSMA11')) {
      expect(o.activityBq).toBeGreaterThanOrEqual(111e6);
      expect(o.activityBq).toBeLessThanOrEqual(259e6);
    }
  });

  it('mixes products like a real day: FDG most, therapies few', () => {
    const count = (code: string) => network.orders.filter((o) => o.productCode === code).length;
    const fdg = count('F18-FDG');
    for (const p of network.products)
      if (p.code !== 'F18-FDG') expect(count(p.code)).toBeLessThan(fdg);
    expect(count('AC225-PSMA617')).toBeLessThanOrEqual(5);
    expect(count('PB212-PSMA')).toBeLessThanOrEqual(5);
    for (const o of network.orders.filter((x) => x.productCode.startsWith('LU177'))) {
      expect([7.4e9, 5.9e9]).toContain(o.activityBq);
    }
  });

  it('uses unique pseudonymous patient references', () => {
    const refs = network.orders.map((o) => o.patientRef);
    for (const ref of refs) expect(ref).toMatch(/^P-[0-9A-Z]{5}$/);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('exports the demo logins it seeds, with hospital users at real hospitals', () => {
    expect(network.users).toEqual(DEMO_LOGINS);
    const roles = network.users.map((u) => u.role);
    for (const role of ['admin', 'planner', 'radiopharmacist', 'qualified_person', 'analyst']) {
      expect(roles).toContain(role);
    }
    for (const u of network.users) {
      expect(u.email).toMatch(/^[a-z0-9.]+@demo\.halflife$/);
      if (typeof u.organisation === 'object') {
        const key = u.organisation.hospitalKey;
        expect(network.hospitals.some((h) => h.key === key)).toBe(true);
      }
    }
  });

  it('orders less on a Saturday, nothing on a Sunday, and refuses a malformed date', () => {
    const saturday = demoNetwork({ date: '2026-11-28', rng: seededRng(1) }).orders;
    expect(saturday.length).toBeGreaterThan(0);
    expect(saturday.length).toBeLessThan(network.orders.length / 3);
    expect(demoNetwork({ date: '2026-11-29', rng: seededRng(1) }).orders).toEqual([]);
    expect(() => demoNetwork({ date: '2026-02-30', rng: seededRng(1) })).toThrow(/YYYY-MM-DD/);
  });
});
