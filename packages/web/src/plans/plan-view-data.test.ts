import { describe, expect, it } from 'vitest';
import { gapWords, largeActivity, planFigures } from './plan-figures.js';
import { planLookup } from './plan-lookup.js';
import { localInputIn, zonedInstant } from '../zoned-time.js';
import { planChanges, replanBody } from './replan.js';
import { planFixture } from './plan-test-fixture.js';
import { reasonKind, unservedItems } from './unserved-groups.js';

const { instance, plan } = planFixture();
const lookup = planLookup(instance, plan);

describe('plan figures', () => {
  it('gives every summary figure with its meaning', () => {
    const f = planFigures(plan.summary, 3, 'MBq');
    const by = new Map(f.map((x) => [x.label, x]));
    expect(by.get('Served')).toMatchObject({ value: '3 / 4' });
    expect(by.get('Served')?.detail).toBe('75 % of all orders; 100 % of the 3 servable');
    expect(by.get('Unservable')?.value).toBe('1');
    expect(by.get('Isotope efficiency')?.value).toBe('5 %');
    expect(by.get('Cost')).toMatchObject({
      value: '4,200',
      detail: 'isotope 1,000 · batches 3,000 · transport 200',
    });
    expect(by.get('Gap')?.value).toBe('20 %');
    expect(by.get('Gap')?.title).toContain('lower bound of 9,000');
    expect(by.get('Gap')?.detail).toMatch(/^No plan can be more than 20 % better/);
    expect(gapWords({ gap: 0.0005, objective: 100, lowerBound: 99.95 })).toMatch(
      /^Proven the best plan possible/,
    );
    expect(gapWords({ gap: Infinity, objective: 100, lowerBound: -Infinity })).toMatch(
      /^No bound was proven/,
    );
    expect(by.get('Batches')?.detail).toBe('3 shipments; 300 GBq of isotope at start');
  });
});

describe('large activities', () => {
  it('reads in a multiple of the chosen unit', () => {
    expect(largeActivity(1.956e18, 'MBq')).toBe('1.956e6 TBq');
    expect(largeActivity(1.956e12, 'MBq')).toBe('1.956 TBq');
    expect(largeActivity(5e8, 'MBq')).toBe('500 MBq');
    expect(largeActivity(3.7e11, 'mCi')).toBe('10 Ci');
    expect(largeActivity(1, 'mCi')).toBe('2.703e-8 mCi');
  });
});

describe('unserved orders', () => {
  it('groups by the kind of reason with names and local times', () => {
    const items = unservedItems(plan.unserved, lookup);
    expect(items).toEqual([
      { type: 'group', title: 'No delivery inside the receiving window', count: 1 },
      {
        type: 'order',
        order: 'o-4',
        hospital: 'Second <Hospital>',
        product: 'Ga-68 PSMA',
        calibration: '11:00',
        reason: plan.unserved[0]!.reason,
      },
    ]);
  });

  it('knows the planner’s reasons', () => {
    expect(reasonKind('no lane links A to a site that makes B')).toBe(
      'No lane from a site that makes it',
    );
    expect(reasonKind('every batch that could serve it is full or its line is taken: x')).toBe(
      'Batches full or lines taken',
    );
    expect(reasonKind('no batch of X fits: the lines …')).toBe('Lines closed, down or taken');
    expect(reasonKind('something new')).toBe('Other reasons');
  });

  it('puts the largest group first', () => {
    const items = unservedItems(
      [
        { order: 'o-1', reason: 'no site makes X' },
        { order: 'o-2', reason: 'no lane links A' },
        { order: 'o-3', reason: 'no lane links B' },
      ],
      lookup,
    );
    expect(
      items.filter((i) => i.type === 'group').map((g) => g.type === 'group' && g.count),
    ).toEqual([2, 1]);
    expect(items[1]).toMatchObject({ order: 'o-3' }); // 08:30 before 09:00
  });
});

describe('re-plan', () => {
  it('sends wall times with the network’s zone', () => {
    const body = replanBody(
      {
        site: 's-b',
        line: 'l-b1',
        from: '2026-11-24T06:00',
        to: '',
        now: '2026-11-24T05:00',
        reason: ' ',
      },
      'Asia/Shanghai',
    );
    expect(body).toEqual({
      now: '2026-11-24T05:00:00[Asia/Shanghai]',
      newOrderIds: [],
      outages: [
        {
          site: 's-b',
          line: 'l-b1',
          from: '2026-11-24T06:00:00[Asia/Shanghai]',
          reason: 'equipment down',
        },
      ],
    });
    expect(
      replanBody({ site: '', line: '', from: '', to: '', now: '', reason: '' }, 'UTC'),
    ).toMatch(/line/);
    expect(
      replanBody(
        {
          site: 's',
          line: 'l',
          from: '2026-11-24T06:00',
          to: '2026-11-24T05:00',
          now: 'x',
          reason: '',
        },
        'UTC',
      ),
    ).toMatch(/after/);
    expect(zonedInstant('2026-11-24T06:00:30', 'UTC')).toBe('2026-11-24T06:00:30[UTC]');
    expect(localInputIn(Date.parse('2026-11-23T16:05:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-24T00:05',
    );
  });

  it('counts doses moved, kept, gained and lost', () => {
    const after = {
      batches: [
        ...plan.batches.slice(0, 2),
        { ...plan.batches[2]!, id: 'b9', line: 'l-b1', site: 's-b' },
      ],
      shipments: plan.shipments,
      doses: [
        plan.doses[0]!, // same batch and shipment
        { ...plan.doses[2]!, batch: 'b9' }, // o-3 moved to another line
        { order: 'o-4', batch: 'b2', shipment: 'sh2', eosActivityBq: 1, calibrationActivityBq: 1 },
      ],
    };
    expect(planChanges(plan, after)).toEqual({ moved: 1, kept: 1, gained: 1, lost: 1 });
  });
});
