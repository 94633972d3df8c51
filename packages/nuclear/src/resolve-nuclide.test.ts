import { describe, expect, it } from 'vitest';
import { failure } from '../test/results.js';
import { builtinDataset } from './builtin-dataset.js';
import { dataset, nuclide } from './dataset.js';
import { ELEMENT_NAMES_ZH } from './element-names-zh.js';
import { nearestNames, resolveNuclide } from './resolve-nuclide.js';

const data = builtinDataset();

describe('resolveNuclide', () => {
  it.each([
    ['Lu-177', 'Lu-177'],
    ['lu177', 'Lu-177'],
    ['177Lu', 'Lu-177'],
    ['Lu 177', 'Lu-177'],
    ['Lu177m', 'Lu-177m'],
    ['LU-177M', 'Lu-177m'],
    ['lu-177m1', 'Lu-177m'],
    ['Tc-99m', 'Tc-99m'],
    ['99mTc', 'Tc-99m'],
    ['tc99m', 'Tc-99m'],
    [' Ga-68 ', 'Ga-68'],
    ['Ta-182n', 'Ta-182n'],
    ['Am-242m1', 'Am-242m'],
    ['3H', 'H-3'],
    ['Pa234m', 'Pa-234m'],
    ['1n', 'n-1'],
    ['镥-177', 'Lu-177'],
    ['锕-225', 'Ac-225'],
    ['镓-68', 'Ga-68'],
    ['氟-18', 'F-18'],
    ['铅-212', 'Pb-212'],
    ['177镥', 'Lu-177'],
    ['镥177m', 'Lu-177m'],
    ['锝-99m', 'Tc-99m'],
    ['99m锝', 'Tc-99m'],
    ['¹⁷⁷Lu', 'Lu-177'],
    ['镥－１７７', 'Lu-177'],
  ])('resolves %j to %s', (text, name) => {
    const r = resolveNuclide(data, text);
    expect(r.ok && r.value.name).toBe(name);
    // The very object of the dataset, not a copy.
    expect(r.ok && r.value).toBe(data.byName.get(name));
  });

  it('has a Chinese name for every element of the dataset, one per atomic number', () => {
    expect(ELEMENT_NAMES_ZH).toHaveLength(118);
    expect(new Set(ELEMENT_NAMES_ZH.map(([, zh]) => zh)).size).toBe(118);
    for (const n of data.nuclides) {
      if (n.z === null || n.z === 0) continue;
      const symbol = n.name.slice(0, n.name.indexOf('-'));
      expect(ELEMENT_NAMES_ZH[n.z - 1]?.[0], n.name).toBe(symbol);
    }
  });

  it('names the Chinese text as given when it knows no such nuclide', () => {
    const r = resolveNuclide(data, '镥-999');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/^unknown nuclide "镥-999"/);
  });

  it('tells a ground state from its isomer', () => {
    const ground = resolveNuclide(data, 'lu177');
    const isomer = resolveNuclide(data, 'lu177m');
    expect(ground.ok && ground.value.halfLifeText).toBe(data.byName.get('Lu-177')?.halfLifeText);
    expect(isomer.ok && isomer.value.halfLifeText).toBe('13858560');
  });

  it.each(['Lu-999', 'Xx-12', 'Lu178q', 'Tc-99x', ''])(
    'refuses %j with unknown-nuclide, naming the text and the dataset',
    (text) => {
      const e = failure(resolveNuclide(data, text));
      expect(e.code).toBe('unknown-nuclide');
      expect(e.message).toContain(`"${text}"`);
      expect(e.message).toContain(data.name);
      expect(e.message).not.toContain('\n');
    },
  );

  it('suggests Lu-178 for Lu178q', () => {
    const e = failure(resolveNuclide(data, 'Lu178q'));
    expect(e.message).toMatch(/did you mean Lu-178\b/);
    expect(e.message).toContain('Lu-178m');
  });

  it('suggests real lutetium names for Lu-999', () => {
    const e = failure(resolveNuclide(data, 'Lu-999'));
    const hint = /did you mean (.*)\?$/.exec(e.message)?.[1]?.split(', ') ?? [];
    expect(hint.length).toBeGreaterThan(0);
    expect(hint.length).toBeLessThanOrEqual(3);
    for (const name of hint) expect(data.byName.has(name)).toBe(true);
    expect(hint.some((name) => name.startsWith('Lu-'))).toBe(true);
  });

  it('suggests mass-12 nuclides for Xx-12', () => {
    const e = failure(resolveNuclide(data, 'Xx-12'));
    const hint = /did you mean (.*)\?$/.exec(e.message)?.[1]?.split(', ') ?? [];
    expect(hint).toHaveLength(3);
    for (const name of hint) expect(name).toMatch(/^[A-Z][a-z]?-12$/);
  });

  it('works on any dataset, naming its nearest nuclide however far', () => {
    const tiny = dataset('tiny', '', [
      nuclide({ name: 'Abc-100', halfLifeText: null, branches: [] }),
    ]);
    const ok = resolveNuclide(tiny, 'abc100');
    expect(ok.ok && ok.value.name).toBe('Abc-100');
    const e = failure(resolveNuclide(tiny, 'Zzzzzzzz-1'));
    expect(e.message).toBe('unknown nuclide "Zzzzzzzz-1" in tiny; did you mean Abc-100?');
  });

  it('gives no hint when the dataset is empty', () => {
    const e = failure(resolveNuclide(dataset('empty', '', []), 'Lu-177'));
    expect(e).toEqual({ code: 'unknown-nuclide', message: 'unknown nuclide "Lu-177" in empty' });
  });
});

describe('nearestNames', () => {
  it('ranks by edit distance, then by name', () => {
    expect(nearestNames(data, 'Lu178q', 3)[0]).toBe('Lu-178');
    expect(nearestNames(data, 'Tc-99', 1)).toEqual(['Tc-99']);
    expect(nearestNames(data, 'Lu-177', 3)).toEqual(['Lu-177', 'Au-177', 'Lu-157']);
  });

  it('returns at most count names', () => {
    expect(nearestNames(data, 'Xx-12', 2)).toHaveLength(2);
    expect(nearestNames(data, 'Xx-12', 0)).toEqual([]);
  });
});
