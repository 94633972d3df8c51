/**
 * Builds packages/ops/src/data/transport-values.json: A1, A2 and the exemption values of every
 * radionuclide of IAEA SSR-6 Table 2, as US 49 CFR 173.435 / 173.436 reproduce them (GB 11806-2019
 * is a modified adoption of SSR-6), from `transport/radionuclide-values.csv`, read unmodified.
 *
 * Usage (from packages/ops):  npx tsx scripts/build-transport-data.ts <shared-data-dir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: npx tsx scripts/build-transport-data.ts <shared-data-dir>';
const OUTPUT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../src/data/transport-values.json',
);
const HEADER = 'nuclide,a1_tbq,a2_tbq,exempt_concentration_bq_per_g,exempt_consignment_bq';

const dir = process.argv[2];
if (dir === undefined) throw new Error(USAGE);
const lines = readFileSync(join(dir, 'transport/radionuclide-values.csv'), 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '');
if (lines[0] !== HEADER) throw new Error(`unexpected header: ${lines[0]}`);
const TBQ = 1e12;
const values = lines.slice(1).map((line, k) => {
  const [nuclide, a1, a2, conc, consignment] = line.split(',');
  const num = (text: string | undefined, what: string) => {
    const v = Number(text);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`line ${k + 2}: ${what} "${text}"`);
    return v;
  };
  // 9999 TBq is the table's "unlimited" (natural and depleted uranium); a blank exemption value
  // means the table gives none (the same rows): both are kept as null.
  const limit = (text: string | undefined, what: string) =>
    text === '9999' ? null : num(text, what) * TBQ;
  const optional = (text: string | undefined, what: string) =>
    text === '' ? null : num(text, what);
  return {
    nuclide: nuclide!,
    a1Bq: limit(a1, 'A1'),
    a2Bq: limit(a2, 'A2'),
    exemptBqPerG: optional(conc, 'exempt concentration'),
    exemptConsignmentBq: optional(consignment, 'exempt consignment'),
  };
});
writeFileSync(
  OUTPUT,
  `${JSON.stringify(
    {
      format: 'halflife-transport-values/1',
      source:
        'IAEA SSR-6 Table 2 basic radionuclide values, as reproduced by US 49 CFR 173.435 (A1, A2) and 173.436 (exempt activity concentration and consignment); GB 11806-2019 adopts SSR-6 (2012) with modifications. Derived by packages/ops/scripts/build-transport-data.ts from shared/data/transport/radionuclide-values.csv.',
      values,
    },
    null,
    2,
  )}\n`,
);
console.log(`${values.length} nuclides → ${OUTPUT}`);
