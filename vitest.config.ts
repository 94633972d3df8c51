import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three projects, run together by `npm test` and one by one with `npx vitest run --project NAME`:
 * `unit` (pure packages and the web app's logic: no database, seconds), `database` (the database,
 * the server and the CLI, each file on its own database), `browser` (the web app in Chromium).
 */
export default defineConfig({
  test: {
    // At least two files at once: most of a database or browser test waits (on a server process,
    // a worker thread, Chromium), so even two cores run two files well (299 s instead of 540 s).
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: ['test/fast-check-seed.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/{nuclear,domain,ops,clinical,strategy,planner}/{src,test,scripts}/**/*.test.ts',
            'packages/web/{src,scripts}/**/*.test.ts',
            'test/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'database',
          include: ['packages/{db,server,cli}/{src,test,scripts}/**/*.test.ts'],
          globalSetup: ['test/database-snapshots.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['packages/web/e2e/**/*.test.ts'] },
      },
    ],
  },
});
