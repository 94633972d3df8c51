import data from '../data/master-recipes.json' with { type: 'json' };

/**
 * Master recipes (master batch records): per product and version, the ordered steps of a batch,
 * the starting material each step draws, the one step that records the end-of-synthesis activity
 * and volume, and the fields an operator fills in (src/data/master-recipes.json). The shipped
 * recipes are demo assumptions; a site loads its own validated ones.
 */

export type MaterialKind = 'generator-elution' | 'cyclotron-run' | 'bulk-lot' | 'kit-lot';

export interface StepField {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly kind: 'number' | 'text';
  readonly min?: number;
  readonly max?: number;
}

export interface RecipeStep {
  readonly code: string;
  readonly name: string;
  readonly instruction: string;
  /**
   * The starting material this step draws, if any. A step drawing radioactive material (anything
   * but a kit lot) records the activity drawn in its field `activityMBq`.
   */
  readonly draws?: MaterialKind;
  /** This step records the measured EOS activity (field `eosActivityMBq`) and volume (`volumeMl`). */
  readonly eos?: true;
  readonly fields: readonly StepField[];
}

export interface MasterRecipe {
  readonly product: string;
  readonly version: number;
  /** Local date (YYYY-MM-DD) from which the version applies. */
  readonly effective: string;
  readonly steps: readonly RecipeStep[];
  readonly source: string;
}

const KINDS: readonly string[] = ['generator-elution', 'cyclotron-run', 'bulk-lot', 'kit-lot'];
const MIN_STEPS = 4;
const MAX_STEPS = 6;

/**
 * Reads and checks master recipes from their data-file form; throws an Error naming the path of
 * the first fault ("recipes[2].steps[3].fields[0].min: expected a number").
 */
export function parseMasterRecipes(raw: unknown): readonly MasterRecipe[] {
  const list = record(raw, 'data')['recipes'];
  if (!Array.isArray(list)) throw new Error('recipes: expected a list');
  const recipes = list.map((r: unknown, k) => masterRecipe(r, `recipes[${k}]`));
  const seen = new Set<string>();
  for (const r of recipes) {
    const key = `${r.product} v${r.version}`;
    if (seen.has(key)) throw new Error(`recipes: ${key} appears twice`);
    seen.add(key);
  }
  return recipes;
}

/** The shipped recipes, checked once on load (a malformed data file fails loudly). */
export const MASTER_RECIPES: readonly MasterRecipe[] = parseMasterRecipes(data);

/** The recipe of a product in force on a local date (the latest version effective by then). */
export function recipeFor(
  product: string,
  onDate: string,
  recipes: readonly MasterRecipe[] = MASTER_RECIPES,
): MasterRecipe | undefined {
  return recipes
    .filter((r) => r.product === product && r.effective <= onDate)
    .sort((a, b) => b.version - a.version)[0];
}

function masterRecipe(raw: unknown, path: string): MasterRecipe {
  const r = record(raw, path);
  const version = r['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new Error(`${path}.version: expected a whole number from 1`);
  const effective = text(r, 'effective', path);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effective))
    throw new Error(`${path}.effective: expected a date YYYY-MM-DD, got "${effective}"`);
  const rawSteps = r['steps'];
  if (!Array.isArray(rawSteps)) throw new Error(`${path}.steps: expected a list`);
  if (rawSteps.length < MIN_STEPS || rawSteps.length > MAX_STEPS)
    throw new Error(
      `${path}.steps: expected ${MIN_STEPS}–${MAX_STEPS} steps, got ${rawSteps.length}`,
    );
  const steps = rawSteps.map((s: unknown, k) => recipeStep(s, `${path}.steps[${k}]`));
  unique(
    steps.map((s) => s.code),
    `${path}.steps`,
  );
  const eos = steps.filter((s) => s.eos === true);
  if (eos.length !== 1)
    throw new Error(`${path}.steps: expected exactly one EOS step, got ${eos.length}`);
  const eosCodes = eos[0]!.fields.map((f) => f.code);
  for (const needed of ['eosActivityMBq', 'volumeMl'])
    if (!eosCodes.includes(needed))
      throw new Error(`${path}.steps: the EOS step "${eos[0]!.code}" lacks the field ${needed}`);
  return {
    product: text(r, 'product', path),
    version,
    effective,
    steps,
    source: text(r, 'source', path),
  };
}

function recipeStep(raw: unknown, path: string): RecipeStep {
  const s = record(raw, path);
  const fieldsRaw = s['fields'];
  if (!Array.isArray(fieldsRaw)) throw new Error(`${path}.fields: expected a list`);
  const fields = fieldsRaw.map((f: unknown, k) => stepField(f, `${path}.fields[${k}]`));
  unique(
    fields.map((f) => f.code),
    `${path}.fields`,
  );
  const step = {
    code: text(s, 'code', path),
    name: text(s, 'name', path),
    instruction: text(s, 'instruction', path),
    fields,
  };
  const draws = s['draws'];
  const eos = s['eos'];
  if (eos !== undefined && eos !== true) throw new Error(`${path}.eos: expected true or nothing`);
  if (draws === undefined) return eos === true ? { ...step, eos } : step;
  if (typeof draws !== 'string' || !KINDS.includes(draws))
    throw new Error(`${path}.draws: unknown material kind ${JSON.stringify(draws)}`);
  const activity = fields.find((f) => f.code === 'activityMBq');
  if (draws !== 'kit-lot' && (activity?.kind !== 'number' || activity.unit !== 'MBq'))
    throw new Error(`${path}: a step drawing ${draws} needs a number field activityMBq in MBq`);
  return { ...step, draws: draws as MaterialKind, ...(eos === true ? { eos } : {}) };
}

function stepField(raw: unknown, path: string): StepField {
  const f = record(raw, path);
  const kind = f['kind'];
  const unit = f['unit'];
  if (typeof unit !== 'string') throw new Error(`${path}.unit: expected text (may be empty)`);
  const base = { code: text(f, 'code', path), name: text(f, 'name', path), unit };
  if (kind === 'text') {
    if (f['min'] !== undefined || f['max'] !== undefined)
      throw new Error(`${path}: a text field has no range`);
    return { ...base, kind };
  }
  if (kind !== 'number') throw new Error(`${path}.kind: unknown ${JSON.stringify(kind)}`);
  const bound = (name: 'min' | 'max'): number | undefined => {
    const v = f[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new Error(`${path}.${name}: expected a number`);
    return v;
  };
  const [min, max] = [bound('min'), bound('max')];
  if (min !== undefined && max !== undefined && !(min < max))
    throw new Error(`${path}: expected min < max, got ${min} and ${max}`);
  return {
    ...base,
    kind,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  };
}

function record(raw: unknown, path: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${path}: expected an object`);
  return raw as Record<string, unknown>;
}

function text(r: Record<string, unknown>, field: string, path: string): string {
  const v = r[field];
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`${path}.${field}: expected text`);
  return v;
}

function unique(codes: readonly string[], path: string): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) throw new Error(`${path}: code "${code}" appears twice`);
    seen.add(code);
  }
}
