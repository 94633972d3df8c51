import { describe, expect, it } from 'vitest';
import { describeBar, someNames } from './plan-bar-text.js';
import { clockIn, planLookup } from './plan-lookup.js';
import { planTimeline, shortNames, timelineSites } from './plan-timeline.js';
import { planTimelineOption, timelineHeight, VISIBLE_ROWS } from './plan-timeline-option.js';
import { planFixture } from './plan-test-fixture.js';

const { instance, plan } = planFixture();
const lookup = planLookup(instance, plan);

describe('plan timeline', () => {
  it('names a row per busy line and one for each site’s shipments, sites by name', () => {
    const t = planTimeline({ plan, sites: instance.sites, lookup });
    expect(t.rows.map((r) => r.label)).toEqual([
      'Anshan · Line 1',
      'Anshan · shipments',
      'Beijing · Line 1',
      'Beijing · Line 2',
      'Beijing · shipments',
    ]);
    expect(t.products).toEqual(['F-18 FDG', 'Ga-68 PSMA']);
    const b1 = t.bars.find((b) => b.id === 'b1');
    expect(b1).toMatchObject({ kind: 'batch', row: 2, colour: 0 });
    expect(b1 && b1.end - b1.start).toBe(3600_000);
    const sh3 = t.bars.find((b) => b.id === 'sh3');
    expect(sh3).toMatchObject({ kind: 'shipment', row: 1, colour: 1 });
  });

  it('spreads overlapping shipments of a site over tracks', () => {
    const t = planTimeline({ plan, sites: instance.sites, lookup });
    const tracks = t.bars.filter((b) => b.kind === 'shipment' && b.row === 4).map((b) => b.track);
    expect(tracks).toEqual([0, 1]);
  });

  it('shows one site when filtered, and a line that is down even without batches', () => {
    const t = planTimeline({
      plan: { batches: plan.batches.filter((b) => b.line !== 'l-b2'), shipments: plan.shipments },
      sites: instance.sites,
      lookup,
      site: 's-b',
      outages: [{ site: 's-b', line: 'l-b2', from: '2026-11-23T22:00:00Z', reason: 'hot cell' }],
    });
    expect(t.rows.map((r) => r.label)).toEqual([
      'Beijing · Line 1',
      'Beijing · Line 2',
      'Beijing · shipments',
    ]);
    const outage = t.bars.find((b) => b.kind === 'outage');
    expect(outage).toMatchObject({ row: 1, id: '0' });
    // Open-ended: drawn to the end of the last bar (sh2 arrives 00:30Z).
    expect(outage?.end).toBe(Date.parse('2026-11-24T00:30:00Z'));
    expect(timelineSites(plan, instance.sites).map((s) => s.name)).toEqual(['Anshan', 'Beijing']);
  });

  it('builds a chart option with a series per kind and a scrolling window past the visible rows', () => {
    const t = planTimeline({ plan, sites: instance.sites, lookup });
    const option = planTimelineOption(t, { clock: lookup.clock, describe: () => 'x' }) as {
      series: { name: string; data: unknown[] }[];
      dataZoom: unknown[];
      yAxis: { data: string[] };
    };
    expect(option.series.map((s) => [s.name, s.data.length])).toEqual([
      ['Batches', 3],
      ['Shipments', 3],
      ['Line down', 0],
    ]);
    expect(option.dataZoom).toHaveLength(2);
    expect(timelineHeight(t)).toBeLessThan(timelineHeight({ rows: new Array(40).fill(0) }));

    const many = Array.from({ length: VISIBLE_ROWS + 5 }, (_, i) => ({
      label: `r${i}`,
      site: 's',
      kind: 'line' as const,
    }));
    const big = planTimelineOption(
      { ...t, rows: many },
      { clock: lookup.clock, describe: () => '' },
    ) as {
      dataZoom: { yAxisIndex?: number; endValue?: number }[];
    };
    expect(big.dataZoom.filter((z) => z.yAxisIndex === 0)).toHaveLength(2);
    expect(big.dataZoom[2]?.endValue).toBe(VISIBLE_ROWS - 1);
  });

  it('lays out 2,000 batches and 4,000 shipments', () => {
    const sites = Array.from({ length: 40 }, (_, s) => ({
      id: `s${s}`,
      name: `Site ${s}`,
      lines: Array.from({ length: 5 }, (_, l) => ({
        id: `s${s}l${l}`,
        name: `Line ${l}`,
        products: [],
      })),
    }));
    const batches = Array.from({ length: 2000 }, (_, i) => ({
      ...plan.batches[0]!,
      id: `b${i}`,
      site: `s${i % 40}`,
      line: `s${i % 40}l${i % 5}`,
    }));
    const shipments = Array.from({ length: 4000 }, (_, i) => ({
      id: `sh${i}`,
      lane: `lane${i % 40}`,
      departAt: `2026-11-24T0${i % 10}:00:00Z`,
      arriveAt: `2026-11-24T0${i % 10}:45:00Z`,
    }));
    const t = planTimeline({
      plan: { batches, shipments },
      sites,
      lookup: {
        product: (p) => p,
        lane: (id) => ({ site: `s${id.slice(4)}`, hospital: 'h', mode: 'road' }),
      },
    });
    planTimelineOption(t, { clock: lookup.clock, describe: () => '' });
    expect(t.rows).toHaveLength(80); // 40 busy lines and 40 shipment rows
    expect(t.bars).toHaveLength(6000);
  });
});

describe('short site names', () => {
  it('drops the words all names share at both ends', () => {
    const m = shortNames([
      'Demo Isotopes Beijing Radiopharmacy (demo)',
      'Demo Isotopes Xi an Radiopharmacy (demo)',
    ]);
    expect([...m.values()]).toEqual(['Beijing', 'Xi an']);
    expect(shortNames(['Alone']).get('Alone')).toBe('Alone');
    expect([...shortNames(['A B', 'A B C']).values()]).toEqual(['B', 'B C']);
  });
});

describe('timeline tooltips', () => {
  it('tells a batch’s product, place, local times, activity and hospitals, escaped', () => {
    const t = planTimeline({ plan, sites: instance.sites, lookup });
    const b3 = t.bars.find((b) => b.id === 'b3')!;
    const text = describeBar(b3, lookup, 'MBq');
    expect(text).toContain('<b>F-18 FDG</b>');
    expect(text).toContain('Anshan · Line 1');
    expect(text).toContain('start 06:00 · EOS 06:30 · release 07:00');
    expect(text).toContain('60,000 MBq at EOS; 1 dose draws 2,000 MBq');
    expect(text).toContain('Second &#60;Hospital&#62;');
    const sh3 = t.bars.find((b) => b.id === 'sh3')!;
    expect(describeBar(sh3, lookup, 'MBq')).toContain('Anshan → Second &#60;Hospital&#62;');
    expect(describeBar(sh3, lookup, 'MBq')).toContain('departs 07:10 · arrives 08:10');
  });

  it('names a few and counts the rest', () => {
    expect(someNames(['b', 'a', 'b'])).toBe('a, b');
    expect(someNames(['a', 'b', 'c', 'd', 'e', 'f'], 4)).toBe('a, b, c, d and 2 more');
    expect(clockIn('Asia/Shanghai', '2026-11-23T16:05:00Z')).toBe('00:05');
  });
});
