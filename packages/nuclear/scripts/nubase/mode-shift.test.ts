import { describe, expect, it } from 'vitest';
import { modeShift } from './mode-shift.js';

const zOf: ReadonlyMap<string, number> = new Map([
  ['C', 6],
  ['O', 8],
  ['Ne', 10],
  ['Mg', 12],
]);

const shift = (dz: number, dA: number) => ({ kind: 'shift', dz, dA }) as const;

describe('modeShift (CONVENTIONS.md §4)', () => {
  it('§4.2 cluster 14C removes (Z(C), 14)', () => {
    expect(modeShift('14C', zOf)).toEqual(shift(-6, -14));
  });

  it('§4.2 a mixture 24Ne+26Ne uses the first cluster', () => {
    expect(modeShift('24Ne+26Ne', zOf)).toEqual(shift(-10, -24));
    expect(modeShift('28Mg+30Mg', zOf)).toEqual(shift(-12, -28));
  });

  it('§4.1 B-2n: the beta step, then a counted particle', () => {
    expect(modeShift('B-2n', zOf)).toEqual(shift(1, -2));
  });

  it('§4.1 B+pA: the beta step, then each particle in the order written', () => {
    expect(modeShift('B+pA', zOf)).toEqual(shift(-4, -5));
  });

  it('§4 table: plain modes', () => {
    expect(modeShift('B-', zOf)).toEqual(shift(1, 0));
    expect(modeShift('EC+B+', zOf)).toEqual(shift(-1, 0));
    expect(modeShift('2B-', zOf)).toEqual(shift(2, 0));
    expect(modeShift('A', zOf)).toEqual(shift(-2, -4));
    expect(modeShift('3p', zOf)).toEqual(shift(-3, -3));
    expect(modeShift('IT', zOf)).toEqual(shift(0, 0));
  });

  it('§4 fission-type modes leave', () => {
    for (const mode of ['SF', 'B-SF', 'B+SF', 'ECSF']) {
      expect(modeShift(mode, zOf)).toEqual({ kind: 'leaves' });
    }
  });

  it('rejects an unknown mode or a cluster of an unknown element', () => {
    expect(() => modeShift('B-x', zOf)).toThrow('unknown decay mode "B-x"');
    expect(() => modeShift('34Si', zOf)).toThrow('unknown decay mode "34Si"');
  });
});
