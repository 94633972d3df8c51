/**
 * Reading a hospital's pharmacy order from an HL7 v2 message: OMP^O09 and ORM^O01 (the order in
 * RXO) and RDE^O11 (the pharmacy's encoding in RXE). Each ORC starts an order; its product, its
 * activity with units, its calibration (start) time, the patient and the notes are read into what
 * the order service takes. Pure: what is wrong is returned as a problem naming the field.
 */
import { readDtm, type HL7Time } from './dtm.js';
import { repetitions, valueAt, type Er7Message, type Position, type Segment } from './er7.js';

/** Why a message is not accepted: AE an error in its content, AR a message not processed here. */
export interface Hl7Problem {
  readonly ack: 'AE' | 'AR';
  /** HL7 table 0357: 100 segment sequence, 101 required field, 102 data type, 103 table value,
   * 200 message type, 201 event, 202 processing id, 203 version, 204 unknown key, 205 duplicate
   * key, 207 application error. */
  readonly code: number;
  /** The segment, its occurrence and the field: ["ORC", 1, 2]. */
  readonly location?: readonly [string, number, number];
  readonly message: string;
}

export interface Hl7Header {
  readonly type: string;
  readonly trigger: string;
  readonly controlId: string;
  readonly processingId: string;
  readonly version: string;
  readonly sendingApplication: string;
  /** MSH-4's namespace id (or its universal id when that is all it has). */
  readonly sendingFacility: string;
}

export const SUPPORTED_MESSAGES = ['OMP^O09', 'RDE^O11', 'ORM^O01'] as const;
const VERSIONS = /^2\.(3|3\.1|4|5|5\.1|6|7|7\.1|8|8\.1|8\.2)$/;
/** At most this many orders in one message. */
export const MAX_ORDERS_PER_MESSAGE = 20;

const problem = (
  ack: Hl7Problem['ack'],
  code: number,
  message: string,
  location?: Hl7Problem['location'],
): Hl7Problem => (location ? { ack, code, message, location } : { ack, code, message });

type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Hl7Problem };
const fail = (p: Hl7Problem) => ({ ok: false as const, problem: p });

/** The header's facts, or why the message is not processed at all. */
export function readHeader(message: Er7Message): Read<Hl7Header> {
  const msh = message.segments[0]!;
  const v = (field: number, component = 1) =>
    valueAt(msh, { field, component }, message.delimiters);
  const controlId = v(10);
  if (controlId === '')
    return fail(problem('AR', 101, 'MSH-10: the message control id is missing', ['MSH', 1, 10]));
  const type = v(9, 1);
  const trigger = v(9, 2);
  if (!SUPPORTED_MESSAGES.some((m) => m === `${type}^${trigger}`)) {
    return fail(
      problem(
        'AR',
        type === 'OMP' || type === 'RDE' || type === 'ORM' ? 201 : 200,
        `MSH-9: ${type}^${trigger} is not taken here; send ${SUPPORTED_MESSAGES.join(', ')}`,
        ['MSH', 1, 9],
      ),
    );
  }
  const processingId = v(11);
  if (processingId !== 'P') {
    return fail(
      problem(
        'AR',
        202,
        `MSH-11: processing id "${processingId}"; only production (P) messages place orders`,
        ['MSH', 1, 11],
      ),
    );
  }
  const version = v(12);
  if (!VERSIONS.test(version)) {
    return fail(
      problem('AR', 203, `MSH-12: version "${version}" is not supported (2.3 to 2.8.2)`, [
        'MSH',
        1,
        12,
      ]),
    );
  }
  const sendingFacility = v(4, 1) || v(4, 2);
  if (sendingFacility === '') {
    return fail(problem('AR', 101, 'MSH-4: the sending facility is missing', ['MSH', 1, 4]));
  }
  return {
    ok: true,
    value: {
      type,
      trigger,
      controlId,
      processingId,
      version,
      sendingApplication: v(3),
      sendingFacility,
    },
  };
}

/** An order as the message gives it, before the network checks it. */
export interface PharmacyOrder {
  /** ORC-2, the placer's order number: the key a resent message is known by. */
  readonly placerOrder: string;
  readonly productCode: string;
  readonly activityBq: number;
  readonly calibration: HL7Time;
  readonly patientRef: string | undefined;
  readonly notes: string;
  /** Where each of these was read, for an error about it. */
  readonly fields: Readonly<
    Record<
      'productCode' | 'activityBq' | 'calibrationTime' | 'patientRef' | 'notes',
      readonly [string, number, number]
    >
  >;
}

/** Activity units (UCUM codes, and their upper-case forms from older systems) in becquerel. */
const UNITS: Readonly<Record<string, number>> = {
  Bq: 1,
  BQ: 1,
  kBq: 1e3,
  KBQ: 1e3,
  MBq: 1e6,
  MBQ: 1e6,
  GBq: 1e9,
  GBQ: 1e9,
  mCi: 3.7e7,
};

/** Where an order's details are in each message: the segment and its fields. */
const LAYOUT = {
  RXO: { code: 1, amount: 2, units: 4 },
  RXE: { code: 2, amount: 3, units: 5 },
} as const;

export function readPharmacyOrders(message: Er7Message, header: Hl7Header): Read<PharmacyOrder[]> {
  const d = message.delimiters;
  const counts = new Map<string, number>();
  const numbered = message.segments.map((s) => {
    const n = (counts.get(s.name) ?? 0) + 1;
    counts.set(s.name, n);
    return { segment: s, n };
  });
  const pid = numbered.find((x) => x.segment.name === 'PID');
  const groups: { orc: (typeof numbered)[number]; rest: typeof numbered }[] = [];
  for (const x of numbered) {
    if (x.segment.name === 'ORC') groups.push({ orc: x, rest: [] });
    else groups.at(-1)?.rest.push(x);
  }
  if (groups.length === 0)
    return fail(problem('AE', 100, 'ORC: the message holds no order', ['ORC', 1, 1]));
  if (groups.length > MAX_ORDERS_PER_MESSAGE) {
    return fail(
      problem('AE', 207, `ORC: more than ${MAX_ORDERS_PER_MESSAGE} orders in one message`),
    );
  }
  const detail = header.type === 'RDE' ? 'RXE' : 'RXO';
  const layout = LAYOUT[detail];
  const orders: PharmacyOrder[] = [];
  for (const { orc, rest } of groups) {
    const at = (x: { segment: Segment }, p: Position) => valueAt(x.segment, p, d);
    const where = (x: { segment: Segment; n: number }, field: number) =>
      [x.segment.name, x.n, field] as const;
    const control = at(orc, { field: 1 });
    if (control !== 'NW') {
      return fail(
        problem(
          'AR',
          103,
          `ORC-1: order control "${control}" is not taken here; send NW (a new order)`,
          where(orc, 1),
        ),
      );
    }
    const placerOrder = at(orc, { field: 2 });
    if (placerOrder === '')
      return fail(problem('AE', 101, "ORC-2: the placer's order number is missing", where(orc, 2)));
    if (placerOrder.length > 100)
      return fail(problem('AE', 102, 'ORC-2: longer than 100 characters', where(orc, 2)));
    const rx = rest.find((x) => x.segment.name === detail);
    if (!rx)
      return fail(
        problem('AE', 100, `${detail}: order ${placerOrder} has no ${detail} segment`, [
          detail,
          orc.n,
          0,
        ]),
      );
    const productCode = at(rx, { field: layout.code });
    if (productCode === '') {
      return fail(
        problem(
          'AE',
          101,
          `${detail}-${layout.code}: the product's code is missing`,
          where(rx, layout.code),
        ),
      );
    }
    const amountText = at(rx, { field: layout.amount });
    const amount = Number(amountText);
    if (amountText.trim() === '' || !Number.isFinite(amount) || amount <= 0) {
      return fail(
        problem(
          'AE',
          102,
          `${detail}-${layout.amount}: the activity must be a positive number, got "${amountText}"`,
          where(rx, layout.amount),
        ),
      );
    }
    const unit = at(rx, { field: layout.units });
    const perUnit = UNITS[unit];
    if (perUnit === undefined) {
      return fail(
        problem(
          'AE',
          103,
          `${detail}-${layout.units}: unit "${unit}" is not an activity unit (MBq, GBq, kBq, Bq, mCi)`,
          where(rx, layout.units),
        ),
      );
    }
    const timing = readTiming(rest, orc, rx, detail, d);
    if (!timing.ok) return timing;
    const notes = rest
      .filter((x) => x.segment.name === 'NTE')
      .map((x) => at(x, { field: 3 }))
      .filter((t) => t !== '')
      .join('\n');
    const patientRef =
      pid && repetitions(pid.segment, 3, d) > 0 ? at(pid, { field: 3 }) : undefined;
    const nte = rest.find((x) => x.segment.name === 'NTE');
    orders.push({
      placerOrder,
      productCode,
      activityBq: amount * perUnit,
      calibration: timing.value.time,
      patientRef: patientRef === '' ? undefined : patientRef,
      notes,
      fields: {
        productCode: where(rx, layout.code),
        activityBq: where(rx, layout.amount),
        calibrationTime: timing.value.where,
        patientRef: pid ? where(pid, 3) : ['PID', 1, 3],
        notes: nte ? where(nte, 3) : ['NTE', 1, 3],
      },
    });
  }
  return { ok: true, value: orders };
}

type Numbered = { readonly segment: Segment; readonly n: number };

/**
 * The calibration (start) time: TQ1-7 (v2.5 on), else the start in ORC-7 (TQ, component 4), else
 * in RXE-1 (older RDE).
 */
function readTiming(
  rest: readonly Numbered[],
  orc: Numbered,
  rx: Numbered,
  detail: 'RXO' | 'RXE',
  d: Er7Message['delimiters'],
): Read<{ time: HL7Time; where: readonly [string, number, number] }> {
  const tq1 = rest.find((x) => x.segment.name === 'TQ1');
  const candidates: { x: Numbered; at: Position }[] = [
    ...(tq1 ? [{ x: tq1, at: { field: 7 } }] : []),
    { x: orc, at: { field: 7, component: 4 } },
    ...(detail === 'RXE' ? [{ x: rx, at: { field: 1, component: 4 } }] : []),
  ];
  for (const { x, at } of candidates) {
    const text = valueAt(x.segment, at, d);
    if (text === '') continue;
    const where = [x.segment.name, x.n, at.field] as const;
    const time = readDtm(text);
    if (!time) {
      return fail(
        problem(
          'AE',
          102,
          `${x.segment.name}-${at.field}: "${text}" is not a date and time to the minute (YYYYMMDDHHMM[SS][+ZZZZ])`,
          where,
        ),
      );
    }
    return { ok: true, value: { time, where } };
  }
  return fail(problem('AE', 101, 'TQ1-7: the calibration (start) time is missing', ['TQ1', 1, 7]));
}
