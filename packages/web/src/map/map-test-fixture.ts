import type { NetworkMap, ProductReach } from './map-data.js';

/** A small map as the API answers: two sites, three hospitals, two products. */
const reach = (code: string, servable: boolean, sites: string[] = []): ProductReach => ({
  productCode: code,
  productName: code === 'FDG' ? 'F-18 FDG' : 'Ga-68 PSMA-11',
  servable,
  earliest: servable ? '08:00' : null,
  latest: servable ? '17:00' : null,
  hoursChecked: 12,
  hoursServable: servable ? 10 : 0,
  sites,
  reason: servable ? null : 'no lane reaches it within the shelf life',
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const SITE_A = id(1);
export const SITE_B = id(2);
export const H_ALL = id(11);
export const H_ONE = id(12);
export const H_NONE = id(13);

export const FIXTURE_MAP: NetworkMap = {
  date: '2026-11-24',
  timeZone: 'Asia/Shanghai',
  assumptions: [],
  sites: [
    {
      id: SITE_A,
      name: 'Beijing Radiopharmacy',
      city: 'Beijing',
      latitude: 39.9,
      longitude: 116.4,
      products: ['FDG', 'GA'],
    },
    {
      id: SITE_B,
      name: 'Chengdu Radiopharmacy',
      city: 'Chengdu',
      latitude: 30.7,
      longitude: 104.1,
      products: ['FDG'],
    },
  ],
  hospitals: [
    {
      id: H_ALL,
      name: 'Zeta Hospital',
      city: 'Beijing',
      latitude: 39.95,
      longitude: 116.3,
      reach: [
        reach('FDG', true, ['Beijing Radiopharmacy']),
        reach('GA', true, ['Beijing Radiopharmacy']),
      ],
    },
    {
      id: H_ONE,
      name: 'Alpha Hospital',
      city: 'Beijing',
      latitude: 39.8,
      longitude: 116.5,
      reach: [
        reach('FDG', true, ['Beijing Radiopharmacy', 'Chengdu Radiopharmacy']),
        reach('GA', false),
      ],
    },
    {
      id: H_NONE,
      name: 'Lhasa People <Hospital>',
      city: 'Lhasa',
      latitude: 29.65,
      longitude: 91.1,
      reach: [reach('FDG', false), reach('GA', false)],
    },
  ],
  lanes: [
    { siteId: SITE_A, hospitalId: H_ALL, mode: 'road', durationMinutes: 40, estimated: true },
    { siteId: SITE_A, hospitalId: H_ONE, mode: 'road', durationMinutes: 55, estimated: true },
    { siteId: SITE_B, hospitalId: H_ONE, mode: 'air', durationMinutes: 260, estimated: true },
    { siteId: SITE_B, hospitalId: H_NONE, mode: 'air', durationMinutes: 300, estimated: true },
  ],
};
