import { describe, expect, it } from 'vitest';
import { builtinDataset, decayChain, type Nuclide } from '../src/index.js';

const data = builtinDataset();

function branches(name: string): Array<[string, string | null, number]> {
  const n = data.byName.get(name) as Nuclide;
  return n.branches.map((b) => [b.mode, b.daughter, b.fraction]);
}

describe('NUBASE2020 dataset as the conventions define it', () => {
  it('keeps 4367 nuclides: 3471 ground states, 896 isomers, 254 stable', () => {
    expect(data.nuclides).toHaveLength(4367);
    expect(data.nuclides.filter((n) => n.state === 0)).toHaveLength(3471);
    expect(data.nuclides.filter((n) => n.state > 0)).toHaveLength(896);
    expect(data.nuclides.filter((n) => n.halfLifeText === null)).toHaveLength(254);
  });

  it('names isomers by excitation order among kept states', () => {
    expect(data.byName.get('Lu-177m')?.halfLifeText).toBe('13858560');
    expect(data.byName.get('Tc-99m')?.halfLifeText).toBe('21623.76');
    expect(data.byName.get('Ta-182m')?.halfLife).toBeCloseTo(0.283, 12);
    expect(data.byName.get('Ta-182n')?.halfLife).toBeCloseTo(15.84 * 60, 9);
    expect(data.byName.get('Pd-126m')?.halfLife).toBeCloseTo(0.023, 12);
  });

  it('splits Bi-212 64.06/35.94 with the delayed B-A taken out of B-', () => {
    const b = branches('Bi-212');
    expect(b).toContainEqual(['B-', 'Po-212', 0.64046]);
    expect(b).toContainEqual(['A', 'Tl-208', 0.3594]);
    expect(b).toContainEqual(['B-A', 'Pb-208', 0.00014]);
  });

  it('feeds Tc-99m from Mo-99 (0.8773) and Pa-234m from Th-234', () => {
    expect(branches('Mo-99')).toEqual(
      expect.arrayContaining([
        ['B-', 'Tc-99', 0.1227],
        ['B-', 'Tc-99m', 0.8773],
      ]),
    );
    expect(branches('Th-234')).toEqual([['B-', 'Pa-234m', 1]]);
  });

  it.each([
    [
      'Ac-225',
      [
        'Ac-225',
        'Fr-221',
        'Ra-221',
        'At-217',
        'Rn-217',
        'Bi-213',
        'Po-213',
        'Bi-211',
        'Po-211',
        'Tl-209',
        'Pb-209',
        'Bi-209',
        'Tl-207',
        'Pb-207',
        'Tl-205',
      ],
    ],
    ['Pb-212', ['Pb-212', 'Bi-212', 'Po-212', 'Tl-208', 'Pb-208']],
    [
      'Th-228',
      [
        'Th-228',
        'Ra-224',
        'Rn-220',
        'Po-216',
        'Pb-212',
        'Bi-212',
        'Po-212',
        'Pb-210',
        'Bi-210',
        'Po-210',
        'Tl-208',
        'Pb-208',
        'Hg-206',
        'Tl-206',
        'Pb-206',
      ],
    ],
    ['Mo-99', ['Mo-99', 'Tc-99m', 'Tc-99', 'Ru-99']],
    ['Lu-177m', ['Lu-177m', 'Lu-177', 'Hf-177']],
  ])('the %s chain has exactly the members of the conventions', (root, members) => {
    const chain = decayChain(data, [root]);
    expect(chain.members.map((m) => m.name).sort()).toEqual([...members].sort());
    // Parents always come before their daughters.
    chain.parents.forEach((edges, to) => edges.forEach((e) => expect(e.from).toBeLessThan(to)));
  });
});
