import type { Dataset, Nuclide } from './dataset.js';
import { withElementSymbols } from './element-names-zh.js';
import { domainError, ok, type Result } from './result.js';

/**
 * Resolves a name as people write it to the dataset's nuclide: `Lu-177`, `lu177`, `177Lu`,
 * `Lu177m`, `Tc-99m`, `99mTc`, `Am-242m1`, and in Chinese: `镥-177`, `177镥`, `锝-99m`, `¹⁷⁷Lu`. An
 * unknown name gets an error naming the nearest ones.
 */
export function resolveNuclide(data: Dataset, name: string): Result<Nuclide> {
  const exact = data.byName.get(name.trim());
  if (exact) return ok(exact);
  const text = withElementSymbols(name);
  for (const candidate of candidateNames(text)) {
    const found = data.byName.get(candidate) ?? lowerIndex(data).get(candidate.toLowerCase());
    if (found) return ok(found);
  }
  const near = nearestNames(data, text, 3);
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '';
  return domainError('unknown-nuclide', `unknown nuclide "${name}" in ${data.name}${hint}`);
}

const SYMBOL_FIRST = /^([a-z]{1,3})(\d{1,3})(m\d?|n|p|q)?$/;
const MASS_FIRST = /^(\d{1,3})(m\d?|n)?([a-z]{1,3})$/;

/** Canonical spellings a text could mean, most likely first. */
function candidateNames(text: string): string[] {
  const compact = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const out: string[] = [];
  const s = SYMBOL_FIRST.exec(compact);
  if (s?.[1] && s[2]) out.push(canonical(s[1], s[2], s[3]));
  const m = MASS_FIRST.exec(compact);
  if (m?.[1] && m[3]) {
    out.push(canonical(m[3], m[1], m[2]));
    // "99mtc" could also be read as mass 99 and symbol "mtc": keep the isomer reading first,
    // and also try the letters as a symbol alone when the isomer reading fails.
    if (m[2]) out.push(canonical(m[2] + m[3], m[1], undefined));
  }
  return out;
}

function canonical(symbol: string, mass: string, isomer: string | undefined): string {
  const sym = symbol === 'n' ? 'n' : symbol.charAt(0).toUpperCase() + symbol.slice(1);
  const suffix = isomer === 'm1' ? 'm' : (isomer ?? '');
  return `${sym}-${Number(mass)}${suffix}`;
}

const lowerIndexes = new WeakMap<Dataset, Map<string, Nuclide>>();

function lowerIndex(data: Dataset): Map<string, Nuclide> {
  let index = lowerIndexes.get(data);
  if (!index) {
    index = new Map(data.nuclides.map((n) => [n.name.toLowerCase(), n]));
    lowerIndexes.set(data, index);
  }
  return index;
}

/** The `count` names closest to `text` by edit distance on a compact lower-case form. */
export function nearestNames(data: Dataset, text: string, count: number): string[] {
  const target = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const scored = data.nuclides.map((n) => ({
    name: n.name,
    d: editDistance(target, n.name.toLowerCase().replace('-', '')),
  }));
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  const best = scored[0]?.d ?? Infinity;
  return scored
    .filter((s) => s.d <= Math.max(best, 2))
    .slice(0, count)
    .map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
