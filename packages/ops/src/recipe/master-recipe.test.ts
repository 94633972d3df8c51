import { describe, expect, it } from 'vitest';
import { MASTER_RECIPES, parseMasterRecipes, recipeFor } from './master-recipe.js';

/** The eight demo products (packages/domain/src/demo/demo-products.ts). */
const DEMO_PRODUCTS = [
  'AC225-PSMA617',
  'F18-DCFPYL',
  'F18-FDG',
  'GA68-PSMA11',
  'LU177-DOTATATE',
  'LU177-PSMA617',
  'PB212-PSMA',
  'TC99M-MDP',
];

/** A valid recipe in data-file form, to break one thing at a time. */
const valid = () => ({
  product: 'X',
  version: 1,
  effective: '2026-12-05',
  source: 'assumption (demo): test',
  steps: [
    {
      code: 'elution',
      name: 'Elution',
      instruction: 'Elute.',
      draws: 'generator-elution',
      fields: [{ code: 'activityMBq', name: 'Activity', unit: 'MBq', kind: 'number', min: 0 }],
    },
    { code: 'labelling', name: 'Labelling', instruction: 'Label.', draws: 'kit-lot', fields: [] },
    { code: 'purification', name: 'Purification', instruction: 'Purify.', fields: [] },
    {
      code: 'formulation',
      name: 'Formulation',
      instruction: 'Formulate.',
      eos: true,
      fields: [
        { code: 'eosActivityMBq', name: 'EOS activity', unit: 'MBq', kind: 'number', min: 0 },
        { code: 'volumeMl', name: 'Volume', unit: 'mL', kind: 'number', min: 0.5, max: 20 },
      ],
    },
  ] as Record<string, unknown>[],
});

const parseOne = (recipe: unknown) => () => parseMasterRecipes({ recipes: [recipe] });

describe('master recipes', () => {
  it('ship one per demo product, each a demo assumption that says so', () => {
    expect(MASTER_RECIPES.map((r) => r.product).sort()).toEqual(DEMO_PRODUCTS);
    for (const r of MASTER_RECIPES) {
      expect(r.source).toMatch(/^assumption \(demo\): typical steps of .*validated master batch/);
      expect(r.steps.length).toBeGreaterThanOrEqual(4);
      expect(r.steps.length).toBeLessThanOrEqual(6);
    }
  });

  it('draw the starting material their route needs, with the activity drawn', () => {
    const draws = (product: string) =>
      recipeFor(product, '2026-12-07')
        ?.steps.filter((s) => s.draws !== undefined)
        .map((s) => s.draws);
    expect(draws('GA68-PSMA11')).toEqual(['generator-elution', 'kit-lot']);
    expect(draws('F18-FDG')).toEqual(['cyclotron-run', 'kit-lot']);
    expect(draws('LU177-DOTATATE')).toEqual(['bulk-lot', 'kit-lot']);
    expect(draws('AC225-PSMA617')).toEqual(['bulk-lot', 'kit-lot']);
    expect(draws('PB212-PSMA')).toEqual(['generator-elution', 'kit-lot']);
    expect(draws('TC99M-MDP')).toEqual(['generator-elution', 'kit-lot']);
    const first = recipeFor('F18-FDG', '2026-12-07')?.steps[0];
    expect(first?.fields.find((f) => f.code === 'activityMBq')?.unit).toBe('MBq');
  });

  it('have one EOS step recording activity and volume, and sensible reaction temperatures', () => {
    for (const r of MASTER_RECIPES) {
      const eos = r.steps.filter((s) => s.eos === true);
      expect(eos).toHaveLength(1);
      expect(eos[0]?.fields.map((f) => f.code)).toEqual(
        expect.arrayContaining(['eosActivityMBq', 'volumeMl']),
      );
      expect(r.steps.at(-1)?.code).toBe('qc-sampling');
      for (const f of r.steps.flatMap((s) => s.fields).filter((f) => f.unit === '°C')) {
        expect(f.min).toBeGreaterThanOrEqual(15);
        expect(f.max).toBeLessThanOrEqual(130);
      }
    }
  });

  it('are found by product and date: none before they take effect, the latest version after', () => {
    expect(recipeFor('GA68-PSMA11', '2025-12-31')).toBeUndefined();
    expect(recipeFor('I131-NAI', '2026-12-07')).toBeUndefined();
    const v1 = recipeFor('GA68-PSMA11', '2026-12-07')!;
    const v2 = { ...v1, version: 2, effective: '2027-03-01' };
    expect(recipeFor('GA68-PSMA11', '2027-02-28', [v1, v2])?.version).toBe(1);
    expect(recipeFor('GA68-PSMA11', '2027-03-01', [v2, v1])?.version).toBe(2);
  });

  it('accept a valid recipe and refuse a malformed one, naming where', () => {
    expect(parseMasterRecipes({ recipes: [valid()] })[0]?.steps).toHaveLength(4);
    const broken = (change: (r: ReturnType<typeof valid>) => void) => {
      const r = valid();
      change(r);
      return parseOne(r);
    };
    expect(broken((r) => r.steps.pop())).toThrow('recipes[0].steps: expected 4–6 steps, got 3');
    expect(broken((r) => (r.steps[2]!['code'] = 'elution'))).toThrow(
      'recipes[0].steps: code "elution" appears twice',
    );
    expect(broken((r) => (r.steps[2]!['eos'] = true))).toThrow('exactly one EOS step, got 2');
    expect(broken((r) => delete r.steps[3]!['eos'])).toThrow('exactly one EOS step, got 0');
    expect(broken((r) => (r.steps[3]!['fields'] = []))).toThrow(
      'the EOS step "formulation" lacks the field eosActivityMBq',
    );
    expect(broken((r) => (r.steps[1]!['draws'] = 'reactor'))).toThrow(
      'recipes[0].steps[1].draws: unknown material kind "reactor"',
    );
    expect(broken((r) => (r.steps[0]!['fields'] = []))).toThrow(
      'a step drawing generator-elution needs a number field activityMBq in MBq',
    );
    expect(
      broken((r) => ((r.steps[3]!['fields'] as Record<string, unknown>[])[1]!['min'] = 30)),
    ).toThrow('recipes[0].steps[3].fields[1]: expected min < max, got 30 and 20');
    expect(broken((r) => (r.effective = '5 Dec 2026'))).toThrow('expected a date YYYY-MM-DD');
    expect(() => parseMasterRecipes({ recipes: [valid(), valid()] })).toThrow('X v1 appears twice');
  });
});
