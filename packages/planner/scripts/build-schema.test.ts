import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from './build-schema.js';

describe('planning-instance.schema.json', () => {
  it('is what the validating schema generates now (run npm run build:schema when it is not)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaFileText());
  });

  it('is JSON Schema draft 2020-12 and names every top-level field', async () => {
    const schema = JSON.parse(await schemaFileText()) as {
      $schema: string;
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual([
      'format',
      'name',
      'horizon',
      'products',
      'sites',
      'hospitals',
      'lanes',
      'orders',
    ]);
    expect(Object.keys(schema.properties)).toContain('fixedBatches');
  });
});
