import type { WasteContainer } from './waste-types.js';

/** A hospital's container of Lu-177 residues, as the API gives it (Beijing, December 2026). */
export function wasteContainer(patch: Partial<WasteContainer> = {}): WasteContainer {
  return {
    id: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
    code: 'W-1A2B3C4D',
    placeName: 'Peking Union Medical College Hospital',
    siteId: null,
    hospitalId: '2a1b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
    kind: 'residues',
    rule: 'ten-half-lives',
    massG: null,
    status: 'open',
    openedAt: '2026-12-05T01:00:00.000Z',
    closedAt: null,
    releaseAfter: null,
    releasedAt: null,
    items: [
      {
        description: 'residue of Lu-177 PSMA-617 (P-0042)',
        doseId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
        referenceAt: '2026-12-05T02:00:00.000Z',
        contents: [
          { nuclide: 'Lu-177', activityBq: 80e6 },
          { nuclide: 'Lu-177m', activityBq: 16e3 },
        ],
      },
    ],
    now: [
      { nuclide: 'Lu-177', activityBq: 79e6 },
      { nuclide: 'Lu-177m', activityBq: 16e3 },
    ],
    nowBq: 79.016e6,
    earliest: {
      at: '2027-12-01T02:00:00.000Z',
      longestLived: 'Lu-177m',
      reason: '10 half-lives of Lu-177m: 1604 days',
      warnings: [
        'Lu-177m (160.4 d) is above the 120-day limit of decay-in-storage under 10 CFR 35.92',
      ],
    },
    curve: [
      { at: '2026-12-05T01:00:00.000Z', activityBq: 0 },
      { at: '2026-12-05T02:00:00.000Z', activityBq: 80.016e6 },
      { at: '2027-06-01T02:00:00.000Z', activityBq: 8e3 },
      { at: '2027-12-01T02:00:00.000Z', activityBq: 3e3 },
    ],
    survey: null,
    ...patch,
  };
}
