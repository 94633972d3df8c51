import { describe, expect, it } from 'vitest';
import { failure, value } from '../test/results.js';
import { fixture } from '../test/fixtures.js';
import { builtinDataset } from './builtin-dataset.js';
import type { Dataset } from './dataset.js';
import { DATASET_CSV_HEADER, exportDatasetCsv, parseDatasetCsv } from './dataset-csv.js';
import { decaySolver } from './decay-solver.js';
import { seconds, SECONDS_PER_YEAR } from './units.js';

/** A file in the import format: the header, then the given rows. */
function csv(...rows: string[]): string {
  return [DATASET_CSV_HEADER, ...rows].join('\n') + '\n';
}

describe('exportDatasetCsv → parseDatasetCsv round trip of NUBASE2020', () => {
  const builtin = builtinDataset();
  const text = exportDatasetCsv(builtin);
  const imported = value(parseDatasetCsv(text, { name: 'round trip' }));

  it('writes the header first and one row per branch or stable nuclide', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(DATASET_CSV_HEADER);
    const rows = builtin.nuclides.reduce((s, n) => s + Math.max(1, n.branches.length), 0);
    expect(lines).toHaveLength(rows + 1);
    expect(lines).toContain('Bi-212,3633,Po-212,B-,0.64046');
    expect(lines).toContain('Pb-208,inf,,,');
  });

  it('keeps every nuclide, in order, with its half-life and branches', () => {
    expect(imported.name).toBe('round trip');
    expect(imported.nuclides.map((n) => n.name)).toEqual(builtin.nuclides.map((n) => n.name));
    builtin.nuclides.forEach((n, i) => {
      const m = imported.nuclides[i];
      expect(m?.halfLife).toBe(n.halfLife);
      expect(m?.lambda).toBe(n.lambda);
      expect(m?.halfLifeText === null ? null : Number(m?.halfLifeText)).toBe(
        n.halfLifeText === null ? null : Number(n.halfLifeText),
      );
      expect(m?.branches).toEqual(n.branches);
    });
  });

  it('keeps branches whose atoms leave the system (empty daughter)', () => {
    const leaving = builtin.nuclides.flatMap((n) => n.branches.filter((b) => b.daughter === null));
    expect(leaving.length).toBeGreaterThan(0);
    const again = imported.nuclides.flatMap((n) => n.branches.filter((b) => b.daughter === null));
    expect(again).toEqual(leaving);
  });

  it('exports the imported dataset to the same text', () => {
    expect(exportDatasetCsv(imported)).toBe(text);
  });

  const inventories: Array<[string, Record<string, number>]> = [
    ['Ac-225', { 'Ac-225': 1e12 }],
    ['Th-228', { 'Th-228': 3e15 }],
    ['Mo-99', { 'Mo-99': 5e16 }],
    ['Lu-177 + Lu-177m', { 'Lu-177': 4e16, 'Lu-177m': 2e13 }],
    ['U-238', { 'U-238': 2.5e21 }],
  ];
  const times = [0, 60, 3600, 86_400, 10 * 86_400, SECONDS_PER_YEAR, 1e4 * SECONDS_PER_YEAR];

  it.each(inventories)('decays %s bit-identically with both datasets', (_, amounts) => {
    const inventory = new Map(Object.entries(amounts));
    const a = decaySolver(builtin, inventory);
    const b = decaySolver(imported, inventory);
    expect(b.members.map((m) => m.name)).toEqual(a.members.map((m) => m.name));
    expect(a.members.length).toBeGreaterThan(1);
    for (const t of times) {
      const x = a.at(seconds(t));
      const y = b.at(seconds(t));
      expect(Array.from(y.atoms)).toStrictEqual(Array.from(x.atoms));
      expect(Array.from(y.activities)).toStrictEqual(Array.from(x.activities));
    }
    // Something actually decayed: the parent lost atoms after a year.
    const [parent] = Object.keys(amounts);
    const i = a.members.findIndex((m) => m.name === parent);
    const later = a.at(seconds(SECONDS_PER_YEAR)).atoms[i] as number;
    expect(later).toBeLessThan(amounts[parent as string] as number);
  });
});

describe('parseDatasetCsv refuses a bad file with the line and the reason', () => {
  it('accepts a small valid file', () => {
    const data = value(
      parseDatasetCsv(
        csv('A-1,10,B-1,B-,0.25', 'A-1,10,C-1,A,0.75', 'B-1,inf,,,', 'C-1,2.5e3,,,'),
        { name: 'small', citation: 'made up' },
      ),
    );
    expect(data.name).toBe('small');
    expect(data.citation).toBe('made up');
    expect(data.nuclides.map((n) => [n.name, n.halfLife, n.branches.length])).toEqual([
      ['A-1', 10, 2],
      ['B-1', Infinity, 0],
      ['C-1', 2500, 0],
    ]);
    expect(data.byName.get('A-1')?.branches).toEqual([
      { mode: 'B-', daughter: 'B-1', fraction: 0.25 },
      { mode: 'A', daughter: 'C-1', fraction: 0.75 },
    ]);
  });

  it('accepts CRLF line ends, a BOM, blank lines and comments', () => {
    const text =
      '\uFEFF' + DATASET_CSV_HEADER + '\r\n# comment\r\n\r\nA-1,10,B-1,B-,1\r\nB-1,inf,,,\r\n';
    expect(value(parseDatasetCsv(text)).nuclides.map((n) => n.name)).toEqual(['A-1', 'B-1']);
  });

  it.each<[string, string, RegExp]>([
    ['a wrong header', 'nuclide,half_life_s,daughter\nA-1,1,,,\n', /^line 1: expected the header/],
    ['an empty file', '', /^line 1: expected the header/],
    [
      'a row with four columns',
      csv('A-1,10,B-1,B-', 'B-1,inf,,,'),
      /^line 2: expected 5 columns .*got 4$/,
    ],
    [
      'a row with six columns',
      csv('B-1,inf,,,', 'A-1,10,B-1,B-,1,x'),
      /^line 3: expected 5 columns .*got 6$/,
    ],
    [
      'a negative half-life',
      csv('A-1,-5,B-1,B-,1', 'B-1,inf,,,'),
      /^line 2: half_life_s "-5" must be 1e-30 to 1e\+40 seconds/,
    ],
    [
      'a garbage half-life',
      csv('B-1,inf,,,', 'A-1,abc,B-1,B-,1'),
      /^line 3: half_life_s "abc" must be 1e-30 to 1e\+40 seconds/,
    ],
    [
      'a zero half-life',
      csv('A-1,0,B-1,B-,1', 'B-1,inf,,,'),
      /^line 2: half_life_s "0" must be 1e-30 to 1e\+40 seconds/,
    ],
    [
      'a fraction above 1',
      csv('A-1,10,B-1,B-,1.2', 'B-1,inf,,,'),
      /^line 2: fraction "1.2" must be a number between 0 and 1$/,
    ],
    [
      'a negative fraction',
      csv('A-1,10,B-1,B-,-0.5', 'B-1,inf,,,'),
      /^line 2: fraction "-0.5" must be a number between 0 and 1$/,
    ],
    [
      'fractions adding up to 1.5',
      csv('A-1,10,B-1,B-,0.75', 'A-1,10,C-1,A,0.75', 'B-1,inf,,,', 'C-1,inf,,,'),
      /^line 2: A-1: branching fractions add up to 1.5, more than 1$/,
    ],
    [
      'a daughter that is not in the file',
      csv('B-1,inf,,,', 'A-1,10,X-1,B-,1'),
      /^line 3: A-1: daughter X-1 is not a nuclide of this file/,
    ],
    [
      'a stable nuclide with a daughter',
      csv('A-1,10,B-1,B-,1', 'B-1,inf,A-1,A,1'),
      /^line 3: B-1 is stable \(inf\) and cannot have a daughter/,
    ],
    [
      'two half-lives for one nuclide',
      csv('A-1,10,B-1,B-,0.5', 'B-1,inf,,,', 'A-1,11,B-1,A,0.5'),
      /^line 4: A-1: half_life_s 11 differs from 10 on line 2$/,
    ],
    [
      'a nuclide decaying to itself',
      csv('A-1,10,A-1,B-,1'),
      /^line 2: A-1 cannot decay to itself$/,
    ],
    ['a bad nuclide name', csv('1-A,10,,,'), /^line 2: nuclide "1-A" is not a name/],
    ['no nuclide at all', csv(), /^line 2: the file lists no nuclide$/],
  ])('refuses %s', (_, text, message) => {
    const e = failure(parseDatasetCsv(text));
    expect(e.code).toBe('bad-dataset');
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('accepts fractions that add up to 1 within the rounding slack', () => {
    const text = csv('A-1,10,B-1,B-,0.5', 'A-1,10,C-1,A,0.5005', 'B-1,inf,,,', 'C-1,inf,,,');
    expect(value(parseDatasetCsv(text)).byName.get('A-1')?.branches).toHaveLength(2);
  });

  it('refuses a decay cycle A → B → A, naming it', () => {
    const e = failure(parseDatasetCsv(csv('A-1,10,B-1,B-,1', 'B-1,20,A-1,A,1')));
    expect(e.code).toBe('bad-dataset');
    expect(e.message).toMatch(/decay cycle/);
    expect(e.message).toMatch(/A-1 → B-1 → A-1|B-1 → A-1 → B-1/);
  });

  it('gives the line of a decay cycle', () => {
    const e = failure(parseDatasetCsv(csv('A-1,10,B-1,B-,1', 'B-1,20,A-1,A,1')));
    expect(e.message).toMatch(/^line [23]: /);
  });

  it('gives the line of the row whose daughter is missing', () => {
    const e = failure(parseDatasetCsv(csv('A-1,10,B-1,B-,0.5', 'A-1,10,X-1,A,0.5', 'B-1,inf,,,')));
    expect(e.message).toMatch(/^line 3: A-1: daughter X-1/);
  });
});

describe('the ICRP-107 fixture in the import format', () => {
  const icrp: Dataset = value(
    parseDatasetCsv(fixture('icrp107/icrp107.csv'), {
      name: 'ICRP-107',
      massSource: builtinDataset(),
    }),
  );

  it('loads 1512 nuclides', () => {
    expect(icrp.nuclides).toHaveLength(1512);
    expect(icrp.name).toBe('ICRP-107');
  });

  it("has ICRP's Ta-182m of 15.84 min (950.4 s)", () => {
    const ta = icrp.byName.get('Ta-182m');
    expect(ta?.halfLife).toBe(950.4);
    expect(ta?.halfLife).toBeCloseTo(15.84 * 60, 9);
    expect(ta?.branches).toEqual([{ mode: 'IT', daughter: 'Ta-182', fraction: 1 }]);
  });

  it('feeds Tc-99m from Mo-99', () => {
    const mo = icrp.byName.get('Mo-99');
    expect(mo?.halfLife).toBe(237_384);
    expect(mo?.branches).toContainEqual({ mode: 'B-', daughter: 'Tc-99m', fraction: 0.8773 });
    expect(mo?.branches).toContainEqual({ mode: 'B-', daughter: 'Tc-99', fraction: 0.1227 });
  });

  it('lends NUBASE2020 ground-state masses by element and A', () => {
    const nubase = builtinDataset();
    expect(icrp.byName.get('Mo-99')?.massU).toBe(nubase.byName.get('Mo-99')?.massU);
    expect(icrp.byName.get('Mo-99')?.massU).toBeCloseTo(98.9077, 3);
  });
});
