/**
 * Turns zod issues into one-line errors with a path, as a planner reads them:
 * "orders[3].activityBq: expected a positive number, got -5".
 */
import type { z } from 'zod';

/** Most errors `parseInstance` reports; the rest are counted in a last line. */
export const MAX_ERRORS = 50;

/** `['orders', 3, 'activityBq']` → `orders[3].activityBq`; the root is `instance`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'instance' : out;
}

/** A short description of a value as found in the input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return typeof value;
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${ARTICLE[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return 'expected a non-empty string';
      if (issue.origin === 'array' || issue.origin === 'set')
        return `expected at least ${min} items`;
      if (min === 0 && !issue.inclusive) return 'expected a positive number';
      if (min === 0) return 'expected a non-negative number';
      return `expected a number ${issue.inclusive ? '≥' : '>'} ${min}`;
    }
    case 'too_big':
      return `expected a number ${issue.inclusive ? '≤' : '<'} ${Number(issue.maximum)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'custom':
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
      return issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
  }
}

/** One zod issue as a line: path, what was expected, what was found. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  const what = expectation(issue);
  if (issue.code === 'unrecognized_keys') return `${path}: ${what}`;
  if (issue.input === undefined && issue.code === 'invalid_type') {
    return `${path}: required, ${what}`;
  }
  return `${path}: ${what}, got ${describeValue(issue.input)}`;
}

/** The first `max` errors, and a last line counting the ones left out. */
export function withCap(errors: readonly string[], max: number): string[] {
  if (errors.length <= max) return [...errors];
  return [...errors.slice(0, max), `… and ${errors.length - max} more errors`];
}
