import { describe, expect, it } from 'vitest';
import { PACKAGE } from './shipment-test-fixture.js';
import {
  categoryText,
  contentsText,
  governing,
  labelView,
  ratesView,
  tiSum,
  tiSumText,
  VEHICLE_TI_LIMIT,
} from './transport.js';

const pkg = (code: string, transportIndex: number | null) => ({ code, transportIndex });

describe('transport', () => {
  it('sums the packages’ TI against the vehicle’s limit of 50', () => {
    const t = tiSum([pkg('A', 0.3), pkg('B', 1.26), pkg('C', 0)]);
    expect(t).toMatchObject({ sum: 1.6, limit: VEHICLE_TI_LIMIT, over: false, unknown: [] });
    expect(tiSumText(t)).toBe('Σ TI 1.6 of 50');
    const over = tiSum([pkg('A', 10), pkg('B', 10), pkg('C', 10), pkg('D', 10), pkg('E', 10.5)]);
    expect(over).toMatchObject({ sum: 50.5, over: true, share: 1 });
    expect(tiSumText(over)).toBe('Σ TI 50.5 of 50 — over the limit');
    expect(tiSum([]).sum).toBe(0);
  });

  it('says which package has no TI yet', () => {
    const t = tiSum([pkg('A', 0.3), pkg('B', null)]);
    expect(t).toMatchObject({ sum: null, unknown: ['B'], over: false, share: 0 });
    expect(tiSumText(t)).toBe('Σ TI unknown: no dose rate for B');
  });

  it('colours each label; an excepted package has none', () => {
    expect(labelView('I-WHITE').className).toBe('label-i-white');
    expect(labelView('III-YELLOW').text).toBe('III-YELLOW');
    expect(labelView(null).text).toBe('no label');
    expect(categoryText('excepted')).toBe('Excepted package');
  });

  it('takes the classification the package travels under', () => {
    expect(governing(PACKAGE)).toBe(PACKAGE.atDispatch);
    const worseAtArrival = {
      ...PACKAGE,
      category: 'type-b' as const,
      atArrival: { ...PACKAGE.atArrival, category: 'type-b' as const },
    };
    expect(governing(worseAtArrival)).toBe(worseAtArrival.atArrival);
  });

  it('marks an estimate as one, with its basis; a measurement replaces it', () => {
    expect(ratesView(PACKAGE)).toEqual({
      kind: 'estimate',
      surface: '12.5 µSv/h',
      oneMetre: '2.5 µSv/h',
      basis: 'Γ·A/d² for Ga-68',
    });
    const measured = { ...PACKAGE, measured: { surfaceUSvPerH: 20, oneMetreUSvPerH: 1.5 } };
    expect(ratesView(measured)).toMatchObject({ kind: 'measured', surface: '20 µSv/h' });
    const unknown = { ...PACKAGE, estimate: { ...PACKAGE.estimate, surfaceUSvPerH: null } };
    expect(ratesView(unknown).surface).toBe('unknown');
  });

  it('lists the contents largest first, in the unit chosen', () => {
    expect(contentsText(PACKAGE.atDispatch.contents, 'MBq')).toBe(
      'Ga-68 300 MBq · Ge-68 0.002 MBq',
    );
    expect(contentsText([], 'mCi')).toBe('nothing');
  });
});
