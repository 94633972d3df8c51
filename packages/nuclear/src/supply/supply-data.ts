/**
 * Figures of the supply models, each with where it comes from. `sourced`: a named primary source
 * (regulation, label, paper) this project relies on; `unconfirmed`: a named source quoted from
 * memory that still needs checking against its text; `assumption`: a typical value chosen here, to be
 * replaced by the site's own (a generator's measured elutions replace its nominal efficiency).
 * Half-lives and branchings never appear here: they come from the dataset (NUBASE2020).
 */
export type FigureStatus = 'sourced' | 'unconfirmed' | 'assumption';

export interface Figure {
  readonly value: number;
  readonly status: FigureStatus;
  readonly source: string;
}

const assumption = (value: number, source: string): Figure => ({
  value,
  status: 'assumption',
  source: `assumption: ${source}`,
});

const DAY = 86_400;
const YEAR = 365.2422 * DAY;

export type GeneratorId =
  | 'Ge-68/Ga-68'
  | 'Mo-99/Tc-99m'
  | 'W-188/Re-188'
  | 'Ra-224/Pb-212'
  | 'Th-228/Pb-212'
  | 'Ac-225/Bi-213';

export interface GeneratorType {
  readonly id: GeneratorId;
  /** The nuclide loaded on the column; every member of its chain above the daughter stays there. */
  readonly parent: string;
  /** The nuclide eluted (its own daughters leave with it in the same fraction). */
  readonly daughter: string;
  /** Fraction of the daughter on the column that an elution removes, for a new generator. */
  readonly efficiency: Figure;
  /** Loss of efficiency per year of age (absolute, 0.1 = ten points a year), until records exist. */
  readonly efficiencyLossPerYear: Figure;
  /** Fraction of the parent on the column that leaves with each elution. */
  readonly breakthroughFraction: Figure;
  /** Most parent activity per daughter activity in the eluate, or null when none is set. */
  readonly breakthroughLimit: Figure | null;
  /** How long the generator may be used after calibration, seconds. */
  readonly shelfLife: Figure;
}

export const GENERATOR_TYPES: readonly GeneratorType[] = [
  {
    id: 'Ge-68/Ga-68',
    parent: 'Ge-68',
    daughter: 'Ga-68',
    efficiency: assumption(0.7, 'typical first-elution yield of commercial TiO2/SnO2 columns'),
    efficiencyLossPerYear: assumption(0.1, 'yields fall over a generator life of about a year'),
    breakthroughFraction: assumption(5e-6, 'Ge-68 leaving the column per elution, fresh column'),
    breakthroughLimit: {
      value: 1e-5,
      status: 'unconfirmed',
      source:
        'Ph. Eur. monograph 2464, Gallium (68Ga) chloride solution for radiolabelling: Ge-68 ≤ 0.001% of the Ga-68 activity',
    },
    shelfLife: assumption(YEAR, 'one year from calibration, as commonly licensed'),
  },
  {
    id: 'Mo-99/Tc-99m',
    parent: 'Mo-99',
    daughter: 'Tc-99m',
    efficiency: assumption(0.9, 'typical alumina-column elution yield'),
    efficiencyLossPerYear: assumption(0, 'used for about two weeks; no ageing modelled'),
    breakthroughFraction: assumption(1e-5, 'Mo-99 leaving an alumina column per elution'),
    breakthroughLimit: {
      value: 1.5e-4,
      status: 'sourced',
      source: '10 CFR 35.204(a): 0.15 kBq Mo-99 per MBq Tc-99m at administration',
    },
    shelfLife: assumption(14 * DAY, 'two weeks from calibration'),
  },
  {
    id: 'W-188/Re-188',
    parent: 'W-188',
    daughter: 'Re-188',
    efficiency: assumption(0.8, 'typical alumina-column elution yield'),
    efficiencyLossPerYear: assumption(0.1, 'slow decline over the months of use'),
    breakthroughFraction: assumption(1e-6, 'W-188 leaving an alumina column per elution'),
    breakthroughLimit: assumption(1e-5, 'W-188 ≤ 0.001% of Re-188, by analogy with Ge-68'),
    shelfLife: assumption(180 * DAY, 'about six months (W-188 half-life 69 d)'),
  },
  {
    id: 'Ra-224/Pb-212',
    parent: 'Ra-224',
    daughter: 'Pb-212',
    efficiency: assumption(0.8, 'typical cation-exchange elution yield of Pb-212'),
    efficiencyLossPerYear: assumption(0, 'used for about a week; no ageing modelled'),
    breakthroughFraction: assumption(1e-5, 'Ra-224 leaving the column per elution'),
    breakthroughLimit: assumption(1e-4, 'Ra-224 ≤ 0.01% of Pb-212 in the eluate'),
    shelfLife: assumption(7 * DAY, 'one week (Ra-224 half-life 3.6 d)'),
  },
  {
    id: 'Th-228/Pb-212',
    parent: 'Th-228',
    daughter: 'Pb-212',
    efficiency: assumption(0.8, 'typical Pb-212 elution yield of a benchtop Th-228 source'),
    efficiencyLossPerYear: assumption(0.05, 'radiolysis of the column over its life'),
    breakthroughFraction: assumption(1e-6, 'Th-228 leaving the column per elution'),
    breakthroughLimit: assumption(1e-5, 'Th-228 ≤ 0.001% of Pb-212 in the eluate'),
    shelfLife: assumption(YEAR, 'one year (Th-228 half-life 1.9 y)'),
  },
  {
    id: 'Ac-225/Bi-213',
    parent: 'Ac-225',
    daughter: 'Bi-213',
    efficiency: assumption(0.8, 'typical Bi-213 elution yield of an AG MP-50 column'),
    efficiencyLossPerYear: assumption(0, 'used for weeks; no ageing modelled'),
    breakthroughFraction: assumption(1e-6, 'Ac-225 leaving the column per elution'),
    breakthroughLimit: assumption(1e-5, 'Ac-225 ≤ 0.001% of Bi-213 in the eluate'),
    shelfLife: assumption(30 * DAY, 'about a month (Ac-225 half-life 9.9 d)'),
  },
];

export interface CyclotronTarget {
  readonly id: string;
  /** What the beam makes (Xe-123 for I-123) and what is sold after decay and synthesis. */
  readonly produced: string;
  readonly product: string;
  readonly reaction: string;
  /** Activity of `produced` at saturation per µA of beam, Bq/µA. */
  readonly saturationYieldBqPerUA: Figure;
  readonly maxBeamCurrentUA: Figure;
  /** Longest bombardment the target stands, seconds. */
  readonly maxBombardment: Figure;
}

const GBQ = 1e9;
const HOUR = 3600;
const TRS =
  'order of magnitude of thick-target yields (IAEA TRS 468, 2009); check against the table';

export const CYCLOTRON_TARGETS: readonly CyclotronTarget[] = [
  {
    id: 'F-18 from O-18 water',
    produced: 'F-18',
    product: 'F-18',
    reaction: '18O(p,n)18F, 16–18 MeV',
    saturationYieldBqPerUA: assumption(
      7 * GBQ,
      `${TRS}; consistent with 60 GBq per 90-min run at about 20 µA (Alagona et al. 1994, facts.md)`,
    ),
    maxBeamCurrentUA: assumption(60, 'typical niobium water target'),
    maxBombardment: assumption(3 * HOUR, 'typical longest F-18 run'),
  },
  {
    id: 'Ga-68 from Zn-68 liquid',
    produced: 'Ga-68',
    product: 'Ga-68',
    reaction: '68Zn(p,n)68Ga, zinc nitrate solution',
    saturationYieldBqPerUA: assumption(
      0.2 * GBQ,
      `${TRS}; liquid targets give about 1/25 of solid`,
    ),
    maxBeamCurrentUA: assumption(45, 'liquid target, limited by pressure'),
    maxBombardment: assumption(1.5 * HOUR, 'beyond about two half-lives little is gained'),
  },
  {
    id: 'Ga-68 from Zn-68 solid',
    produced: 'Ga-68',
    product: 'Ga-68',
    reaction: '68Zn(p,n)68Ga, electroplated Zn-68',
    saturationYieldBqPerUA: assumption(5 * GBQ, TRS),
    maxBeamCurrentUA: assumption(50, 'solid target cooling'),
    maxBombardment: assumption(2 * HOUR, 'beyond about two half-lives little is gained'),
  },
  {
    id: 'Cu-64 from Ni-64',
    produced: 'Cu-64',
    product: 'Cu-64',
    reaction: '64Ni(p,n)64Cu, electroplated Ni-64',
    saturationYieldBqPerUA: assumption(3.5 * GBQ, TRS),
    maxBeamCurrentUA: assumption(40, 'solid target cooling'),
    maxBombardment: assumption(8 * HOUR, 'a working day'),
  },
  {
    id: 'Zr-89 from Y-89',
    produced: 'Zr-89',
    product: 'Zr-89',
    reaction: '89Y(p,n)89Zr, yttrium foil',
    saturationYieldBqPerUA: assumption(4 * GBQ, TRS),
    maxBeamCurrentUA: assumption(40, 'foil target cooling'),
    maxBombardment: assumption(4 * HOUR, 'typical run'),
  },
  {
    id: 'I-123 from Xe-124',
    produced: 'Xe-123',
    product: 'I-123',
    reaction: '124Xe(p,x)123Xe → 123I, enriched xenon gas',
    saturationYieldBqPerUA: assumption(5 * GBQ, `${TRS}; Xe-123 yield, I-123 grows in after EOB`),
    maxBeamCurrentUA: assumption(30, 'gas target'),
    maxBombardment: assumption(6 * HOUR, 'typical run'),
  },
  {
    id: 'Ge-68 from Ga-69',
    produced: 'Ge-68',
    product: 'Ge-68',
    reaction: '69Ga(p,2n)68Ge, Ga/Ni alloy',
    saturationYieldBqPerUA: assumption(7 * GBQ, TRS),
    maxBeamCurrentUA: assumption(100, 'high-power encapsulated target'),
    maxBombardment: assumption(10 * DAY, 'long irradiation at an isotope-production cyclotron'),
  },
  {
    id: 'Ac-225 from Ra-226',
    produced: 'Ac-225',
    product: 'Ac-225',
    reaction: '226Ra(p,2n)225Ac',
    saturationYieldBqPerUA: assumption(
      1 * GBQ,
      'depends on the radium mass; a target of tens of mg',
    ),
    maxBeamCurrentUA: assumption(20, 'radium target safety'),
    maxBombardment: assumption(2 * DAY, 'typical run'),
  },
];

export type LotKind = 'Lu-177 carrier-added' | 'Lu-177 no-carrier-added' | 'Ac-225 accelerator';

export interface LotProfile {
  readonly kind: LotKind;
  readonly nuclide: string;
  readonly carrier: 'carrier-added' | 'no-carrier-added';
  /** Impurities as activity per activity of the main nuclide at end of bombardment/irradiation. */
  readonly impurities: readonly { readonly nuclide: string; readonly ratio: Figure }[];
}

export const LOT_PROFILES: readonly LotProfile[] = [
  {
    kind: 'Lu-177 carrier-added',
    nuclide: 'Lu-177',
    carrier: 'carrier-added',
    impurities: [
      {
        nuclide: 'Lu-177m',
        ratio: {
          value: 2e-4,
          status: 'unconfirmed',
          source:
            '176Lu(n,γ): Lu-177m about 0.01–0.02% of Lu-177 at end of irradiation (Dash, Pillai & Knapp, Nucl Med Mol Imaging 2015)',
        },
      },
    ],
  },
  {
    kind: 'Lu-177 no-carrier-added',
    nuclide: 'Lu-177',
    carrier: 'no-carrier-added',
    impurities: [],
  },
  {
    kind: 'Ac-225 accelerator',
    nuclide: 'Ac-225',
    carrier: 'no-carrier-added',
    impurities: [
      {
        nuclide: 'Ac-227',
        ratio: {
          value: 1.5e-3,
          status: 'unconfirmed',
          source:
            'Th-232 spallation: Ac-227 about 0.1–0.3% of Ac-225 at end of bombardment (reported range)',
        },
      },
    ],
  },
];

/**
 * Clearance levels, Bq/g (EU BSS 2013/59/Euratom Annex VII, as in UK EPR 2016 Sch. 23; facts.md).
 * A mixture is clear when the sum of activity concentration ÷ level is at most 1.
 */
export const CLEARANCE_BQ_PER_G: Readonly<Record<string, Figure>> = {
  ...Object.fromEntries(
    (
      [
        ['F-18', 10],
        ['Cu-64', 100],
        ['Sr-89', 1000],
        ['Y-90', 1000],
        ['Mo-99', 10],
        ['Tc-99m', 100],
        ['In-111', 10],
        ['I-123', 100],
        ['I-131', 1],
        ['Sm-153', 100],
      ] as const
    ).map(([n, v]): [string, Figure] => [
      n,
      { value: v, status: 'sourced', source: 'EU BSS Annex VII (facts.md)' },
    ]),
  ),
  'Lu-177': {
    value: 100,
    status: 'unconfirmed',
    source: 'EU BSS Annex VII (facts.md marks it unconfirmed)',
  },
};

/** Decay-in-storage common practice (not regulation; US 10 CFR 35.92 asks for background). */
export const STORAGE_HALF_LIVES: Figure = {
  value: 10,
  status: 'sourced',
  source: '"ten half-lives" common practice for decay-in-storage (facts.md; 10 CFR 35.92)',
};
