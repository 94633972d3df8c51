/**
 * Guards every request passes before validation: text may not hold the NUL character (PostgreSQL
 * cannot store it in text, and no field of ours means it), in the body or the query string.
 */
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './http-error.js';

/** The path of the first string holding U+0000 in a parsed JSON value, if any. */
export function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (k.includes('\u0000')) return here;
      const found = nulPath(v, here);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const invalid = (field: string) => ({
  code: 'invalid' as const,
  message: `${field}: must not contain the NUL character`,
});

/** Refuses a NUL character anywhere in the query string or a JSON body, naming the field. */
export const refuseNul = (): MiddlewareHandler =>
  async function noNul(c, next) {
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (name.includes('\u0000') || values.some((v) => v.includes('\u0000'))) {
        return errorResponse(c, invalid(name));
      }
    }
    if (c.req.header('content-type')?.includes('json')) {
      const text = await c.req.text();
      if (text.includes('\u0000') || text.includes('\\u0000')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return next(); // malformed JSON: the validator names it
        }
        const field = nulPath(parsed);
        if (field !== undefined) return errorResponse(c, invalid(field));
      }
    }
    return next();
  };
