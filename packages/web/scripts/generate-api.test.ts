import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from './generate-api.js';

describe('the generated API types', () => {
  it('are current with the server schemas (else: npm run generate:api -w @halflife/web)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await generateApiTypes());
  });
});
