import { describe, expect, it } from 'vitest';
import { clockIn } from '../zoned-time.js';
import { shipmentDetail } from './delivery-test-fixture.js';
import { trackingTimeline } from './tracking-timeline.js';

const time = (iso: string) => clockIn(Date.parse(iso), 'Asia/Shanghai');

describe('tracking timeline', () => {
  it('shows a planned shipment’s stages still to come, with the expected times', () => {
    const items = trackingTimeline(shipmentDetail(), time);
    expect(items.map((i) => [i.label, i.state, i.text])).toEqual([
      ['Planned', 'done', 'from Beijing Radiopharmacy by road: departs 08:40, due 09:20'],
      ['Packed', 'pending', 'not yet'],
      ['Loaded', 'pending', 'not yet'],
      ['Picked up', 'pending', 'planned departure'],
      ['Delivered', 'pending', 'on time'],
    ]);
    expect(items.at(-1)?.at).toBe('2026-12-05T01:20:00.000Z');
  });

  it('puts the events in time order, with who recorded them and their details', () => {
    const items = trackingTimeline(
      shipmentDetail(
        {
          status: 'in-transit',
          expectedArrivalAt: '2026-12-05T01:50:00.000Z',
          delayMinutes: 30,
        },
        [
          {
            kind: 'delayed',
            at: '2026-12-05T01:00:00.000Z',
            by: 'Zhao Courier',
            detail: {
              reason: 'traffic on the ring road',
              expectedArrivalAt: '2026-12-05T01:50:00.000Z',
              minutes: 30,
              doses: [{ ok: true }, { ok: false }],
            },
          },
          {
            kind: 'packed',
            at: '2026-12-05T00:25:00.000Z',
            by: 'Li Pharmacist',
            detail: { package: 'P-7F3A21', orders: ['a', 'b'] },
          },
          {
            kind: 'loaded',
            at: '2026-12-05T00:35:00.000Z',
            by: 'Li Pharmacist',
            detail: { vehicle: '京A·12345', packages: ['P-7F3A21'], transportIndexSum: 0.4 },
          },
          {
            kind: 'picked-up',
            at: '2026-12-05T00:41:00.000Z',
            by: 'Zhao Courier',
            detail: { signedBy: 'Zhao Courier' },
          },
        ],
      ),
      time,
    );
    expect(items.map((i) => [i.label, i.state, i.at && time(i.at), i.by, i.text])).toEqual([
      [
        'Planned',
        'done',
        null,
        null,
        'from Beijing Radiopharmacy by road: departs 08:40, due 09:20',
      ],
      ['Packed', 'done', '08:25', 'Li Pharmacist', 'package P-7F3A21 · 2 doses'],
      ['Loaded', 'done', '08:35', 'Li Pharmacist', 'vehicle 京A·12345 · TI 0.4'],
      ['Picked up', 'done', '08:41', 'Zhao Courier', 'hand-over signed by Zhao Courier'],
      [
        'Delayed',
        'delay',
        '09:00',
        'Zhao Courier',
        'traffic on the ring road · now expected 09:50 · +30 min · 1 dose outside tolerance at use',
      ],
      ['Delivered', 'pending', '09:50', null, '30 min late'],
    ]);
  });

  it('has nothing pending once delivered', () => {
    const items = trackingTimeline(
      shipmentDetail({ status: 'delivered' }, [
        {
          kind: 'delivered',
          at: '2026-12-05T01:18:00.000Z',
          by: 'Zhao Courier',
          detail: { packages: ['P-7F3A21'] },
        },
      ]),
      time,
    );
    expect(items.filter((i) => i.state === 'pending')).toEqual([]);
    expect(items.at(-1)).toMatchObject({ label: 'Delivered', text: '1 package scanned' });
  });
});
