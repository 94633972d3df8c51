/**
 * The demo producer's production sites: 12 radiopharmacies in real cities. Capabilities follow a
 * plausible national network (assumption, demo): cyclotrons at most sites (F-18 reaches only
 * 100–120 min by road, facts.md after Alagona et al. 1994), Ge-68/Ga-68 generators at many,
 * Mo-99/Tc-99m generators at several, Lu-177 and Ac-225 bulk lots at hubs, Pb-212 benchtop
 * generators at four.
 */
import { chinaCity } from './china-cities.js';
import type { DemoEquipment, DemoSite, Licence } from './demo-types.js';
import { offsetKm, round4 } from './geo.js';
import { intBetween, uniform, type Rng } from './rng.js';

interface SiteSpec {
  city: string;
  cyclotrons: number;
  /** Makes F-18 PSMA (piflufolastat) besides FDG. */
  f18Psma: boolean;
  ga68: boolean;
  tc99m: boolean;
  lu177: boolean;
  ac225: boolean;
  pb212: boolean;
  /** Ships by air to far hospitals. */
  airHub: boolean;
}

const spec = (city: string, flags: string, cyclotrons: number): SiteSpec => ({
  city,
  cyclotrons,
  f18Psma: flags.includes('P'),
  ga68: flags.includes('G'),
  tc99m: flags.includes('T'),
  lu177: flags.includes('L'),
  ac225: flags.includes('A'),
  pb212: flags.includes('B'),
  airHub: flags.includes('H'),
});

// Flags: P F-18 PSMA, G Ga-68, T Tc-99m, L Lu-177, A Ac-225, B Pb-212, H air hub.
const SITE_SPECS: readonly SiteSpec[] = [
  spec('beijing', 'PGTLABH', 2),
  spec('shanghai', 'PGTLABH', 2),
  spec('guangzhou', 'PGTBH', 1),
  spec('chengdu', 'PGTLH', 1),
  spec('wuhan', 'PGB', 1),
  spec('xian', 'G', 1),
  spec('shenyang', 'T', 1),
  spec('nanjing', 'PG', 1),
  spec('hangzhou', 'G', 1),
  spec('chongqing', 'GT', 1),
  spec('zhengzhou', 'GT', 0),
  spec('kunming', 'GT', 0),
];

/** Keys of the sites that ship by air. */
/** Ge-68/Ga-68 generators at each Ga-68 site (assumption, demo). */
const GA68_GENERATORS = 3;

export const AIR_HUB_SITE_KEYS: readonly string[] = SITE_SPECS.filter((s) => s.airHub).map(
  (s) => `site-${s.city}`,
);

const GBq = 1e9;
const TBq = 1e12;

/** Site opening hours: Mon–Sat 05:00–22:00; hubs also Sunday morning (assumption, demo). */
const siteHours = (hub: boolean) => [
  { days: [1, 2, 3, 4, 5, 6], open: '05:00', close: '22:00' },
  ...(hub ? [{ days: [7], open: '06:00', close: '14:00' }] : []),
];

/** Licensed possession limits per nuclide (assumption, demo). */
function siteLicences(s: SiteSpec): Licence[] {
  const licences: Licence[] = [];
  if (s.cyclotrons > 0) licences.push({ nuclide: 'F-18', maxActivityBq: 1 * TBq });
  if (s.ga68) {
    licences.push({ nuclide: 'Ge-68', maxActivityBq: 8 * GBq });
    licences.push({ nuclide: 'Ga-68', maxActivityBq: 10 * GBq });
  }
  if (s.tc99m) {
    licences.push({ nuclide: 'Mo-99', maxActivityBq: 400 * GBq });
    licences.push({ nuclide: 'Tc-99m', maxActivityBq: 400 * GBq });
  }
  if (s.lu177) licences.push({ nuclide: 'Lu-177', maxActivityBq: 2 * TBq });
  if (s.ac225) licences.push({ nuclide: 'Ac-225', maxActivityBq: 1 * GBq });
  if (s.pb212) {
    licences.push({ nuclide: 'Ra-224', maxActivityBq: 8 * GBq });
    licences.push({ nuclide: 'Pb-212', maxActivityBq: 8 * GBq });
  }
  return licences;
}

const ALAGONA = 'Alagona et al. 1994, via facts.md';
const DEMO = 'assumption (demo)';

function siteEquipment(s: SiteSpec): DemoEquipment[] {
  const equipment: DemoEquipment[] = [];
  for (let n = 1; n <= s.cyclotrons; n += 1) {
    equipment.push({
      kind: 'cyclotron',
      name: `Cyclotron ${n}`,
      capacity: {
        nuclide: 'F-18',
        bombardmentMinutes: 90,
        eobActivityBq: 60 * GBq,
        source: ALAGONA,
      },
    });
  }
  if (s.cyclotrons > 0) {
    const codes = s.f18Psma ? ['F18-FDG', 'F18-DCFPYL'] : ['F18-FDG'];
    equipment.push({
      kind: 'synthesis_module',
      name: 'F-18 synthesis module',
      capacity: { productCodes: codes, runsPerDay: 4 * s.cyclotrons, source: DEMO },
    });
  }
  if (s.ga68) {
    // Three generators: one 1.85 GBq column gives about 1 GBq an elution, a few patients a day.
    for (let n = 1; n <= GA68_GENERATORS; n++)
      equipment.push({
        kind: 'generator',
        name: `Ge-68/Ga-68 generator ${n}`,
        capacity: {
          parent: 'Ge-68',
          daughter: 'Ga-68',
          parentActivityBq: 1.85 * GBq,
          source: DEMO,
        },
      });
    equipment.push({
      kind: 'synthesis_module',
      name: 'Ga-68 labelling module',
      capacity: { productCodes: ['GA68-PSMA11'], runsPerDay: 4, source: DEMO },
    });
  }
  if (s.tc99m) {
    equipment.push({
      kind: 'generator',
      name: 'Mo-99/Tc-99m generator',
      capacity: {
        parent: 'Mo-99',
        daughter: 'Tc-99m',
        parentActivityBq: 74 * GBq,
        deliveryWeekdays: [1, 4],
        // Eluted and labelled with the cold kit on this line.
        productCodes: ['TC99M-MDP'],
        source: DEMO,
      },
    });
  }
  if (s.pb212) {
    equipment.push({
      kind: 'generator',
      name: 'Pb-212 benchtop generator',
      capacity: {
        parent: 'Ra-224',
        daughter: 'Pb-212',
        parentActivityBq: 2 * GBq,
        optimalElutionIntervalHours: 16.5,
        productCodes: ['PB212-PSMA'],
        source: 'elution interval: Roberts et al., via facts.md; activity: assumption (demo)',
      },
    });
  }
  if (s.lu177 || s.ac225) {
    const codes = [
      ...(s.lu177 ? ['LU177-PSMA617', 'LU177-DOTATATE'] : []),
      ...(s.ac225 ? ['AC225-PSMA617'] : []),
    ];
    const lots = [
      ...(s.lu177 ? [{ nuclide: 'Lu-177', activityBq: 370 * GBq, deliveryWeekdays: [1, 4] }] : []),
      ...(s.ac225 ? [{ nuclide: 'Ac-225', activityBq: 0.2 * GBq, deliveryWeekdays: [2] }] : []),
    ];
    equipment.push({
      kind: 'hot_cell',
      name: 'Therapy hot cell',
      capacity: { productCodes: codes, bulkLots: lots, source: DEMO },
    });
  }
  equipment.push({ kind: 'hot_cell', name: 'Dispensing hot cell', capacity: { source: DEMO } });
  equipment.push({
    kind: 'dispenser',
    name: 'Automatic dose dispenser',
    capacity: { source: DEMO },
  });
  equipment.push({ kind: 'dose_calibrator', name: 'Dose calibrator 1', capacity: {} });
  equipment.push({ kind: 'dose_calibrator', name: 'Dose calibrator 2', capacity: {} });
  return equipment;
}

function siteProducts(s: SiteSpec): string[] {
  return [
    ...(s.cyclotrons > 0 ? ['F18-FDG'] : []),
    ...(s.cyclotrons > 0 && s.f18Psma ? ['F18-DCFPYL'] : []),
    ...(s.ga68 ? ['GA68-PSMA11'] : []),
    ...(s.tc99m ? ['TC99M-MDP'] : []),
    ...(s.lu177 ? ['LU177-PSMA617', 'LU177-DOTATATE'] : []),
    ...(s.ac225 ? ['AC225-PSMA617'] : []),
    ...(s.pb212 ? ['PB212-PSMA'] : []),
  ];
}

/** The 12 demo sites, each placed 5–15 km from its city centre (an industrial park). */
export function demoSites(rng: Rng): DemoSite[] {
  return SITE_SPECS.map((s) => {
    const city = chinaCity(s.city);
    const at = offsetKm(city, uniform(rng, 0, 360), uniform(rng, 5, 15));
    return {
      key: `site-${city.key}`,
      name: `Demo Isotopes ${city.name} Radiopharmacy (demo)`,
      city: city.name,
      address: `${intBetween(rng, 1, 300)} Keji Road, ${city.name}, ${city.province} (demo address)`,
      latitude: round4(at.latitude),
      longitude: round4(at.longitude),
      timeZone: city.timeZone,
      openingHours: siteHours(s.airHub),
      licences: siteLicences(s),
      equipment: siteEquipment(s),
      productCodes: siteProducts(s),
    };
  });
}
