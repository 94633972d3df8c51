import { INSTANCE_FORMAT, type PlanningInstance } from '../src/instance.js';

const GBq = 1e9;
const MBq = 1e6;
const day = '2026-11-24';
const at = (hhmm: string) => `${day}T${hhmm}:00+08:00`;

/**
 * A hand-made two-site Ga-68 network (figures as in the demo products): six hospitals, one out of
 * reach, twelve orders. Small enough to reason about by hand.
 */
export function smallInstance(): PlanningInstance {
  const hospitals = ['A', 'B', 'C', 'D', 'E', 'Far'];
  const lanes = hospitals.flatMap((h, k) =>
    h === 'Far'
      ? [
          {
            id: `north-${h}`,
            site: 'north',
            hospital: h,
            mode: 'road' as const,
            durationMinutes: 300,
            cost: 900,
            departures: null,
            vehicleCapacity: 24,
            maxTransportIndex: 50,
          },
        ]
      : ['north', 'south'].map((site, s) => ({
          id: `${site}-${h}`,
          site,
          hospital: h,
          mode: 'road' as const,
          durationMinutes: 30 + 20 * ((k + s) % 3),
          cost: 200 + 50 * k,
          departures: null,
          vehicleCapacity: 24,
          maxTransportIndex: 50,
        })),
  );
  const times = ['08:30', '09:00', '09:15', '10:00', '10:30', '11:00'];
  return {
    format: INSTANCE_FORMAT,
    name: 'small Ga-68 network',
    horizon: { start: at('00:00'), end: at('23:59') },
    products: [
      {
        id: 'GA68-PSMA11',
        name: 'Ga-68 PSMA-11',
        nuclide: 'Ga-68',
        synthesisMinutes: 25,
        qcMinutes: 15,
        radiochemicalYield: 0.65,
        maxBatchBq: 1.5 * GBq,
        shelfLifeMinutes: 240,
        tolerancePct: 20,
        costPerBatch: 3000,
        costPerGbq: 2000,
        transportIndexPerGbq: { 'Ga-68': 0.5 },
      },
    ],
    sites: ['north', 'south'].map((id) => ({
      id,
      name: id === 'north' ? 'North site' : 'South site',
      open: [{ start: at('06:00'), end: at('20:00') }],
      lines: [{ id: 'L1', name: 'line 1', products: ['GA68-PSMA11'] }],
      supply: [],
      licences: [{ nuclide: 'Ga-68', maxActivityBq: 20 * GBq }],
    })),
    hospitals: hospitals.map((id) => ({
      id,
      name: `Hospital ${id}`,
      receiving: [{ start: at('07:00'), end: at('19:00') }],
      licences: [{ nuclide: 'Ga-68', maxActivityBq: 10 * GBq }],
    })),
    lanes,
    orders: Array.from({ length: 12 }, (_, k) => ({
      id: `o${k + 1}`,
      hospital: hospitals[k % hospitals.length]!,
      product: 'GA68-PSMA11',
      activityBq: (150 + 10 * (k % 4)) * MBq,
      calibrationAt: at(times[k % times.length]!),
      prepMarginMinutes: 30,
      priority: k === 3 ? 10 : 1,
    })),
  };
}
