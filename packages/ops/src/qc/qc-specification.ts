import data from '../data/qc-specifications.json' with { type: 'json' };

/**
 * QC specifications: per product and version, the tests a batch must pass, with their limits,
 * whether they must pass before release or may complete after it, and where each figure comes
 * from (src/data/qc-specifications.json).
 */

export type TestTiming = 'before-release' | 'after-release';
export type LimitBasis = 'pharmacopoeia' | 'label' | 'literature' | 'in-house';

interface TestBase {
  readonly code: string;
  readonly name: string;
  readonly timing: TestTiming;
  readonly basis: LimitBasis;
  readonly source: string;
}

/** A measured value within [min, max], at least min, or at most max; or an observation that passes or not. */
export type SpecTest =
  | (TestBase & {
      readonly kind: 'range';
      readonly min: number;
      readonly max: number;
      readonly unit: string;
    })
  | (TestBase & { readonly kind: 'min'; readonly min: number; readonly unit: string })
  | (TestBase & { readonly kind: 'max'; readonly max: number; readonly unit: string })
  | (TestBase & { readonly kind: 'pass-fail'; readonly expected: string });

export interface QcSpecification {
  readonly product: string;
  readonly version: number;
  /** Local date from which the version applies. */
  readonly effective: string;
  /** The dosed nuclide (half-life identity is read against it). */
  readonly nuclide: string;
  readonly tests: readonly SpecTest[];
  /** Tests a full specification would have whose limits no source gave: shown, never invented. */
  readonly notSourced: readonly string[];
}

const TIMINGS: readonly string[] = ['before-release', 'after-release'];
const BASES: readonly string[] = ['pharmacopoeia', 'label', 'literature', 'in-house'];

/** The shipped specifications, checked once on load (a malformed data file fails loudly). */
export const QC_SPECIFICATIONS: readonly QcSpecification[] = data.specifications.map((s) => ({
  product: s.product,
  version: s.version,
  effective: s.effective,
  nuclide: s.nuclide,
  notSourced: s.notSourced,
  tests: s.tests.map((t, k) => specTest(t, `${s.product} v${s.version} tests[${k}]`)),
}));

function specTest(t: Record<string, unknown>, path: string): SpecTest {
  const text = (field: string): string => {
    const v = t[field];
    if (typeof v !== 'string' || v === '') throw new Error(`${path}.${field}: expected text`);
    return v;
  };
  const num = (field: string): number => {
    const v = t[field];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new Error(`${path}.${field}: expected a number`);
    return v;
  };
  const timing = text('timing');
  const basis = text('basis');
  if (!TIMINGS.includes(timing)) throw new Error(`${path}.timing: unknown "${timing}"`);
  if (!BASES.includes(basis)) throw new Error(`${path}.basis: unknown "${basis}"`);
  const base = {
    code: text('code'),
    name: text('name'),
    timing: timing as TestTiming,
    basis: basis as LimitBasis,
    source: text('source'),
  };
  const kind = text('kind');
  const unit = typeof t['unit'] === 'string' ? t['unit'] : '';
  switch (kind) {
    case 'range': {
      const [min, max] = [num('min'), num('max')];
      if (!(min < max)) throw new Error(`${path}: expected min < max`);
      return { ...base, kind, min, max, unit };
    }
    case 'min':
      return { ...base, kind, min: num('min'), unit };
    case 'max':
      return { ...base, kind, max: num('max'), unit };
    case 'pass-fail':
      return { ...base, kind, expected: text('expected') };
    default:
      throw new Error(`${path}.kind: unknown "${kind}"`);
  }
}

/** The specification of a product in force on a local date (the latest version effective by then). */
export function specificationFor(
  product: string,
  onDate: string,
  specifications: readonly QcSpecification[] = QC_SPECIFICATIONS,
): QcSpecification | undefined {
  return specifications
    .filter((s) => s.product === product && s.effective <= onDate)
    .sort((a, b) => b.version - a.version)[0];
}

/** "4–8", "≥ 90 %", "≤ 10.9 EU/mL", "sterile": a limit as a QC analyst reads it. */
export function limitText(test: SpecTest): string {
  const unit = (u: string) => (u === '' ? '' : u === '%' ? ' %' : ` ${u}`);
  switch (test.kind) {
    case 'range':
      return `${test.min}–${test.max}${unit(test.unit)}`;
    case 'min':
      return `≥ ${test.min}${unit(test.unit)}`;
    case 'max':
      return `≤ ${test.max}${unit(test.unit)}`;
    case 'pass-fail':
      return test.expected;
  }
}
