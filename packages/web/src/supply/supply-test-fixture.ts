import type { SiteSupply } from './supply-types.js';

/** A small day of supply for the tests: two Ga-68 generators and a Lu-177 lot. */
const gen = (label: string, releases: [string, number, boolean][]) => ({
  id: '00000000-0000-4000-8000-000000000001',
  label,
  type: 'Ge-68/Ga-68',
  nuclide: 'Ga-68',
  intervalMinutes: 150,
  efficiency: 0.7,
  efficiencyBasis: 'nominal',
  releases: releases.map(([at, activityBq, recorded]) => ({ at, activityBq, recorded })),
});

export const SUPPLY: SiteSupply = {
  siteId: '00000000-0000-4000-8000-0000000000aa',
  date: '2026-11-24',
  timeZone: 'Asia/Shanghai',
  horizon: { start: '2026-11-23T16:00:00.000Z', end: '2026-11-24T16:00:00.000Z' },
  supply: [
    {
      nuclide: 'Ga-68',
      kind: 'generator',
      label: 'G2',
      releases: [
        { at: '2026-11-23T23:00:00.000Z', activityBq: 1e9 },
        { at: '2026-11-24T01:30:00.000Z', activityBq: 8e8 },
      ],
    },
    {
      nuclide: 'Ga-68',
      kind: 'generator',
      label: 'G1',
      releases: [{ at: '2026-11-23T23:00:00.000Z', activityBq: 1.2e9 }],
    },
    {
      nuclide: 'Lu-177',
      kind: 'lot',
      label: 'Lu lot',
      releases: [{ at: '2026-11-23T16:00:00.000Z', activityBq: 3.7e11 }],
    },
  ],
  generators: [
    gen('G1', [['2026-11-23T23:00:00.000Z', 1.2e9, true]]),
    gen('G2', [
      ['2026-11-23T23:00:00.000Z', 1e9, false],
      ['2026-11-24T01:30:00.000Z', 8e8, false],
    ]),
  ],
  lots: [],
  cyclotronRuns: [],
  boughtAsNeeded: ['F-18'],
  notes: [],
};
