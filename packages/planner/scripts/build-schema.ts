/**
 * Writes packages/planner/planning-instance.schema.json, the JSON Schema (draft 2020-12) of a
 * planning instance, generated from the validating zod schema (src/instance-schema.ts) and
 * formatted by Prettier so that `prettier --check` accepts the committed file.
 *
 * Usage: npm run build:schema -w @halflife/planner   (or: npx tsx packages/planner/scripts/build-schema.ts)
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { planningInstanceSchema } from '../src/instance-schema.js';

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_FILE = resolve(SCRIPT_DIR, '../planning-instance.schema.json');

/** The text the schema file should hold now. */
export async function schemaFileText(): Promise<string> {
  // Arrays are read-only in TypeScript; in a file users validate their input with, `readOnly`
  // (a server-managed value in JSON Schema's sense) would mislead, so it is left out.
  const schema = z.toJSONSchema(planningInstanceSchema, {
    target: 'draft-2020-12',
    override: ({ jsonSchema }) => {
      delete jsonSchema.readOnly;
    },
  });
  const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
  return format(JSON.stringify(schema, null, 2), { ...options, parser: 'json' });
}

async function main(): Promise<void> {
  writeFileSync(SCHEMA_FILE, await schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
