/**
 * Demo hospitals: 150 nuclear-medicine departments in the 63 demo cities, more in bigger cities
 * (7 / 4 / 2 / 1 per tier-1 / 2 / 3 / 4 city). Names and keys are fixed by the city list; the rng
 * only places each hospital a few kilometres from its city centre and numbers its street address.
 *
 * What a hospital uses (assumption, demo, loosely after facts.md's China survey: about 1,150
 * departments, 427 PET scanners): every hospital does SPECT (Tc-99m); tier 1–3 hospitals also do
 * PET (F-18, Ga-68); the first three hospitals of a tier-1 city and the first two of a tier-2 city
 * give Lu-177 therapy; the first two of a tier-1 city and the first of a tier-2 city run alpha
 * trials (Ac-225, Pb-212).
 */
import { CHINA_CITIES, type ChinaCity } from './china-cities.js';
import { DEMO_RECEIVING_WEEKDAYS } from './demo-day.js';
import type { DemoHospital, Hours, Licence } from './demo-types.js';
import { offsetKm, round4 } from './geo.js';
import { intBetween, pick, uniform, type Rng } from './rng.js';

const HOSPITALS_PER_TIER: Record<ChinaCity['tier'], number> = { 1: 7, 2: 4, 3: 2, 4: 1 };

const NAME_PATTERNS: readonly ((city: string) => string)[] = [
  (c) => `First Affiliated Hospital of ${c} Medical University`,
  (c) => `${c} Cancer Hospital`,
  (c) => `${c} First People's Hospital`,
  (c) => `${c} Second People's Hospital`,
  (c) => `${c} Central Hospital`,
  (c) => `${c} Third People's Hospital`,
  (c) => `Second Affiliated Hospital of ${c} Medical University`,
];

const STREETS = ['Jiankang Road', 'Renmin Road', 'Zhongshan Road', 'Jiefang Road', 'Yixue Road'];

const GBq = 1e9;
const MBq = 1e6;

/** Possession limits by use (assumption, demo). */
const LICENCES: Record<'spect' | 'pet' | 'therapy' | 'alpha', Licence[]> = {
  spect: [{ nuclide: 'Tc-99m', maxActivityBq: 100 * GBq }],
  pet: [
    { nuclide: 'F-18', maxActivityBq: 50 * GBq },
    { nuclide: 'Ga-68', maxActivityBq: 5 * GBq },
  ],
  therapy: [{ nuclide: 'Lu-177', maxActivityBq: 60 * GBq }],
  alpha: [
    { nuclide: 'Ac-225', maxActivityBq: 50 * MBq },
    { nuclide: 'Pb-212', maxActivityBq: 2 * GBq },
  ],
};

/**
 * Receiving hours (assumption, demo): Mon–Fri 07:00–18:00; the first two hospitals of a tier-1
 * city and the first of a tier-2 city also Saturday 08:00–12:00.
 */
function receivingHours(city: ChinaCity, index: number): Hours[] {
  const weekdays = { days: [...DEMO_RECEIVING_WEEKDAYS], open: '07:00', close: '18:00' };
  const saturday = (city.tier === 1 && index < 2) || (city.tier === 2 && index < 1);
  if (saturday) return [weekdays, { days: [6], open: '08:00', close: '12:00' }];
  return [weekdays];
}

function licences(city: ChinaCity, index: number): Licence[] {
  const uses: (keyof typeof LICENCES)[] = ['spect'];
  if (city.tier <= 3) uses.push('pet');
  if ((city.tier === 1 && index < 3) || (city.tier === 2 && index < 2)) uses.push('therapy');
  if ((city.tier === 1 && index < 2) || (city.tier === 2 && index < 1)) uses.push('alpha');
  return uses.flatMap((use) => LICENCES[use].map((l) => ({ ...l })));
}

/** Hospitals in a fixed order: keys 'hospital-001', 'hospital-002', … (Beijing first). */
export function demoHospitals(rng: Rng): DemoHospital[] {
  const hospitals: DemoHospital[] = [];
  for (const city of CHINA_CITIES) {
    const count = HOSPITALS_PER_TIER[city.tier];
    // Big cities sprawl: up to 15 km from the centre in tier 1, 8 km elsewhere.
    const maxKm = city.tier === 1 ? 15 : 8;
    for (let index = 0; index < count; index += 1) {
      const pattern = NAME_PATTERNS[index];
      if (pattern === undefined) throw new Error(`no name pattern for hospital ${index}`);
      const at = offsetKm(city, uniform(rng, 0, 360), uniform(rng, 1, maxKm));
      const street = pick(rng, STREETS);
      hospitals.push({
        key: `hospital-${String(hospitals.length + 1).padStart(3, '0')}`,
        name: `Demo ${pattern(city.name)} (demo)`,
        city: city.name,
        address: `${intBetween(rng, 1, 999)} ${street}, ${city.name}, ${city.province} (demo address)`,
        latitude: round4(at.latitude),
        longitude: round4(at.longitude),
        timeZone: city.timeZone,
        receivingHours: receivingHours(city, index),
        licences: licences(city, index),
      });
    }
  }
  return hospitals;
}
