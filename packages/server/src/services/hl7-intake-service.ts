import { findHl7Facility, findUserById, linkHl7Order } from '@halflife/db';
import { permitted, roleName } from '@halflife/domain';
import type { Caller } from '../caller.js';
import { buildAck, type Acknowledged } from '../hl7/acknowledgement.js';
import { parseEr7 } from '../hl7/er7.js';
import {
  readHeader,
  readPharmacyOrders,
  type Hl7Problem,
  type PharmacyOrder,
} from '../hl7/pharmacy-order.js';
import { OrderCreateSchema } from '../schemas.js';
import { createOrder, resolveOrderInput, type OrdersDeps } from './orders-service.js';

/**
 * An HL7 v2 pharmacy order received (OMP^O09, RDE^O11, ORM^O01): its sending facility mapped to a
 * hospital (hl7_facilities), its orders checked as the API checks them and placed through the
 * order service as the facility's account, idempotently on the facility and the placer's order
 * number (ORC-2). Answers the acknowledgement to send back; an order is acknowledged only once it
 * is committed, so a dropped connection loses nothing acknowledged.
 */
export async function receiveHl7(
  deps: OrdersDeps,
  bytes: Buffer,
  ackControlId: string,
): Promise<string> {
  const at = { now: deps.now(), controlId: ackControlId };
  const text = decode(bytes);
  if (!text.ok) return buildAck({}, { code: 'AR', problem: text.problem }, at);
  const parsed = parseEr7(text.value);
  if (!parsed.ok) {
    const location = parsed.segment ? ([parsed.segment, 1, 0] as const) : undefined;
    return buildAck(
      {},
      {
        code: 'AR',
        problem: { ack: 'AR', code: 100, message: parsed.error, ...(location ? { location } : {}) },
      },
      at,
    );
  }
  const header = readHeader(parsed.value);
  const to = acknowledged(parsed.value.segments[0]!.fields, header.ok ? header.value : undefined);
  const refuse = (problem: Hl7Problem) => buildAck(to, { code: problem.ack, problem }, at);
  if (!header.ok) return refuse(header.problem);
  const h = header.value;
  const facility = await findHl7Facility(deps.db, h.sendingFacility);
  if (!facility) {
    return refuse({
      ack: 'AR',
      code: 204,
      location: ['MSH', 1, 4],
      message: `MSH-4: unknown sending facility "${h.sendingFacility}"; an administrator maps it to a hospital`,
    });
  }
  const user = await findUserById(deps.db, facility.account_id);
  const caller: Caller | undefined = user && !user.disabled ? { ...user } : undefined;
  if (caller === undefined || permitted(caller, 'orders.place') !== 'organisation') {
    return refuse({
      ack: 'AR',
      code: 207,
      location: ['MSH', 1, 4],
      message: `MSH-4: facility "${h.sendingFacility}" orders as ${user ? `${user.email} (${user.disabled ? 'disabled' : roleName(user.role)})` : 'no account'}, which cannot place its hospital's orders`,
    });
  }
  const orders = readPharmacyOrders(parsed.value, h);
  if (!orders.ok) return refuse(orders.problem);
  // Every order is checked before any is placed: a message is taken whole or not at all.
  const inputs = [];
  for (const order of orders.value) {
    const input = orderInput(order, facility.hospital_id, facility.time_zone);
    const checked = OrderCreateSchema.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return refuse(
        located(order, String(issue.path[0] ?? ''), `${issue.path.join('.')}: ${issue.message}`),
      );
    }
    const resolved = await resolveOrderInput(deps, caller, 'organisation', checked.data);
    if (!resolved.ok)
      return refuse(located(order, fieldOf(resolved.error.message), resolved.error.message));
    inputs.push({ order, input: checked.data });
  }
  const placed: string[] = [];
  for (const { order, input } of inputs) {
    const key = `hl7:${h.sendingFacility}:${order.placerOrder}`;
    const result = await createOrder(deps, caller, 'organisation', input, key);
    if (!result.ok) {
      const message =
        result.error.code === 'unprocessable'
          ? `ORC-2: order ${order.placerOrder} was sent before with different content; a new order needs a new number`
          : result.error.message;
      return refuse({
        ...located(order, fieldOf(result.error.message), message),
        code: result.error.code === 'unprocessable' ? 205 : 207,
      });
    }
    await linkHl7Order(deps.db, {
      orderId: result.value.order.id,
      facility: h.sendingFacility,
      placerOrder: order.placerOrder,
      messageType: `${h.type}^${h.trigger}`,
      controlId: h.controlId,
      at: at.now,
    });
    placed.push(`${order.placerOrder}=${result.value.order.id}`);
  }
  return buildAck(to, { code: 'AA' }, at, `orders ${placed.join(' ')}`);
}

function orderInput(order: PharmacyOrder, hospitalId: string, zone: string) {
  const c = order.calibration;
  return {
    hospitalId,
    productCode: order.productCode,
    calibrationTime: c.offset === null ? `${c.local}[${zone}]` : `${c.local}${c.offset}`,
    amount: { kind: 'fixed' as const, activityBq: order.activityBq },
    ...(order.patientRef === undefined ? {} : { patientRef: order.patientRef }),
    ...(order.notes === '' ? {} : { notes: order.notes }),
  };
}

/** The order field an error message of the order service starts with ("productCode: …"). */
function fieldOf(message: string): string {
  return /^([A-Za-z.]+):/.exec(message)?.[1]?.split('.').at(-1) ?? '';
}

const FIELD_OF_INPUT: Readonly<Record<string, keyof PharmacyOrder['fields']>> = {
  productCode: 'productCode',
  amount: 'activityBq',
  activityBq: 'activityBq',
  calibrationTime: 'calibrationTime',
  patientRef: 'patientRef',
  notes: 'notes',
};

/** An error about one order's input, told at the HL7 field it came from. */
function located(order: PharmacyOrder, inputField: string, message: string): Hl7Problem {
  const field = FIELD_OF_INPUT[inputField];
  if (field === undefined) return { ack: 'AE', code: 207, message };
  const location = order.fields[field];
  return {
    ack: 'AE',
    code: 102,
    location,
    message: `${location[0]}-${location[2]}: ${message}`,
  };
}

/** What the ACK repeats, read from MSH as far as it can be. */
function acknowledged(
  msh: readonly string[],
  header: { controlId: string; trigger: string; version: string; processingId: string } | undefined,
): Partial<Acknowledged> {
  const first = (text: string | undefined) => (text ?? '').split('^')[0] ?? '';
  return {
    controlId: header?.controlId ?? first(msh[10]),
    trigger: header?.trigger ?? (msh[9] ?? '').split('^')[1] ?? '',
    version: header?.version ?? first(msh[12]),
    processingId: header?.processingId ?? first(msh[11]),
    sendingApplication: first(msh[3]),
    sendingFacility: first(msh[4]),
  };
}

/**
 * The message's text in its character set (MSH-18): UTF-8 (also when MSH-18 is empty, or ASCII),
 * or ISO 8859-1. Other sets are refused by name.
 */
function decode(bytes: Buffer): { ok: true; value: string } | { ok: false; problem: Hl7Problem } {
  const head = bytes.subarray(0, Math.min(bytes.length, 2048)).toString('latin1');
  const msh = head.split(/\r|\n/)[0] ?? '';
  const charset = (msh.split(msh[3] ?? '|')[17] ?? '').split(msh[4] ?? '^')[0]?.trim() ?? '';
  if (charset === '8859/1') return { ok: true, value: bytes.toString('latin1') };
  if (!['', 'ASCII', 'UNICODE UTF-8'].includes(charset)) {
    return {
      ok: false,
      problem: {
        ack: 'AR',
        code: 203,
        location: ['MSH', 1, 18],
        message: `MSH-18: character set "${charset}" is not taken here; send UNICODE UTF-8`,
      },
    };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: {
        ack: 'AR',
        code: 102,
        message: 'the message is not valid UTF-8 (MSH-18 says UTF-8)',
      },
    };
  }
}
