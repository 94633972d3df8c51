import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the database project's test files share seeded database snapshots for one run. */
    snapshotDir: string;
  }
}

/**
 * The database project's global set-up: one folder per `npm test` run in which the first test file
 * that needs the seeded demo network stores a snapshot of it, and the others start from that
 * snapshot instead of seeding again (packages/server/test/seeded-db.ts). Removed at the end, so a
 * snapshot never outlives the code that made it.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'halflife-snapshots-'));
  project.provide('snapshotDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
