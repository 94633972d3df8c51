import { dateBounds } from './date-search.js';
import { LOINC } from './fhir-terms.js';
import { invalidAt, type FhirIssue } from './operation-outcome.js';

/**
 * The search parameters the endpoint reads, per resource type, checked strictly: an unknown
 * parameter is refused naming it (rather than ignored, which would answer a different question).
 * Pure.
 */

export type SearchType =
  'MedicationRequest' | 'MedicationDispense' | 'MedicationAdministration' | 'Observation';
export type IncludeTarget = 'MedicationRequest' | 'MedicationAdministration';

interface Spec {
  /** Date parameters and the time each searches. */
  readonly dates: Readonly<Record<string, string>>;
  /** `_include` values and the resource type each brings in. */
  readonly includes: Readonly<Record<string, IncludeTarget>>;
  readonly identifier?: true;
  readonly code?: true;
}

export const SEARCH_SPECS: Readonly<Record<SearchType, Spec>> = {
  MedicationRequest: {
    // R4 "date": dosageInstruction.timing.event, the calibration (injection) time.
    dates: { date: 'calibration', authoredon: 'created' },
    includes: {},
    identifier: true,
  },
  MedicationDispense: {
    // "date" (Halflife's): the calibration time of the dose, as on its calibration-time extension.
    dates: { date: 'calibration', whenprepared: 'prepared', whenhandedover: 'handed_over' },
    includes: {
      'MedicationDispense:prescription': 'MedicationRequest',
      'MedicationDispense:authorizingPrescription': 'MedicationRequest',
    },
  },
  MedicationAdministration: {
    dates: { 'effective-time': 'administered', date: 'administered' },
    includes: { 'MedicationAdministration:request': 'MedicationRequest' },
  },
  Observation: {
    dates: { date: 'administered' },
    includes: {
      'Observation:based-on': 'MedicationRequest',
      'Observation:part-of': 'MedicationAdministration',
    },
    code: true,
  },
};

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 500;
const MAX_OFFSET = 100_000;
const MAX_IDS = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PATIENT = /^(?:Patient\/)?([^/,]{1,64})$/;
const COMMON = ['patient', 'subject', '_id', '_count', '_offset', '_include', '_format'];

export interface Search {
  readonly patientRef?: string;
  /** Only these ids (valid ones; an id that cannot exist matches nothing). */
  readonly ids?: string[];
  readonly identifier?: { readonly system?: string; readonly value: string };
  readonly times: { readonly column: string; readonly op: '>=' | '<'; readonly at: Date }[];
  readonly includes: IncludeTarget[];
  readonly count: number;
  readonly offset: number;
  /** A condition nothing published meets (an Observation code other than 73569-6). */
  readonly nothing: boolean;
}

/** Reads a search's query (`c.req.queries()`); the dates in `zone` (the caller's). */
export function parseSearch(
  type: SearchType,
  query: Readonly<Record<string, readonly string[]>>,
  zone: string,
): Search | FhirIssue[] {
  const spec = SEARCH_SPECS[type];
  const issues: FhirIssue[] = [];
  const fail = (param: string, message: string, code: FhirIssue['code'] = 'invalid') =>
    issues.push(invalidAt(param, message, code));
  const known = [
    ...COMMON,
    ...Object.keys(spec.dates),
    ...(spec.identifier ? ['identifier'] : []),
    ...(spec.code ? ['code'] : []),
  ];
  let patientRef: string | undefined;
  let ids: string[] | undefined;
  let identifier: Search['identifier'];
  const times: Search['times'] = [];
  const includes: IncludeTarget[] = [];
  let count = DEFAULT_COUNT;
  let offset = 0;
  let nothing = false;

  for (const [name, values] of Object.entries(query)) {
    if (!known.includes(name)) {
      fail(
        name,
        `not a search parameter of ${type} here; known: ${known.join(', ')}`,
        'not-supported',
      );
      continue;
    }
    for (const value of values) {
      if (name === 'patient' || name === 'subject') {
        const m = PATIENT.exec(value);
        if (!m || (name === 'subject' && !value.startsWith('Patient/'))) {
          fail(name, `"${value}" is not a patient (Patient/{id} or {id})`);
        } else if (patientRef !== undefined && patientRef !== m[1]) {
          fail(name, 'one patient per search');
        } else patientRef = m[1];
      } else if (name === '_id') {
        const given = value.split(',');
        if (given.length > MAX_IDS) fail(name, `at most ${MAX_IDS} ids`);
        const valid = given.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
        ids = ids === undefined ? valid : ids.filter((id) => valid.includes(id));
      } else if (name === '_count' || name === '_offset') {
        const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
        const [min, max] = name === '_count' ? [1, MAX_COUNT] : [0, MAX_OFFSET];
        if (!(n >= min && n <= max)) fail(name, `must be a whole number from ${min} to ${max}`);
        else if (name === '_count') count = n;
        else offset = n;
      } else if (name === '_include') {
        const target = spec.includes[value];
        if (target === undefined) {
          const allowed = Object.keys(spec.includes);
          fail(
            name,
            `"${value}" is not supported; ${allowed.length ? `use ${allowed.join(' or ')}` : `${type} has none`}`,
            'not-supported',
          );
        } else if (!includes.includes(target)) includes.push(target);
      } else if (name === '_format') {
        if (!/^(json|application\/(fhir\+)?json)$/.test(value)) fail(name, 'only JSON is served');
      } else if (name === 'identifier') {
        const bar = value.indexOf('|');
        const [system, v] =
          bar < 0 ? [undefined, value] : [value.slice(0, bar), value.slice(bar + 1)];
        if (!v || v.length > 1024 || (system !== undefined && system.length > 1024)) {
          fail(name, 'expected [system|]value');
        } else identifier = system ? { system, value: v } : { value: v };
      } else if (name === 'code') {
        if (value !== '73569-6' && value !== `${LOINC}|73569-6`) nothing = true;
      } else {
        const bounds = dateBounds(value, zone);
        if (typeof bounds === 'string') fail(name, bounds);
        else times.push(...bounds.map((b) => ({ column: spec.dates[name] as string, ...b })));
      }
    }
  }
  if (issues.length > 0) return issues;
  return {
    ...(patientRef !== undefined ? { patientRef } : {}),
    ...(ids !== undefined ? { ids } : {}),
    ...(identifier ? { identifier } : {}),
    times,
    includes,
    count,
    offset,
    nothing,
  };
}
