import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint configuration (eslint.config.js) keeps the package map of docs/ARCHITECTURE.md:
 * dependencies point one way and only repositories speak SQL. Snippets are linted as if they were
 * files of each package (without type information: the boundary rules need none).
 */
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfig: [
    { languageOptions: { parserOptions: { project: null, projectService: false } } },
  ],
  ruleFilter: ({ ruleId }) =>
    ruleId === '@typescript-eslint/no-restricted-imports' || ruleId === 'no-restricted-syntax',
});

async function problems(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

const importDb = "import { createDb } from '@halflife/db';\nexport const open = createDb;\n";
const query =
  'export async function orders(db: any) {\n' +
  "  return db.selectFrom('orders').selectAll().execute();\n}\n";

describe('package boundaries', () => {
  it('a pure package may not import the database', async () => {
    for (const pkg of ['nuclear', 'domain', 'ops', 'planner']) {
      expect(await problems(`packages/${pkg}/src/probe.ts`, importDb)).toEqual([
        expect.stringContaining("'@halflife/db' import is restricted"),
      ]);
    }
    expect(
      await problems('packages/planner/src/probe.ts', "import { readFileSync } from 'node:fs';\n"),
    ).toEqual([expect.stringContaining('The planner is pure')]);
  });

  it('the server may use the database; the web app may import server code only as types', async () => {
    expect(await problems('packages/server/src/services/probe.ts', importDb)).toEqual([]);
    const typeOnly = "import type { App } from '@halflife/server';\nexport type A = App;\n";
    expect(await problems('packages/web/src/probe.ts', typeOnly)).toEqual([]);
    const value = "import { createApp } from '@halflife/server';\nexport const a = createApp;\n";
    expect(await problems('packages/web/src/probe.ts', value)).toEqual([
      expect.stringContaining('import its types only'),
    ]);
  });

  it('a service or a route may not contain SQL; a repository may', async () => {
    for (const file of ['services/probe.ts', 'routes/probe.ts', 'app.ts'])
      expect(await problems(`packages/server/src/${file}`, query)).toEqual([
        expect.stringContaining('SQL belongs in a repository'),
      ]);
    const raw = "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n";
    expect(await problems('packages/server/src/services/probe.ts', raw)).toEqual([
      expect.stringContaining('import its types only'),
      expect.stringContaining('SQL belongs in a repository'),
    ]);
    expect(await problems('packages/db/src/probe-repository.ts', query)).toEqual([]);
  });
});
