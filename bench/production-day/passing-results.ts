import { specificationFor, type SpecTest } from '@halflife/ops';
import type { BatchSummary, TestView } from './sim-types.js';

/**
 * An instrument's CSV export with passing results for the given tests of a batch, each within its
 * limit in the product's specification of @halflife/ops (the version the record carries): the
 * middle of a range, comfortably above a minimum, half a maximum, "pass" for an observation.
 */
export function passingResultsCsv(
  batch: BatchSummary,
  specificationVersion: number,
  tests: readonly TestView[],
): string {
  const spec = specificationFor(batch.productCode, batch.planDate);
  if (!spec || spec.version !== specificationVersion) {
    throw new Error(
      `${batch.batchNumber}: the record carries specification v${specificationVersion} of ${batch.productCode}, @halflife/ops has ${spec ? `v${spec.version}` : 'none'}`,
    );
  }
  const rows = tests.map((t) => {
    const test = spec.tests.find((s) => s.code === t.code);
    if (!test) throw new Error(`${batch.batchNumber}: no test ${t.code} in the specification`);
    return `${test.code},${passingValue(test)}`;
  });
  return ['test,value', ...rows].join('\n') + '\n';
}

function passingValue(test: SpecTest): string {
  const text = (v: number) => String(Number(v.toPrecision(6)));
  switch (test.kind) {
    case 'pass-fail':
      return 'pass';
    case 'range':
      return text((test.min + test.max) / 2);
    case 'min':
      return text(test.unit === '%' ? (test.min + 100) / 2 : test.min * 1.1);
    case 'max':
      return text(test.max / 2);
  }
}
