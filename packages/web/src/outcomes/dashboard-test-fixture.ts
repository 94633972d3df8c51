import type { Curve, Dashboard, GroupSummary } from './outcomes-types.js';

/** A small curve: [months, S, lower, upper] from [0, 1, 1, 1]. */
function curve(
  points: Curve['points'],
  censoredAt: number[],
  atRisk: number[],
  median: Curve['median'],
): Curve {
  const n = atRisk[0] ?? 0;
  return { n, events: points.length - 1, median, points, censoredAt, atRisk };
}

const interval = (successes: number, n: number, lower: number, upper: number) => ({
  successes,
  n,
  estimate: successes / n,
  lower,
  upper,
});

const treated: GroupSummary = {
  group: 'Lu-177 PSMA-617 + SoC',
  patients: 143,
  psa50: interval(76, 143, 0.4463, 0.6153),
  psa90: interval(42, 143, 0.2206, 0.3756),
  measurable: 89,
  orr: interval(29, 89, 0.2302, 0.4334),
  dcr: interval(79, 89, 0.8031, 0.9448),
  bestResponses: { CR: 5, PR: 24, SD: 50, PD: 10, NE: 0 },
  grade3Plus: interval(59, 143, 0.331, 0.4979),
  rpfs: curve(
    [
      [0, 1, 1, 1],
      [2, 0.8, 0.6, 0.95],
      [5, 0.6, 0.4, 0.8],
      [7.5, 0.4, 0.2, 0.6],
    ],
    [3, 9.5],
    [5, 4, 2, 1],
    { estimate: 7.5, lower: 5, upper: null },
  ),
  os: curve(
    [
      [0, 1, 1, 1],
      [4, 0.75, 0.5, 0.9],
    ],
    [6, 8, 11],
    [4, 3, 2, 1],
    { estimate: null, lower: 4, upper: null },
  ),
};

const control: GroupSummary = {
  group: 'SoC',
  patients: 157,
  psa50: interval(30, 157, 0.1328, 0.2614),
  psa90: interval(7, 157, 0.0181, 0.0897),
  measurable: 89,
  orr: interval(3, 89, 0.007, 0.0954),
  dcr: interval(65, 89, 0.6258, 0.819),
  bestResponses: { CR: 1, PR: 2, SD: 62, PD: 24, NE: 0 },
  grade3Plus: interval(14, 157, 0.0496, 0.1451),
  rpfs: curve(
    [
      [0, 1, 1, 1],
      [1, 0.5, 0.2, 0.8],
      [4, 0, null, null],
    ],
    [],
    [2, 1, 0, 0],
    { estimate: 1, lower: 1, upper: 4 },
  ),
  os: curve(
    [
      [0, 1, 1, 1],
      [3, 0.5, 0.1, 0.9],
    ],
    [5],
    [2, 2, 1, 0],
    { estimate: 3, lower: 3, upper: null },
  ),
};

/** A randomised synthetic study by arm, as the team sees it (patient-level swimmer rows). */
export function dashboard(patch: Partial<Dashboard> = {}): Dashboard {
  return {
    study: { code: 'SYN-LUPSMA', name: 'Synthetic randomised study (synthetic)', synthetic: true },
    grouping: 'arm',
    patients: 300,
    groups: [treated, control],
    atRiskMonths: [0, 3, 6, 9],
    rpfsComparison: {
      reference: 'Lu-177 PSMA-617 + SoC',
      hazardRatios: [{ group: 'SoC', hr: 1.99601, lower: 1.54823, upper: 2.5733, p: 9.69e-8 }],
      logRankChiSquare: 29.4898,
      logRankDf: 1,
      logRankP: 5.62e-8,
    },
    osComparison: { unavailable: 'Only one group: nothing to compare.' },
    waterfall: [
      { group: 'SoC', bestPsaChangePct: 240 },
      { group: 'Lu-177 PSMA-617 + SoC', bestPsaChangePct: -95 },
      { group: 'SoC', bestPsaChangePct: 12.5 },
      { group: 'Lu-177 PSMA-617 + SoC', bestPsaChangePct: -60 },
      { group: 'Lu-177 PSMA-617 + SoC', bestPsaChangePct: 100 },
    ],
    swimmers: [
      {
        ref: 'SYN-LUPSMA-002',
        arm: 'SoC',
        cycles: [],
        bestResponse: 'SD',
        responseAt: null,
        progressionAt: 2.7,
        deathAt: 9.1,
        endAt: 9.1,
        ongoing: false,
      },
      {
        ref: 'SYN-LUPSMA-001',
        arm: 'Lu-177 PSMA-617 + SoC',
        cycles: [0, 1.38, 2.76],
        bestResponse: 'PR',
        responseAt: 2.1,
        progressionAt: null,
        deathAt: null,
        endAt: 11.2,
        ongoing: true,
      },
    ],
    ...patch,
  };
}
