import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../builtin-dataset.js';
import { epochMillis } from '../units.js';
import { bulkLot, lotExpiry } from './bulk-lot.js';
import { licenceImpact, wasteImpact } from './lot-impact.js';
import { lotReleases } from './supply-releases.js';
import { LOT_PROFILES, type LotKind } from './supply-data.js';

const data = builtinDataset();
const REF = epochMillis(Date.UTC(2026, 10, 23, 0, 0));
const DAY_MS = 86_400_000;
const profile = (k: LotKind) => LOT_PROFILES.find((p) => p.kind === k)!;
const at = (days: number) => epochMillis(REF + days * DAY_MS);
function lot(kind: LotKind, extra: object = {}) {
  const m = bulkLot(data, {
    label: 'lot 1',
    supplier: 'supplier',
    profile: profile(kind),
    activityBq: 100e9,
    referenceAt: REF,
    ...extra,
  });
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

describe('bulk lots', () => {
  it('carrier-added Lu-177: the Lu-177m/Lu-177 ratio grows with time', () => {
    const m = lot('Lu-177 carrier-added');
    const ratios = [0, 7, 14, 28, 56].map((d) => m.ratioAt(at(d), 'Lu-177m'));
    expect(ratios[0]).toBeCloseTo(2e-4, 12);
    for (let k = 1; k < ratios.length; k++) expect(ratios[k]).toBeGreaterThan(ratios[k - 1]!);
    // about e^{(λ177 − λ177m)·t}: ×2.1 a week
    expect(ratios[1]! / ratios[0]!).toBeGreaterThan(2);
    expect(m.activityAt(at(0))).toBeCloseTo(100e9, 0);
  });

  it('no-carrier-added Lu-177 has no Lu-177m; accelerator Ac-225 carries Ac-227 and its chain', () => {
    expect(lot('Lu-177 no-carrier-added').ratioAt(at(10), 'Lu-177m')).toBe(0);
    const ac = lot('Ac-225 accelerator');
    expect(ac.ratioAt(at(0), 'Ac-227')).toBeCloseTo(1.5e-3, 12);
    const held = ac.activitiesAt(at(30)).map((a) => a.nuclide);
    expect(held).toEqual(
      expect.arrayContaining(['Ac-225', 'Bi-213', 'Ac-227', 'Th-227', 'Ra-223']),
    );
  });

  it('expires at the label or when its activity falls below what is usable', () => {
    const m = lot('Lu-177 no-carrier-added', { labelExpiry: at(30) });
    const byActivity = lotExpiry(m, 50e9);
    const halfLifeMs = data.byName.get('Lu-177')!.halfLife * 1000;
    expect(byActivity.reason).toBe('activity');
    expect(Math.abs(byActivity.at! - (REF + halfLifeMs))).toBeLessThanOrEqual(1000);
    expect(lotExpiry(m, 1e9)).toEqual({ at: at(30), reason: 'label' });
  });

  it('licence impact counts every nuclide of the chain', () => {
    const m = lot('Lu-177 carrier-added');
    const impact = licenceImpact(m, at(1), [{ nuclide: 'Lu-177', maxActivityBq: 200e9 }]);
    expect(impact.held.map((h) => h.nuclide)).toEqual(['Lu-177m', 'Lu-177']);
    expect(impact.exceeded.map((e) => [e.nuclide, e.limitBq])).toEqual([['Lu-177m', null]]);
  });

  it('waste: the Lu-177m of a carrier-added lot sets the storage time, not the Lu-177', () => {
    const ca = wasteImpact(lot('Lu-177 carrier-added'), at(14), 0.01);
    expect(ca.longestLived).toBe('Lu-177m');
    const lu177m = data.byName.get('Lu-177m')!.halfLife * 1000;
    expect(ca.halfLivesUntil - at(14)).toBeCloseTo(10 * lu177m, -3);
    const nca = wasteImpact(lot('Lu-177 no-carrier-added'), at(14), 0.01, 100);
    expect(nca.longestLived).toBe('Lu-177');
    // 1 GBq in 100 g against 100 Bq/g: clear when 1e9·e^(−λt) ≤ 1e4, about 16.6 half-lives
    const lambda = data.byName.get('Lu-177')!.lambda;
    const a0 = lot('Lu-177 no-carrier-added').activityAt(at(14)) * 0.01;
    expect((nca.clearanceAt! - at(14)) / 1000).toBeCloseTo(Math.log(a0 / 1e4) / lambda, -1);
    expect(nca.storeUntil).toBe(nca.clearanceAt);
  });

  it('is one release for the planner', () => {
    const m = lot('Lu-177 no-carrier-added');
    expect(lotReleases(m, at(1), '+08:00')).toEqual({
      nuclide: 'Lu-177',
      kind: 'lot',
      label: 'lot 1',
      releases: [{ at: '2026-11-24T08:00:00+08:00', activityBq: m.activityAt(at(1)) }],
    });
  });
});
