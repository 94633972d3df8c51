/**
 * The eight demo products. Regimens, tolerances and shelf lives come from
 * /work/shared/docs/facts.md where it has them (each `source` names facts.md's source); every other
 * figure — synthesis and QC times, yields, batch sizes, costs, most shelf lives — is marked
 * "assumption (demo)" in `source`: plausible for a demo, not for planning real patients.
 *
 * Costs are in CNY.
 */

export type ProductRoute =
  'generator' | 'cyclotron' | 'reactor-bulk' | 'generator-benchtop' | 'accelerator';

export interface DemoProduct {
  /** e.g. 'GA68-PSMA11' */
  code: string;
  name: string;
  ligand: string;
  /** Canonical nuclide name, e.g. 'Ga-68'. */
  nuclide: string;
  target: 'PSMA' | 'GLUT' | 'SSTR2' | 'bone';
  use: 'diagnostic' | 'therapeutic';
  route: ProductRoute;
  synthesisMinutes: number;
  qcMinutes: number;
  /** Fraction of the starting activity in the released product (0–1). */
  radiochemicalYield: number;
  maxBatchBq: number;
  /** Usable time after the end of synthesis. */
  shelfLifeMinutes: number;
  /** Allowed deviation from the prescribed activity at administration, %. */
  tolerancePct: number;
  costPerBatch: number;
  costPerGbq: number;
  /** The usual patient dose: a fixed activity, or an activity per kg (exactly one is set). */
  doseBq: number | null;
  doseBqPerKg: number | null;
  /** Bounds on the patient dose where the label gives them (per-kg doses are clamped to them). */
  doseMinBq: number | null;
  doseMaxBq: number | null;
  /**
   * The lowest and highest activity one patient may be ordered; an order outside them is refused.
   * The highest is the label's maximum where it has one, else the highest dose given in the
   * regimen's source plus 20% (10 CFR 35.63); the lowest is the label's minimum, else 5% of the
   * usual dose (a floor against unit slips, not a clinical limit). `source` says which.
   */
  patientLimits: { minBq: number; maxBq: number; source: string };
  source: string;
}

const MBq = 1e6;
const GBq = 1e9;
const kBq = 1e3;

/** 10 CFR 35.63: more than 20% from the prescribed dosage needs the authorized user's direction. */
const DEFAULT_TOLERANCE_PCT = 20;

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    code: 'GA68-PSMA11',
    name: 'Ga-68 PSMA-11 (gozetotide)',
    ligand: 'PSMA-11 (gozetotide)',
    nuclide: 'Ga-68',
    target: 'PSMA',
    use: 'diagnostic',
    route: 'generator',
    synthesisMinutes: 25,
    qcMinutes: 15,
    radiochemicalYield: 0.65,
    maxBatchBq: 1.5 * GBq,
    shelfLifeMinutes: 240,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    costPerBatch: 3000,
    costPerGbq: 2000,
    doseBq: null,
    doseBqPerKg: 2.0 * MBq,
    doseMinBq: 111 * MBq,
    doseMaxBq: 259 * MBq,
    patientLimits: {
      minBq: 111 * MBq,
      maxBq: 259 * MBq,
      source: 'Label range 111–259 MBq (US labels, UK SmPC; facts.md).',
    },
    source:
      'Dose 2.0 MBq/kg (EU 1.8–2.2 MBq/kg, min 111 MBq, max 259 MBq): US labels and UK SmPC of ' +
      'Locametz/Illuccix, via facts.md. Tolerance ±20%: 10 CFR 35.63 default (facts.md). ' +
      'Synthesis 25 min, QC 15 min, yield 0.65, batch 1.5 GBq (one Ge-68/Ga-68 elution), ' +
      'shelf life 240 min, costs: assumption (demo).',
  },
  {
    code: 'F18-FDG',
    name: 'F-18 FDG (fludeoxyglucose)',
    ligand: 'FDG (2-deoxy-2-fluoro-D-glucose)',
    nuclide: 'F-18',
    target: 'GLUT',
    use: 'diagnostic',
    route: 'cyclotron',
    synthesisMinutes: 30,
    qcMinutes: 20,
    radiochemicalYield: 0.37,
    maxBatchBq: 22 * GBq,
    shelfLifeMinutes: 600,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    costPerBatch: 8000,
    costPerGbq: 300,
    doseBq: 370 * MBq,
    doseBqPerKg: null,
    doseMinBq: null,
    doseMaxBq: null,
    patientLimits: {
      minBq: 18.5 * MBq,
      maxBq: 444 * MBq,
      source:
        'Max: 370 MBq + 20% (10 CFR 35.63; usual adult dose 370 MBq); min: 5% of 370 MBq, a floor against unit slips (assumption).',
    },
    source:
      'Batch 22 GBq FDG from 60 GBq F-18 per 90-min bombardment, hence yield 0.37 (not decay ' +
      'corrected): Alagona et al. 1994, via facts.md. Tolerance ±20%: 10 CFR 35.63 default ' +
      '(facts.md). Dose 370 MBq: common practice, assumption (demo). Synthesis 30 min, QC 20 min, ' +
      'shelf life 600 min, costs: assumption (demo).',
  },
  {
    code: 'F18-DCFPYL',
    name: 'F-18 PSMA (piflufolastat)',
    ligand: 'piflufolastat (DCFPyL)',
    nuclide: 'F-18',
    target: 'PSMA',
    use: 'diagnostic',
    route: 'cyclotron',
    synthesisMinutes: 50,
    qcMinutes: 25,
    radiochemicalYield: 0.25,
    maxBatchBq: 15 * GBq,
    shelfLifeMinutes: 600,
    tolerancePct: 11,
    costPerBatch: 15000,
    costPerGbq: 800,
    doseBq: 333 * MBq,
    doseBqPerKg: null,
    doseMinBq: 296 * MBq,
    doseMaxBq: 370 * MBq,
    patientLimits: {
      minBq: 296 * MBq,
      maxBq: 370 * MBq,
      source: 'Label range 296–370 MBq (Pylarify US label; facts.md).',
    },
    source:
      'Dose 333 MBq (296–370 MBq), hence tolerance ±11% (the label range is 333 MBq ± 11.1%): ' +
      'Pylarify US label, via facts.md. Synthesis 50 min, QC 25 min, yield 0.25, batch 15 GBq, ' +
      'shelf life 600 min, costs: assumption (demo).',
  },
  {
    code: 'LU177-PSMA617',
    name: 'Lu-177 PSMA-617 (vipivotide tetraxetan)',
    ligand: 'PSMA-617 (vipivotide tetraxetan)',
    nuclide: 'Lu-177',
    target: 'PSMA',
    use: 'therapeutic',
    route: 'reactor-bulk',
    synthesisMinutes: 30,
    qcMinutes: 45,
    radiochemicalYield: 0.95,
    maxBatchBq: 148 * GBq,
    shelfLifeMinutes: 120 * 60,
    tolerancePct: 10,
    costPerBatch: 20000,
    costPerGbq: 25000,
    doseBq: 7.4 * GBq,
    doseBqPerKg: null,
    doseMinBq: null,
    doseMaxBq: null,
    patientLimits: {
      minBq: 5.9 * GBq * 0.9,
      maxBq: 7.4 * GBq * 1.1,
      source: 'Label: 7.4 GBq ±10%, reduced dose 5.9 GBq ±10% (Pluvicto US label; facts.md).',
    },
    source:
      'Dose 7.4 GBq every 6 weeks, up to 6 doses (5.9 GBq after toxicity), ±10% at ' +
      'administration: Pluvicto US prescribing information; shelf life 120 h: EMA; via facts.md. ' +
      'Synthesis 30 min, QC 45 min, yield 0.95, batch 148 GBq (20 doses), costs: assumption (demo).',
  },
  {
    code: 'LU177-DOTATATE',
    name: 'Lu-177 DOTATATE (oxodotreotide)',
    ligand: 'DOTATATE (oxodotreotide)',
    nuclide: 'Lu-177',
    target: 'SSTR2',
    use: 'therapeutic',
    route: 'reactor-bulk',
    synthesisMinutes: 30,
    qcMinutes: 45,
    radiochemicalYield: 0.95,
    maxBatchBq: 74 * GBq,
    shelfLifeMinutes: 72 * 60,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    costPerBatch: 20000,
    costPerGbq: 22000,
    doseBq: 7.4 * GBq,
    doseBqPerKg: null,
    doseMinBq: null,
    doseMaxBq: null,
    patientLimits: {
      minBq: 7.4 * GBq * 0.05,
      maxBq: 7.4 * GBq * 1.2,
      source:
        'Max: 7.4 GBq + 20% (Lutathera label; 10 CFR 35.63); min: 5% of 7.4 GBq, a floor against unit slips (assumption).',
    },
    source:
      'Dose 7.4 GBq every 8 weeks × 4: Lutathera US label and EU SmPC, via facts.md. Tolerance ' +
      '±20%: 10 CFR 35.63 default (facts.md). Synthesis 30 min, QC 45 min, yield 0.95, batch ' +
      '74 GBq (10 doses), shelf life 72 h, costs: assumption (demo).',
  },
  {
    code: 'AC225-PSMA617',
    name: 'Ac-225 PSMA-617',
    ligand: 'PSMA-617',
    nuclide: 'Ac-225',
    target: 'PSMA',
    use: 'therapeutic',
    route: 'accelerator',
    synthesisMinutes: 40,
    qcMinutes: 60,
    radiochemicalYield: 0.9,
    maxBatchBq: 100 * MBq,
    shelfLifeMinutes: 48 * 60,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    costPerBatch: 30000,
    costPerGbq: 12_000_000,
    doseBq: null,
    doseBqPerKg: 100 * kBq,
    doseMinBq: null,
    doseMaxBq: null,
    patientLimits: {
      minBq: 4 * MBq * 0.8,
      maxBq: 62.9 * MBq * 1.2,
      source:
        'Max: the highest activity given in the AIIMS series, 62.9 MBq (Yadav et al., Theranostics 2020;10:9364), + 20%; min: the lowest AcTION fixed dose, 4 MBq, − 20% (operations-facts §2).',
    },
    source:
      'Dose 100 kBq/kg every 8 weeks: Kratochwil et al., J Nucl Med 2017;58:1624, via facts.md. ' +
      'Tolerance ±20%: 10 CFR 35.63 default (facts.md). Route (bought-in bulk lots), synthesis ' +
      '40 min, QC 60 min, yield 0.9, batch 100 MBq, shelf life 48 h, costs: assumption (demo).',
  },
  {
    code: 'PB212-PSMA',
    name: 'Pb-212 PSMA (AB001)',
    ligand: 'AB001 (PSMA)',
    nuclide: 'Pb-212',
    target: 'PSMA',
    use: 'therapeutic',
    route: 'generator-benchtop',
    synthesisMinutes: 30,
    qcMinutes: 30,
    radiochemicalYield: 0.85,
    maxBatchBq: 1 * GBq,
    shelfLifeMinutes: 480,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    costPerBatch: 10000,
    costPerGbq: 500_000,
    doseBq: 100 * MBq,
    doseBqPerKg: null,
    doseMinBq: null,
    doseMaxBq: null,
    patientLimits: {
      minBq: 9.4 * MBq * 0.8,
      maxBq: 2.5 * MBq * 120 * 1.2,
      source:
        'Max: the AlphaMedix 2.50 MBq/kg regimen (facts.md) for a 120 kg patient, + 20% (assumption, demo); min: the AB001 phase 0 microdose, 9.4 MBq, − 20% (facts.md).',
    },
    source:
      'Dose 100 MBq: AB001 phase 1 starting dose (seed document; J Nucl Med 2025;66:732), via ' +
      'facts.md. Tolerance ±20%: 10 CFR 35.63 default (facts.md). Synthesis 30 min, QC 30 min, ' +
      'yield 0.85, batch 1 GBq, shelf life 480 min, costs: assumption (demo).',
  },
  {
    code: 'TC99M-MDP',
    name: 'Tc-99m MDP (medronate)',
    ligand: 'MDP (medronate)',
    nuclide: 'Tc-99m',
    target: 'bone',
    use: 'diagnostic',
    route: 'generator',
    synthesisMinutes: 20,
    qcMinutes: 15,
    radiochemicalYield: 0.95,
    maxBatchBq: 37 * GBq,
    shelfLifeMinutes: 360,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    costPerBatch: 500,
    costPerGbq: 30,
    doseBq: 740 * MBq,
    doseBqPerKg: null,
    doseMinBq: null,
    doseMaxBq: null,
    patientLimits: {
      minBq: 740 * MBq * 0.05,
      maxBq: 740 * MBq * 1.2,
      source: 'Max: 740 MBq + 20% (10 CFR 35.63); min: 5% of 740 MBq (assumption, demo).',
    },
    source:
      'Tolerance ±20%: 10 CFR 35.63 default (facts.md). Dose 740 MBq (common bone-scan practice), ' +
      'kit labelling 20 min, QC 15 min, yield 0.95, batch 37 GBq (one Mo-99/Tc-99m elution), ' +
      'shelf life 360 min, costs: assumption (demo).',
  },
];

/** The product with this code; throws for an unknown code (a programmer error in demo data). */
export function demoProduct(code: string): DemoProduct {
  const product = DEMO_PRODUCTS.find((p) => p.code === code);
  if (product === undefined) throw new Error(`demoProduct: unknown product '${code}'`);
  return product;
}
