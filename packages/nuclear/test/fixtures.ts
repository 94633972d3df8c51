import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a file of test/fixtures (copied from the reference material; see fixtures/README.md). */
export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`fixtures/${path}`, import.meta.url)), 'utf8');
}

export function jsonLines<T>(path: string): T[] {
  return fixture(path)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
