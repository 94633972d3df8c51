import { describe, expect, it } from 'vitest';
import { planningProduct } from './planning-products.js';
import { productTransportIndex, shieldedTransportIndexPerGbq } from './transport-index.js';

describe('transport index per GBq', () => {
  it('F-18 FDG by hand: 100 × 0.1351 × 2^(−25 ÷ 4.95) = 0.4077', () => {
    // 25 ÷ 4.95 = 5.0505; 2^−5.0505 = 0.03125 × 2^−0.0505 = 0.03125 × 0.96561 = 0.030175;
    // 1 GBq unshielded at 1 m: 0.1351 µSv·m²/(MBq·h) × 1000 MBq = 0.1351 mSv/h, TI 13.51;
    // shielded: 13.51 × 0.030175 = 0.40767.
    expect(shieldedTransportIndexPerGbq(0.1351, 25, 4.95)).toBeCloseTo(0.40767, 4);
    expect(productTransportIndex('F18-FDG', 'F-18').perGbq).toEqual({ 'F-18': 0.4077 });
  });

  it('Lu-177 from Γ in R·cm²/(mCi·h): 100 × 0.18 ÷ 37 × 2^(−3 ÷ 0.54) = 0.01034', () => {
    // 0.18 ÷ 37 = 0.0048649; × 100 = 0.48649; 2^−5.5556 = 0.03125 × 0.68040 = 0.021263.
    expect(productTransportIndex('LU177-PSMA617', 'Lu-177').perGbq['Lu-177']).toBe(0.01034);
  });

  it('Ga-68 and Tc-99m', () => {
    // 12.90 × 2^(−25 ÷ 6) = 12.90 × 0.055681 = 0.71829; 1.41 × 2^(−3 ÷ 0.3) = 1.41 ÷ 1024.
    expect(planningProduct('GA68-PSMA11').product.transportIndexPerGbq).toEqual({
      'Ga-68': 0.7183,
    });
    expect(planningProduct('TC99M-MDP').product.transportIndexPerGbq).toEqual({
      'Tc-99m': 0.001377,
    });
  });

  it('names its sources and assumptions', () => {
    const { source } = productTransportIndex('GA68-PSMA11', 'Ga-68');
    expect(source).toContain('Ninkovic & Adrovic 2012');
    expect(source).toContain('unconfirmed');
    expect(source).toContain('assumption');
  });

  it('refuses products without dose-rate figures', () => {
    expect(() => productTransportIndex('PB212-PSMA', 'Pb-212')).toThrow(/no dose-rate figures/);
  });
});
