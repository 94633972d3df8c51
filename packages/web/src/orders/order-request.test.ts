import { describe, expect, it } from 'vitest';
import { orderRequest, usualAmount, type FormLimits, type OrderForm } from './order-request.js';

const limits: FormLimits = {
  order: { patientWeightKg: { min: 0, max: 400 } },
  product: { code: 'GA68-PSMA11', minDoseBq: 111e6, maxDoseBq: 259e6 },
};

const form: OrderForm = {
  hospitalId: '',
  productCode: 'GA68-PSMA11',
  date: '2026-11-24',
  time: '10:30',
  zone: 'Asia/Shanghai',
  kind: 'per_kg',
  activity: '2',
  unit: 'MBq',
  weightKg: '80',
  patientRef: ' P-17 ',
};

describe('orderRequest', () => {
  it('sends wall time with the hospital zone and per-kg activity in becquerel', () => {
    expect(orderRequest(form, { onBehalf: false, limits })).toEqual({
      ok: true,
      body: {
        productCode: 'GA68-PSMA11',
        calibrationTime: '2026-11-24T10:30 Asia/Shanghai',
        amount: { kind: 'per_kg', perKgBq: 2e6, patientWeightKg: 80 },
        patientRef: 'P-17',
      },
    });
  });

  it('converts a fixed activity in mCi and names the hospital when ordering on behalf', () => {
    const r = orderRequest(
      { ...form, kind: 'fixed', activity: '200', unit: 'mCi', hospitalId: 'h1', patientRef: '' },
      { onBehalf: true, limits: { order: limits.order } },
    );
    expect(r).toEqual({
      ok: true,
      body: {
        hospitalId: 'h1',
        productCode: 'GA68-PSMA11',
        calibrationTime: '2026-11-24T10:30 Asia/Shanghai',
        amount: { kind: 'fixed', activityBq: 200 * 3.7e7 },
      },
    });
  });

  it('names what is missing or wrong', () => {
    const problem = (f: Partial<OrderForm>, onBehalf = false) => {
      const r = orderRequest({ ...form, ...f }, { onBehalf, limits });
      return r.ok ? undefined : r.problem;
    };
    expect(problem({}, true)).toBe('choose a hospital');
    expect(problem({ productCode: '' })).toBe('choose a product');
    expect(problem({ time: '25:00' })).toBe('injection time: HH:MM');
    expect(problem({ activity: '-1' })).toBe('activity: a positive number');
    expect(problem({ activity: ' ' })).toBe('activity: a positive number');
    expect(problem({ weightKg: '' })).toMatch(/weight/);
    expect(problem({ weightKg: '900' })).toBe("patient's weight: a number of kg up to 400");
    expect(problem({ weightKg: '401' })).toMatch(/up to 400/);
    expect(problem({ kind: 'fixed', activity: '150', weightKg: '' })).toBeUndefined();
  });

  it('holds the activity for one patient to the product’s limits, as the API does', () => {
    const problem = (f: Partial<OrderForm>) => {
      const r = orderRequest({ ...form, ...f }, { onBehalf: false, limits });
      return r.ok ? undefined : r.problem;
    };
    expect(problem({ activity: '4', weightKg: '80' })).toBe(
      'activity: 320 MBq for the patient is above the most one patient may get of GA68-PSMA11, 259 MBq',
    );
    expect(problem({ kind: 'fixed', activity: '5e-318' })).toMatch(
      /is below the least .* 111 MBq$/,
    );
    expect(problem({ kind: 'fixed', activity: '259' })).toBeUndefined();
  });
});

describe('usualAmount', () => {
  it('offers the per-kg dose where the product has one, else the fixed dose', () => {
    expect(usualAmount({ doseBq: null, doseBqPerKg: 2e6 }, 'MBq')).toEqual({
      kind: 'per_kg',
      activity: '2',
    });
    expect(usualAmount({ doseBq: 7.4e9, doseBqPerKg: null }, 'mCi')).toEqual({
      kind: 'fixed',
      activity: '200',
    });
    expect(usualAmount({ doseBq: null, doseBqPerKg: null }, 'MBq').activity).toBe('');
  });
});
