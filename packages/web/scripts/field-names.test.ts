import { describe, expect, it } from 'vitest';
import { FIELD_NAMES_ZH } from '../src/i18n/field-names.js';
import { openApiDocument } from './generate-api.js';

type Schema = { readonly [key: string]: unknown };

/** Every field a caller can send: request bodies' properties, at any depth, and parameters. */
function fieldsOf(doc: Schema): Set<string> {
  const schemas = (doc['components'] as Schema)['schemas'] as Schema;
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (schema: unknown): void => {
    const s = schema as Schema | undefined;
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const ref = s['$ref'];
    if (typeof ref === 'string') return walk(schemas[ref.split('/').pop() ?? '']);
    for (const [name, property] of Object.entries((s['properties'] as Schema | undefined) ?? {})) {
      names.add(name);
      walk(property);
    }
    walk(s['items']);
    walk(s['additionalProperties']);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const x of (s[key] as unknown[] | undefined) ?? []) walk(x);
  };
  for (const ops of Object.values(doc['paths'] as Record<string, Record<string, Schema>>)) {
    for (const op of Object.values(ops)) {
      for (const p of (op['parameters'] as Schema[] | undefined) ?? [])
        if (p['in'] !== 'header') names.add(String(p['name']));
      const body = op['requestBody'] as Schema | undefined;
      walk(
        ((body?.['content'] as Schema | undefined)?.['application/json'] as Schema | undefined)?.[
          'schema'
        ],
      );
    }
  }
  return names;
}

describe('the API’s field names in Chinese', () => {
  it('name every field a caller can send, in Chinese', async () => {
    const fields = fieldsOf(await openApiDocument());
    expect(fields.size).toBeGreaterThan(200);
    expect([...fields].filter((f) => FIELD_NAMES_ZH[f] === undefined)).toEqual([]);
    // Chinese, or an abbreviation the field uses in both languages (PSA, SUVmax).
    for (const label of Object.values(FIELD_NAMES_ZH))
      expect(label).toMatch(/\p{Script=Han}|^[A-Z]{2,}/u);
  });
});
