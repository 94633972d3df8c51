import { describe, expect, it } from 'vitest';
import { parseEr7, type Er7Message } from './er7.js';
import { readHeader, readPharmacyOrders } from './pharmacy-order.js';
import { ompO09, ormO01, rdeO11, type SampleOrder } from './sample-messages.js';

const ORDER: SampleOrder = {
  facility: '北京协和医院',
  controlId: 'MSG-0001',
  placer: 'PO\\F\\2026\\S\\0001',
  product: 'LU177-PSMA617',
  amount: '7.4',
  unit: 'GBq',
  at: '202611241000+0800',
  patient: 'P-0012345',
  note: '首次治疗 \\T\\ 空腹\\.br\\caf\\XC3A9\\',
};

function parse(text: string): Er7Message {
  const parsed = parseEr7(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function read(text: string) {
  const message = parse(text);
  const header = readHeader(message);
  if (!header.ok) return header;
  return readPharmacyOrders(message, header.value);
}

describe('pharmacy orders from HL7 v2', () => {
  it.each([
    ['OMP^O09', ompO09, 'RXO'],
    ['RDE^O11', rdeO11, 'RXE'],
    ['ORM^O01', ormO01, 'RXO'],
  ])('%s: product, activity, calibration time, patient and notes', (type, build, detail) => {
    const message = parse(build(ORDER));
    const header = readHeader(message);
    expect(header).toMatchObject({
      ok: true,
      value: {
        type: type.slice(0, 3),
        trigger: type.slice(4),
        controlId: 'MSG-0001',
        sendingFacility: '北京协和医院',
      },
    });
    if (!header.ok) return;
    const orders = readPharmacyOrders(message, header.value);
    if (!orders.ok) throw new Error(orders.problem.message);
    expect(orders.value).toHaveLength(1);
    const o = orders.value[0]!;
    expect(o.placerOrder).toBe('PO|2026^0001');
    expect(o.productCode).toBe('LU177-PSMA617');
    expect(o.activityBq).toBeCloseTo(7.4e9, 0);
    expect(o.calibration).toEqual({ local: '2026-11-24T10:00:00', offset: '+08:00' });
    expect(o.patientRef).toBe('P-0012345');
    expect(o.notes).toBe('首次治疗 & 空腹\ncafé');
    expect(o.fields.productCode[0]).toBe(detail);
  });

  it('reads several orders, each ORC with its own details', () => {
    const second = ompO09({ ...ORDER, placer: 'PO-2', amount: '200', unit: 'mCi' })
      .split('\r')
      .slice(3);
    const orders = read([ompO09(ORDER), ...second].join('\r'));
    if (!orders.ok) throw new Error(orders.problem.message);
    expect(orders.value.map((o) => [o.placerOrder, o.activityBq])).toEqual([
      ['PO|2026^0001', 7.4e9],
      ['PO-2', 200 * 3.7e7],
    ]);
  });

  it('a calibration time without an offset keeps none (the hospital zone applies)', () => {
    const orders = read(rdeO11({ ...ORDER, at: '20261124100000' }));
    expect(orders).toMatchObject({ ok: true, value: [{ calibration: { offset: null } }] });
  });

  it.each([
    [
      'unsupported message',
      (t: string) => t.replace('OMP^O09^OMP_O09', 'ADT^A01'),
      'AR',
      200,
      'MSH-9',
    ],
    ['test processing id', (t: string) => t.replace('|P|2.5.1|', '|T|2.5.1|'), 'AR', 202, 'MSH-11'],
    ['version', (t: string) => t.replace('|P|2.5.1|', '|P|3.0|'), 'AR', 203, 'MSH-12'],
    ['no control id', (t: string) => t.replace('|MSG-0001|', '||'), 'AR', 101, 'MSH-10'],
    ['a cancel', (t: string) => t.replace('ORC|NW|', 'ORC|CA|'), 'AR', 103, 'ORC-1'],
    [
      'no placer number',
      (t: string) => t.replace(/ORC\|NW\|[^|]*\|/, 'ORC|NW||'),
      'AE',
      101,
      'ORC-2',
    ],
    ['no RXO', (t: string) => t.replace(/\rRXO\|[^\r]*/, ''), 'AE', 100, 'RXO'],
    ['no product', (t: string) => t.replace(/RXO\|[^|]*\|/, 'RXO||'), 'AE', 101, 'RXO-1'],
    ['a negative activity', (t: string) => t.replace('|7.4||', '|-7.4||'), 'AE', 102, 'RXO-2'],
    ['a mass unit', (t: string) => t.replace('GBq^GBq^UCUM', 'mg^mg^UCUM'), 'AE', 103, 'RXO-4'],
    [
      'a date without a time',
      (t: string) => t.replaceAll('202611241000+0800', '20261124'),
      'AE',
      102,
      'TQ1-7',
    ],
    ['no time at all', (t: string) => t.replaceAll('202611241000+0800', ''), 'AE', 101, 'TQ1-7'],
  ])('refuses %s, naming the field', (_, change, ack, code, field) => {
    const result = read(change(ompO09(ORDER)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ ack, code });
    expect(result.problem.message.startsWith(field)).toBe(true);
  });
});
