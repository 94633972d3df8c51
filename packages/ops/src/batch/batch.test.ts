import { describe, expect, it } from 'vitest';
import { evaluateQc } from '../qc/qc-evaluation.js';
import { specificationFor } from '../qc/qc-specification.js';
import { recipeFor } from '../recipe/master-recipe.js';
import {
  checkStepEntry,
  current,
  measuredEos,
  nextStep,
  signedContent,
  type RecordContent,
  type StepEntry,
} from './batch-record.js';
import { batchHoldsRefusal, checkDispense, decayedActivity } from './dispensing.js';
import { postReleaseFailures, recordStatus, releaseRefusal } from './release.js';

const recipe = recipeFor('GA68-PSMA11', '2026-12-05')!;
const spec = specificationFor('GA68-PSMA11', '2026-12-05')!;
const T0 = Date.parse('2026-12-05T08:00:00Z');

function entry(
  step: string,
  rev: number,
  values: StepEntry['values'] = {},
  supersedes: string | null = null,
): StepEntry {
  return {
    id: `e${rev}-${step}`,
    step,
    values,
    signedBy: 'u1',
    signedAt: T0 + rev * 60_000,
    rev,
    supersedes,
    reason: supersedes === null ? null : 'typo',
  };
}

const elution = { activityMBq: 1500, eluateVolumeMl: 5 };

describe('batch record steps', () => {
  it('signs the first step, and refuses a later step before an earlier one (Part 11 §11.10(f))', () => {
    expect(nextStep(recipe, [])?.code).toBe('elution');
    const early = checkStepEntry(recipe, [], { step: 'labelling', values: {} });
    expect(early).toEqual({
      ok: false,
      field: 'step',
      message: 'step "Labelling" cannot be signed before "Generator elution"',
    });
    const first = checkStepEntry(recipe, [], { step: 'elution', values: elution });
    expect(first).toEqual({ ok: true, value: { supersedes: null, values: elution } });
  });

  it('checks each field against the recipe: required, numeric, within its range', () => {
    expect(
      checkStepEntry(recipe, [], { step: 'elution', values: { activityMBq: 1500 } }),
    ).toMatchObject({
      ok: false,
      field: 'values.eluateVolumeMl',
    });
    expect(
      checkStepEntry(recipe, [], { step: 'elution', values: { ...elution, activityMBq: 9000 } }),
    ).toMatchObject({
      ok: false,
      field: 'values.activityMBq',
      message: 'Activity drawn 9000 MBq is above 4000 MBq',
    });
    expect(
      checkStepEntry(recipe, [], { step: 'elution', values: { ...elution, colour: 'blue' } }),
    ).toMatchObject({ ok: false, field: 'values.colour' });
  });

  it('corrects a signed step only with a reason, superseding its entry', () => {
    const done = [entry('elution', 1, elution)];
    expect(checkStepEntry(recipe, done, { step: 'elution', values: elution })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    const fix = checkStepEntry(recipe, done, {
      step: 'elution',
      values: { ...elution, eluateVolumeMl: 4.8 },
      reason: 'volume misread',
    });
    expect(fix).toMatchObject({ ok: true, value: { supersedes: 'e1-elution' } });
    const after = [...done, entry('elution', 2, { ...elution, eluateVolumeMl: 4.8 }, 'e1-elution')];
    expect(current(after).map((e) => e.id)).toEqual(['e2-elution']);
    expect(nextStep(recipe, after)?.code).toBe('labelling');
  });

  it('reads the measured EOS activity from the recipe’s EOS step', () => {
    const steps = recipe.steps.map((s, k) =>
      entry(s.code, k + 1, s.eos ? { eosActivityMBq: 950, volumeMl: 10 } : {}),
    );
    expect(measuredEos(recipe, steps)).toMatchObject({ activityBq: 950e6, volumeMl: 10 });
    expect(nextStep(recipe, steps)).toBeUndefined();
  });
});

describe('what a signature covers', () => {
  const content: RecordContent = {
    header: { batchNumber: 'B1' },
    entries: [entry('elution', 1, elution)],
    draws: [],
    deviations: [],
    results: [],
  };

  it('keeps the covered content when items are added later, and changes it when a covered item is corrected', () => {
    const signed = JSON.stringify(signedContent(content, 1));
    const added = { ...content, entries: [...content.entries, entry('labelling', 2, {})] };
    expect(JSON.stringify(signedContent(added, 1))).toBe(signed);
    const corrected = {
      ...content,
      entries: [
        ...content.entries,
        entry('elution', 2, { ...elution, activityMBq: 1400 }, 'e1-elution'),
      ],
    };
    expect(JSON.stringify(signedContent(corrected, 1))).not.toBe(signed);
  });
});

describe('release', () => {
  const allSteps = recipe.steps.length;
  const preRelease = spec.tests
    .filter((t) => t.timing === 'before-release')
    .map((t) =>
      t.kind === 'pass-fail'
        ? { code: t.code, passed: true }
        : { code: t.code, value: t.kind === 'max' ? t.max : t.min },
    );
  const conditional = evaluateQc(spec, preRelease);

  it('derives the status from steps and signatures', () => {
    expect(recordStatus(0, allSteps, [])).toBe('open');
    expect(recordStatus(2, allSteps, [])).toBe('in-production');
    expect(recordStatus(allSteps, allSteps, [])).toBe('awaiting-release');
    expect(
      recordStatus(allSteps, allSteps, [{ meaning: 'conditional-release', valid: true }]),
    ).toBe('conditionally-released');
    expect(
      recordStatus(allSteps, allSteps, [
        { meaning: 'conditional-release', valid: true },
        { meaning: 'rejection', valid: true },
      ]),
    ).toBe('rejected');
  });

  it('allows a conditional release when the pre-release tests pass, not a final one', () => {
    expect(conditional.verdict).toBe('conditional');
    const facts = {
      status: 'awaiting-release' as const,
      qc: conditional,
      deviations: [],
      signatures: [],
    };
    expect(releaseRefusal(facts, 'conditional-release')).toBeUndefined();
    expect(releaseRefusal(facts, 'final-release')).toMatch(
      /^final certification needs every result: .*Sterility/,
    );
  });

  it('refuses release of an incomplete record, an out-of-specification batch or a critical deviation', () => {
    expect(
      releaseRefusal(
        { status: 'in-production', qc: conditional, deviations: [], signatures: [] },
        'conditional-release',
      ),
    ).toMatch(/not complete/);
    const oos = evaluateQc(spec, [...preRelease, { code: 'ph', value: 9.1 }]);
    expect(
      releaseRefusal(
        { status: 'awaiting-release', qc: oos, deviations: [], signatures: [] },
        'conditional-release',
      ),
    ).toBe('out of specification: pH 9.1 is above 8');
    const critical = {
      id: 'd1',
      step: null,
      description: 'filter integrity breach',
      classification: 'critical' as const,
      recordedBy: 'u1',
      recordedAt: T0,
      rev: 3,
    };
    expect(
      releaseRefusal(
        { status: 'awaiting-release', qc: conditional, deviations: [critical], signatures: [] },
        'conditional-release',
      ),
    ).toMatch(/critical deviation/);
    expect(
      releaseRefusal(
        { status: 'awaiting-release', qc: oos, deviations: [critical], signatures: [] },
        'rejection',
      ),
    ).toBeUndefined();
  });

  it('names a failure after a conditional release, not one before', () => {
    const failed = evaluateQc(spec, [
      ...preRelease,
      { code: 'sterility', passed: false, note: 'growth' },
    ]);
    expect(
      postReleaseFailures('conditionally-released', conditional, failed).map((f) => f.code),
    ).toEqual(['sterility']);
    expect(postReleaseFailures('awaiting-release', conditional, failed)).toEqual([]);
  });
});

describe('dispensing', () => {
  const ga68HalfLifeMs = 67.84 * 60_000;
  const base = {
    nuclide: 'Ga-68',
    measuredAt: T0,
    volumeMl: 2,
    orderedBq: 200e6,
    calibrationAt: T0 + ga68HalfLifeMs,
    tolerancePct: 20,
    eosAt: T0 - 10 * 60_000,
    shelfLifeMinutes: 240,
  };

  it('decays the measured activity to the calibration time with the decay engine', () => {
    // One half-life (Ga-68: 67.84 min, NUBASE2020 to four figures) halves the activity.
    expect(decayedActivity('Ga-68', 400e6, T0, T0 + ga68HalfLifeMs)).toBeCloseTo(200e6, -5);
    const ok = checkDispense({ ...base, measuredBq: 400e6 });
    expect(ok.refusal).toBeUndefined();
    expect(ok.deviation).toBeCloseTo(0, 3);
    expect(ok.concentrationBqPerMl).toBe(200e6);
    expect(ok.expiresAt).toBe(base.eosAt + 240 * 60_000);
  });

  it('refuses a dose outside the order’s tolerance, with the figures', () => {
    const high = checkDispense({ ...base, measuredBq: 500e6 });
    expect(high.withinTolerance).toBe(false);
    expect(high.refusal).toEqual({
      field: 'measuredBq',
      message:
        '500.0 MBq measured gives 250.0 MBq at calibration, +25.0% from the 200.0 MBq ordered (tolerance ±20%)',
    });
  });

  it('refuses a dose whose batch expires before the calibration time', () => {
    const late = checkDispense({
      ...base,
      measuredBq: 400e6,
      calibrationAt: base.eosAt + 241 * 60_000,
    });
    expect(late.refusal?.field).toBe('calibrationAt');
  });
});

describe('what a batch holds', () => {
  const halfLife = 67.84 * 60_000;
  const eos = { activityBq: 1000e6, volumeMl: 10, at: T0 };

  it('lets doses up to the EOS activity (decayed), less what was drawn, leave', () => {
    const drawn = [{ measuredBq: 400e6, measuredAt: T0, volumeMl: 4 }];
    // One half-life later the batch held 500 MBq, of which the first dose took 200 (decayed).
    const later = T0 + halfLife;
    expect(
      batchHoldsRefusal('Ga-68', eos, drawn, { measuredBq: 300e6, measuredAt: later, volumeMl: 4 }),
    ).toBeUndefined();
    expect(
      batchHoldsRefusal('Ga-68', eos, drawn, { measuredBq: 340e6, measuredAt: later, volumeMl: 4 }),
    ).toMatchObject({
      field: 'measuredBq',
    });
  });

  it('allows the dose calibrator’s margin, and refuses volume the batch does not have', () => {
    expect(
      batchHoldsRefusal('Ga-68', eos, [], { measuredBq: 1040e6, measuredAt: T0, volumeMl: 1 }),
    ).toBeUndefined();
    expect(
      batchHoldsRefusal('Ga-68', eos, [{ measuredBq: 100e6, measuredAt: T0, volumeMl: 9 }], {
        measuredBq: 100e6,
        measuredAt: T0,
        volumeMl: 1.5,
      }),
    ).toEqual({
      field: 'volumeMl',
      message: "1.5 mL is more than the 1.00 mL left of the batch's 10 mL",
    });
  });
});
