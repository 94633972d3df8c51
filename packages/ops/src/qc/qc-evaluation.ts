import { builtinDataset, resolveNuclide } from '@halflife/nuclear';
import {
  limitText,
  type QcSpecification,
  type SpecTest,
  type TestTiming,
} from './qc-specification.js';

/** One QC result as entered or imported: a number for measured tests, passed or not for observations. */
export type QcResult =
  | { readonly code: string; readonly value: number }
  | { readonly code: string; readonly passed: boolean; readonly note?: string };

export type TestStatus = 'pass' | 'fail' | 'pending';

export interface TestOutcome {
  readonly code: string;
  readonly name: string;
  readonly timing: TestTiming;
  readonly limit: string;
  readonly status: TestStatus;
  /** The value or observation as entered, for the record. */
  readonly result?: string;
  /** Why it failed, with the figures: "pH 8.4 is above 8". */
  readonly reason?: string;
}

/**
 * What the results allow:
 * - `out-of-specification`: a test failed (the batch may not be released, or a released batch's
 *   hospitals must be told);
 * - `pending`: a test that must pass before release has no result yet;
 * - `conditional`: every pre-release test passed, some post-release tests are outstanding (a QP
 *   may release conditionally);
 * - `complete`: every test passed (final certification).
 */
export type QcVerdict = 'out-of-specification' | 'pending' | 'conditional' | 'complete';

export interface QcEvaluation {
  readonly product: string;
  readonly specificationVersion: number;
  readonly verdict: QcVerdict;
  readonly tests: readonly TestOutcome[];
  /** Results for tests the specification does not have: refused, named. */
  readonly unknown: readonly string[];
}

/** Evaluates a batch's results against a specification (the latest result per test counts). */
export function evaluateQc(spec: QcSpecification, results: readonly QcResult[]): QcEvaluation {
  const latest = new Map(results.map((r) => [r.code, r]));
  const tests = spec.tests.map((test) => outcome(test, latest.get(test.code)));
  const known = new Set(spec.tests.map((t) => t.code));
  const failed = tests.some((t) => t.status === 'fail');
  const pendingBefore = tests.some((t) => t.status === 'pending' && t.timing === 'before-release');
  const pendingAfter = tests.some((t) => t.status === 'pending' && t.timing === 'after-release');
  return {
    product: spec.product,
    specificationVersion: spec.version,
    verdict: failed
      ? 'out-of-specification'
      : pendingBefore
        ? 'pending'
        : pendingAfter
          ? 'conditional'
          : 'complete',
    tests,
    unknown: [...latest.keys()].filter((code) => !known.has(code)),
  };
}

function outcome(test: SpecTest, result: QcResult | undefined): TestOutcome {
  const base = { code: test.code, name: test.name, timing: test.timing, limit: limitText(test) };
  if (result === undefined) return { ...base, status: 'pending' };
  if ('passed' in result) {
    if (test.kind !== 'pass-fail') {
      return {
        ...base,
        status: 'fail',
        reason: `${test.name} needs a measured value, not an observation`,
      };
    }
    const note = result.note ?? (result.passed ? test.expected : 'not as expected');
    return result.passed
      ? { ...base, status: 'pass', result: note }
      : {
          ...base,
          status: 'fail',
          result: note,
          reason: `${test.name}: ${note} (expected ${test.expected})`,
        };
  }
  const shown = `${result.value}`;
  if (test.kind === 'pass-fail') {
    return {
      ...base,
      status: 'fail',
      result: shown,
      reason: `${test.name} is an observation, not a number`,
    };
  }
  if (!Number.isFinite(result.value)) {
    return {
      ...base,
      status: 'fail',
      result: shown,
      reason: `${test.name}: ${shown} is not a measurement`,
    };
  }
  const below = (test.kind === 'range' || test.kind === 'min') && result.value < test.min;
  const above = (test.kind === 'range' || test.kind === 'max') && result.value > test.max;
  if (below)
    return {
      ...base,
      status: 'fail',
      result: shown,
      reason: `${test.name} ${shown} is below ${test.min}`,
    };
  if (above)
    return {
      ...base,
      status: 'fail',
      result: shown,
      reason: `${test.name} ${shown} is above ${test.max}`,
    };
  return { ...base, status: 'pass', result: shown };
}

/** A dose-calibrator reading: activity (Bq) at an instant (epoch ms). */
export interface CalibratorReading {
  readonly at: number;
  readonly activityBq: number;
}

export interface HalfLifeIdentity {
  /** The half-life the two readings imply, minutes. */
  readonly measuredMinutes: number;
  /** The nuclide's half-life in the decay engine's dataset (NUBASE2020), minutes. */
  readonly referenceMinutes: number;
  /** measured ÷ reference − 1. */
  readonly deviation: number;
}

/**
 * Radionuclidic identity from two readings of the same sample: the half-life they imply,
 * t½ = Δt · ln 2 ÷ ln(A₁ ÷ A₂), beside the nuclide's half-life from the decay engine's dataset.
 * The value goes into the specification's `half-life` test. Refuses readings that cannot give one.
 */
export function halfLifeIdentity(
  nuclide: string,
  first: CalibratorReading,
  second: CalibratorReading,
): HalfLifeIdentity {
  const found = resolveNuclide(builtinDataset(), nuclide);
  if (!found.ok) throw new Error(`nuclide: ${found.error.message}`);
  const halfLife = found.value.halfLife;
  if (!Number.isFinite(halfLife)) throw new Error(`${nuclide} is stable`);
  const seconds = (second.at - first.at) / 1000;
  if (!(seconds >= 60))
    throw new Error('second reading: take it at least a minute after the first');
  if (!(first.activityBq > 0 && second.activityBq > 0))
    throw new Error('readings: activities must be positive');
  if (!(second.activityBq < first.activityBq)) {
    throw new Error('second reading: it must be lower than the first (the sample decays)');
  }
  const measuredMinutes =
    (seconds * Math.LN2) / Math.log(first.activityBq / second.activityBq) / 60;
  const referenceMinutes = halfLife / 60;
  return { measuredMinutes, referenceMinutes, deviation: measuredMinutes / referenceMinutes - 1 };
}
