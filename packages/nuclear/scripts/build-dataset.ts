/**
 * Builds packages/nuclear/src/data/nubase2020.json, the product's decay dataset.
 *
 * Sources:
 *   - NUBASE2020: F.G. Kondev, M. Wang, W.J. Huang, S. Naimi and G. Audi, "The NUBASE2020
 *     evaluation of nuclear physics properties", Chin. Phys. C 45, 030001 (2021); the AMDC file
 *     `nubase2020/nubase_4.mas20.txt`, read unmodified.
 *   - `isomer-feeding.csv`: which decays feed an isomeric daughter (ICRP Publication 107,
 *     ENSDF-based).
 *
 * The rules are those of shared/reference/decay/CONVENTIONS.md ("Decay-chain dataset conventions
 * (NUBASE2020)"); the § numbers in the comments of scripts/nubase/ refer to it.
 *
 * Arithmetic is exact (decimal.js, 80 digits): every half-life and intensity is the value of its
 * decimal text. Fractions are rounded to float64 once, at the end.
 *
 * Usage (from packages/nuclear):  npx tsx scripts/build-dataset.ts <shared-data-dir>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNuclides, type OutputNuclide } from './nubase/build-nuclides.js';
import { readFeeding } from './nubase/isomer-feeding.js';
import { readRows } from './nubase/read-rows.js';

const USAGE = 'usage: npx tsx scripts/build-dataset.ts <shared-data-dir>  (e.g. /work/shared/data)';
const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const OUTPUT = resolve(SCRIPT_DIR, '../src/data/nubase2020.json');
const NAME = 'NUBASE2020';
const CITATION =
  'F.G. Kondev, M. Wang, W.J. Huang, S. Naimi and G. Audi, The NUBASE2020 evaluation of nuclear physics properties, Chin. Phys. C 45, 030001 (2021). Isomer feeding: ICRP Publication 107 (ENSDF-based).';
const DERIVATION =
  'packages/nuclear/scripts/build-dataset.ts following the NUBASE2020 decay-chain conventions (docs/nuclear-data.md)';

function buildDataset(dataDir: string): OutputNuclide[] {
  const rows = readRows(readFileSync(join(dataDir, 'nubase2020', 'nubase_4.mas20.txt'), 'utf8'));
  const feedingPath = join(dataDir, 'isomer-feeding.csv');
  const feeding = readFeeding(readFileSync(feedingPath, 'utf8'), feedingPath);
  return buildNuclides(rows, feeding);
}

function serialise(nuclides: readonly OutputNuclide[]): string {
  const head = JSON.stringify({ name: NAME, citation: CITATION, derivation: DERIVATION }, null, 2);
  const body = nuclides.map((n) => JSON.stringify(n)).join(',\n');
  return `${head.slice(0, -2)},\n  "nuclides": [\n${body}\n]\n}\n`;
}

function main(argv: readonly string[]): void {
  const dataDir = argv[2];
  if (dataDir === undefined || dataDir === '' || argv.length > 3) {
    console.error(USAGE);
    process.exit(2);
  }
  const nuclides = buildDataset(resolve(dataDir));
  const text = serialise(nuclides);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  const isomers = nuclides.filter((n) => n.s > 0).length;
  const stable = nuclides.filter((n) => n.t === null).length;
  console.log(
    `${relative(process.cwd(), OUTPUT)}: ${nuclides.length} nuclides (${nuclides.length - isomers} ground states, ` +
      `${isomers} isomers, ${stable} stable), ${text.length} bytes`,
  );
}

main(process.argv);
