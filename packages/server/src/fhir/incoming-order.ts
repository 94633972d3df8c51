import type { z } from '@hono/zod-openapi';
import type { OrderCreateSchema } from '../schemas.js';
import { activityBq } from './activity-quantity.js';
import { CALIBRATION_TIME_URL, PRODUCT_SYSTEM } from './fhir-terms.js';
import { invalidAt, type FhirIssue } from './operation-outcome.js';

/**
 * A MedicationRequest (a dose order) or a ServiceRequest (a PET study) read as an order of the
 * order service, after the R4 validation: the product's rules of the endpoint, each refusal naming
 * its element. Pure.
 */

type OrderCreate = z.infer<typeof OrderCreateSchema>;
export type RequestType = 'MedicationRequest' | 'ServiceRequest';

export interface IncomingOrder {
  readonly resourceType: RequestType;
  /** The sender's identifier of the request: a resend with it finds the same order. */
  readonly identifier: { readonly system: string; readonly value: string };
  readonly order: OrderCreate;
  /** The element each field of the order came from, for refusals of the order service. */
  readonly sources: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;
const object = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A patient's reference: `Patient/{id}` with an id fit for a pseudonymous order reference. */
const PATIENT = /^Patient\/([A-Za-z0-9][A-Za-z0-9._-]{0,39})$/;
const HOSPITAL = /^Organization\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** The longest identifier system or value kept (the database's limit). */
const MAX_IDENTIFIER = 1024;
const MAX_NOTES = 2000;
const ORDER_INTENTS = ['order', 'original-order'];

/** Collects issues; the reading stops at the end, so that a sender sees every problem at once. */
class Reader {
  readonly issues: FhirIssue[] = [];
  constructor(readonly type: RequestType) {}
  fail(element: string, message: string): undefined {
    this.issues.push(invalidAt(`${this.type}${element}`, message));
    return undefined;
  }
}

/** What both request kinds share: status, intent, identifier, patient, requester, hospital, notes. */
function common(r: Reader, resource: Json, sources: Record<string, string>) {
  const T = r.type;
  if (resource['status'] !== 'active') {
    r.fail(
      '.status',
      `only an active request places an order (got "${String(resource['status'])}")`,
    );
  }
  if (!ORDER_INTENTS.includes(String(resource['intent']))) {
    r.fail('.intent', `must be one of ${ORDER_INTENTS.join(', ')} to place an order`);
  }
  const id = object(list(resource['identifier'])[0]);
  const system = text(id?.['system']);
  const value = text(id?.['value']);
  let identifier: IncomingOrder['identifier'] | undefined;
  if (!system || !value) {
    r.fail(
      '.identifier[0]',
      "the sender's identifier (system and value) is required: a resend with it finds the same order",
    );
  } else if (system.length > MAX_IDENTIFIER || value.length > MAX_IDENTIFIER) {
    r.fail('.identifier[0]', `system and value may hold at most ${MAX_IDENTIFIER} characters`);
  } else {
    identifier = { system, value };
  }
  sources['Idempotency-Key'] = `${T}.identifier[0]`;

  const subject = text(object(resource['subject'])?.['reference']) ?? '';
  const patient = PATIENT.exec(subject);
  if (!patient) {
    r.fail(
      '.subject.reference',
      'must be Patient/{id}, the id a pseudonymous reference (letters, digits, . _ -; at most 40)',
    );
  }
  sources['patientRef'] = `${T}.subject.reference`;

  const requester = object(resource['requester']);
  if (!requester || (!text(requester['reference']) && !text(requester['display']))) {
    r.fail('.requester', 'who orders (a reference or a display) is required');
  }

  // The hospital that gives the dose: MedicationRequest.performer, ServiceRequest.performer[0].
  const performers = T === 'ServiceRequest' ? list(resource['performer']) : [resource['performer']];
  const at = T === 'ServiceRequest' ? '.performer[0]' : '.performer';
  let hospitalId: string | undefined;
  if (performers.length > 1) r.fail('.performer[1]', 'one hospital gives the dose');
  const performer = object(performers[0]);
  if (performer) {
    const m = HOSPITAL.exec(text(performer['reference']) ?? '');
    if (!m)
      r.fail(`${at}.reference`, 'must be Organization/{hospital id}, the hospital giving the dose');
    else hospitalId = m[1]?.toLowerCase();
  }
  sources['hospitalId'] = `${T}${at}`;

  const notes = list(resource['note'])
    .map((n) => text(object(n)?.['text']) ?? '')
    .filter((n) => n.length > 0)
    .join('\n');
  if (notes.length > MAX_NOTES)
    r.fail('.note', `the notes may hold at most ${MAX_NOTES} characters`);
  sources['notes'] = `${T}.note`;

  return {
    identifier,
    patientRef: patient?.[1],
    hospitalId,
    notes: notes || undefined,
  };
}

/** The calibration time from the extension (or else `fallback`), with the element it came from. */
function calibrationTime(
  r: Reader,
  resource: Json,
  fallback: { value: string | undefined; at: string },
): { value: string; at: string } | undefined {
  const k = list(resource['extension']).findIndex(
    (e) => object(e)?.['url'] === CALIBRATION_TIME_URL,
  );
  const extension =
    k >= 0
      ? {
          value: text(object(list(resource['extension'])[k])?.['valueDateTime']),
          at: `.extension[${k}].valueDateTime`,
        }
      : undefined;
  if (extension && extension.value === undefined) {
    return r.fail(extension.at, 'the calibration time is a valueDateTime');
  }
  const chosen = extension ?? (fallback.value !== undefined ? fallback : undefined);
  if (!chosen?.value) {
    return r.fail(
      '.extension',
      `the calibration (injection) time is required: an extension ${CALIBRATION_TIME_URL} with valueDateTime, or ${fallback.at.slice(1)}`,
    );
  }
  if (!chosen.value.includes('T')) {
    return r.fail(chosen.at, 'needs the time of day with its offset, not a date alone');
  }
  if (
    extension &&
    fallback.value !== undefined &&
    Date.parse(fallback.value) !== Date.parse(chosen.value)
  ) {
    return r.fail(
      fallback.at,
      `differs from the calibration time of the extension (${chosen.value})`,
    );
  }
  return { value: chosen.value, at: `${r.type}${chosen.at}` };
}

/** The product's code from a coding of PRODUCT_SYSTEM. */
function productOf(r: Reader, concept: unknown, at: string): string | undefined {
  const coding = list(object(concept)?.['coding'])
    .map(object)
    .find((c) => c?.['system'] === PRODUCT_SYSTEM);
  const code = text(coding?.['code']);
  if (!code) return r.fail(at, `needs a coding of ${PRODUCT_SYSTEM} naming the product`);
  return code;
}

/** The product and the activity of the Medication: contained, referenced or a code. */
function medicationOf(r: Reader, resource: Json) {
  const concept = resource['medicationCodeableConcept'];
  if (concept !== undefined) {
    return {
      product: productOf(r, concept, '.medicationCodeableConcept'),
      at: '.medicationCodeableConcept',
    };
  }
  const reference = text(object(resource['medicationReference'])?.['reference']) ?? '';
  if (reference.startsWith('#')) {
    const k = list(resource['contained']).findIndex(
      (c) =>
        object(c)?.['resourceType'] === 'Medication' && object(c)?.['id'] === reference.slice(1),
    );
    if (k < 0) {
      r.fail('.medicationReference.reference', `no contained Medication ${reference}`);
      return { product: undefined, at: '.medicationReference' };
    }
    const at = `.contained[${k}]`;
    const medication = object(list(resource['contained'])[k]) ?? {};
    const product = productOf(r, medication['code'], `${at}.code`);
    const withStrength = list(medication['ingredient']).findIndex(
      (i) => object(i)?.['strength'] !== undefined,
    );
    if (withStrength < 0) return { product, at: `${at}.code` };
    const strengthAt = `${at}.ingredient[${withStrength}].strength`;
    const strength = object(object(list(medication['ingredient'])[withStrength])?.['strength']);
    const denominator = object(strength?.['denominator']);
    if (denominator && !perDose(denominator)) {
      r.fail(
        `${strengthAt}.denominator`,
        'the ordered activity is per dose (denominator 1, no volume): an activity per mL is a concentration',
      );
      return { product, at: `${at}.code` };
    }
    const activity = activityBq(strength?.['numerator'], `${r.type}${strengthAt}.numerator`);
    if (!activity.ok) {
      r.issues.push(activity.issue);
      return { product, at: `${at}.code` };
    }
    return { product, at: `${at}.code`, bq: activity.bq, bqAt: `${r.type}${strengthAt}.numerator` };
  }
  const referenced = /^Medication\/([A-Za-z0-9.-]{1,64})$/.exec(reference);
  if (!referenced) {
    r.fail(
      '.medication[x]',
      'name the product: a contained Medication (#id), Medication/{product code}, or medicationCodeableConcept',
    );
    return { product: undefined, at: '.medication[x]' };
  }
  return { product: referenced[1], at: '.medicationReference.reference' };
}

/** A strength's denominator that means "one dose": 1, without a unit or with a count unit. */
function perDose(denominator: Json): boolean {
  const code = text(denominator['code']);
  return (
    denominator['value'] === 1 && (code === undefined || code === '1' || /^\{.*\}$/.test(code))
  );
}

/** A MedicationRequest as an order: the activity per dose at the calibration time. */
export function medicationRequestOrder(resource: Json): IncomingOrder | FhirIssue[] {
  const r = new Reader('MedicationRequest');
  const sources: Record<string, string> = {};
  const shared = common(r, resource, sources);
  const before = r.issues.length;
  const medication = medicationOf(r, resource);
  const medicationRefused = r.issues.length > before;
  sources['productCode'] = `MedicationRequest${medication.at}`;

  const dosages = list(resource['dosageInstruction']);
  if (dosages.length > 1) r.fail('.dosageInstruction[1]', 'one dose per request');
  const dosage = object(dosages[0]);
  const rates = list(dosage?.['doseAndRate']);
  if (rates.length > 1) r.fail('.dosageInstruction[0].doseAndRate[1]', 'one activity per dose');
  const rate = object(rates[0]);
  const doseAt = 'MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity';
  if (rate?.['doseRange'] !== undefined) {
    r.fail('.dosageInstruction[0].doseAndRate[0].doseRange', 'order one activity (doseQuantity)');
  }
  let bq = medication.bq;
  let bqAt = medication.bqAt;
  if (rate?.['doseQuantity'] !== undefined) {
    const dose = activityBq(rate['doseQuantity'], doseAt);
    if (!dose.ok) r.issues.push(dose.issue);
    else if (bq !== undefined && Math.abs(dose.bq / bq - 1) > 1e-9) {
      r.fail(
        '.dosageInstruction[0].doseAndRate[0].doseQuantity',
        `differs from the Medication's strength (${bq / 1e6} MBq)`,
      );
    } else {
      bq = dose.bq;
      bqAt = doseAt;
    }
  } else if (bq === undefined && !medicationRefused) {
    r.fail(
      '.dosageInstruction[0].doseAndRate[0].doseQuantity',
      'the ordered activity is required: here (UCUM MBq, GBq, kBq or mCi) or as the contained Medication ingredient strength',
    );
  }
  sources['amount'] = bqAt ?? doseAt;

  const events = list(object(dosage?.['timing'])?.['event']);
  const when = calibrationTime(r, resource, {
    value: text(events[0]),
    at: '.dosageInstruction[0].timing.event[0]',
  });
  if (when) sources['calibrationTime'] = when.at;

  if (
    r.issues.length > 0 ||
    !shared.identifier ||
    !medication.product ||
    !when ||
    bq === undefined
  ) {
    return r.issues;
  }
  return {
    resourceType: 'MedicationRequest',
    identifier: shared.identifier,
    sources,
    order: {
      ...(shared.hospitalId ? { hospitalId: shared.hospitalId } : {}),
      productCode: medication.product,
      calibrationTime: when.value,
      amount: { kind: 'fixed', activityBq: bq },
      ...(shared.patientRef ? { patientRef: shared.patientRef } : {}),
      ...(shared.notes ? { notes: shared.notes } : {}),
    },
  };
}

/**
 * A ServiceRequest for a PET study as an order of one dose of the product its code names, at the
 * product's usual activity, for injection at the occurrence time (or the calibration-time
 * extension's, when the study's time is not the injection's).
 */
export function serviceRequestOrder(resource: Json): IncomingOrder | FhirIssue[] {
  const r = new Reader('ServiceRequest');
  const sources: Record<string, string> = {};
  const shared = common(r, resource, sources);
  const product = productOf(r, resource['code'], '.code');
  sources['productCode'] = 'ServiceRequest.code';
  sources['amount'] = 'ServiceRequest.code';
  if (resource['occurrencePeriod'] !== undefined || resource['occurrenceTiming'] !== undefined) {
    r.fail('.occurrence[x]', 'give the study time as occurrenceDateTime');
  }
  const when = calibrationTime(r, resource, {
    value: text(resource['occurrenceDateTime']),
    at: '.occurrenceDateTime',
  });
  if (when) sources['calibrationTime'] = when.at;
  if (r.issues.length > 0 || !shared.identifier || !product || !when) return r.issues;
  return {
    resourceType: 'ServiceRequest',
    identifier: shared.identifier,
    sources,
    order: {
      ...(shared.hospitalId ? { hospitalId: shared.hospitalId } : {}),
      productCode: product,
      calibrationTime: when.value,
      amount: { kind: 'doses', doses: 1 },
      ...(shared.patientRef ? { patientRef: shared.patientRef } : {}),
      ...(shared.notes ? { notes: shared.notes } : {}),
    },
  };
}

/**
 * A refusal of the order service ("calibrationTime: must be in the future") as an issue at the
 * element the field came from.
 */
export function issueOfField(
  type: RequestType,
  sources: Readonly<Record<string, string>>,
  message: string,
): FhirIssue {
  const colon = message.indexOf(': ');
  const field = colon > 0 ? message.slice(0, colon) : '';
  const at = sources[field] ?? sources[field.split('.')[0] ?? ''];
  return at ? invalidAt(at, message.slice(colon + 2)) : invalidAt(type, message);
}
