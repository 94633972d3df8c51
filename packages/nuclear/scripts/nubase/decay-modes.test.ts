import { describe, expect, it } from 'vitest';
import { decayModes } from './decay-modes.js';

/** §3 on one BR field: [mode, intensity (%) as exact decimal text], in listed order. */
const modes = (br: string): [string, string][] =>
  decayModes(br, 1).map(({ mode, value }) => [mode, value.toString()]);

describe('decayModes (CONVENTIONS.md §3)', () => {
  describe('§3.9 delayed-particle modes come out of their beta mode', () => {
    it('212Bi: B-A~0.014 is taken out of B-', () => {
      expect(modes('B-=64.06 6;A=35.94 6;B-A~0.014')).toEqual([
        ['B-', '64.046'],
        ['A', '35.94'],
        ['B-A', '0.014'],
      ]);
    });

    it('212Bi m: B-A=30 leaves B- = 3', () => {
      expect(modes('A=67;B-=33;B-A=30')).toEqual([
        ['A', '67'],
        ['B-', '3'],
        ['B-A', '30'],
      ]);
    });

    it('11Li: all six delayed modes come out of B-', () => {
      expect(
        modes('B-=100;B-n=86.3 9;B-2n=4.1 4;B-3n=1.9 2;B-A=1.7 3;B-d=0.0130 13;B-t=0.0093 8'),
      ).toEqual([
        ['B-', '5.9777'],
        ['B-n', '86.3'],
        ['B-2n', '4.1'],
        ['B-3n', '1.9'],
        ['B-A', '1.7'],
        ['B-d', '0.013'],
        ['B-t', '0.0093'],
      ]);
    });

    it('188Bi: B+SF out of an unknown B+ clamps B+ at 0', () => {
      expect(modes('A~100;B+ ?;B+SF=0.0014')).toEqual([
        ['A', '100'],
        ['B+', '0'],
        ['B+SF', '0.0014'],
      ]);
    });

    it('246Md m: B+SF out of B+ (a bound `>` counts as its number)', () => {
      expect(modes('A=57 3;B+>77;B+SF>10;A<23')).toEqual([
        ['A', '57'],
        ['B+', '67'],
        ['B+SF', '10'],
      ]);
    });
  });

  describe('§3.7 B+ includes EC and e+', () => {
    it('22Na: with B+ listed, the EC and e+ split is dropped', () => {
      expect(modes('B+=100;e+=90.57 8;EC=9.43 6')).toEqual([['B+', '100']]);
    });

    it('54Mn: without B+, EC and e+ are separate modes', () => {
      expect(modes('EC=100;B-=0.93e-4;e+=1.28e-7')).toEqual([
        ['EC', '100'],
        ['B-', '0.000093'],
        ['e+', '0.000000128'],
      ]);
    });
  });

  describe('§3.8 nothing known: the first listed mode gets 100', () => {
    it('212Bi n: `=?` and ` ?` are both unknown', () => {
      expect(modes('B-=?;IT ?')).toEqual([
        ['B-', '100'],
        ['IT', '0'],
      ]);
    });

    it('232Pu: an upper bound `<` counts as 0', () => {
      expect(modes('EC=?;A<20')).toEqual([
        ['EC', '100'],
        ['A', '0'],
      ]);
    });

    it('6H: n ?;3n ?', () => {
      expect(modes('n ?;3n ?')).toEqual([
        ['n', '100'],
        ['3n', '0'],
      ]);
    });

    it('does not apply when any intensity is known (Tl-209 B-=100;B-n ?)', () => {
      expect(modes('B-=100;B-n ?')).toEqual([
        ['B-', '100'],
        ['B-n', '0'],
      ]);
    });
  });

  describe('§3.1–3.6 reading the pieces', () => {
    it('§3.1 124Sb n: bracketed annotations are deleted', () => {
      expect(modes('IT=100[gs=0,m=100]')).toEqual([['IT', '100']]);
      expect(modes('IT=98.6 3[gs=0,m=98.6];B-=1.4 3')).toEqual([
        ['IT', '98.6'],
        ['B-', '1.4'],
      ]);
    });

    it('§3.5 197At m: a duplicate mode counts once, the first time', () => {
      expect(modes('A~100;B+ ?;IT<0.004;B+ ?')).toEqual([
        ['A', '100'],
        ['B+', '0'],
        ['IT', '0'],
      ]);
    });

    it('§3.2 235Np: empty pieces are skipped', () => {
      expect(modes('EC=99.99740 13;;A=0.00260 13')).toEqual([
        ['EC', '99.9974'],
        ['A', '0.0026'],
      ]);
    });

    it('§3.3 IS is not a decay mode; §3.4 B is read as B-', () => {
      expect(modes('IS=100;A=100')).toEqual([['A', '100']]);
      expect(modes('B=72 8;IT=28 8')).toEqual([
        ['B-', '72'],
        ['IT', '28'],
      ]);
    });

    it('§3.2 values may use an exponent and end in #', () => {
      expect(modes('A=100;14C=5.3e-10 13')).toEqual([
        ['A', '100'],
        ['14C', '0.00000000053'],
      ]);
      expect(modes('B-=100#;B-n=5#')).toEqual([
        ['B-', '95'],
        ['B-n', '5'],
      ]);
    });

    it('rejects a piece it cannot read, naming the line', () => {
      expect(() => decayModes('A=100;B-=abc', 42)).toThrow('line 42: bad BR piece "B-=abc"');
    });
  });
});
