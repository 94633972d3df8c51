/**
 * The parts of the API's answers the simulation reads (packages/server/src/batch-schemas.ts,
 * generator-schemas.ts, supply-schemas.ts): a client's view, kept to what it uses.
 */

export interface BatchSummary {
  readonly id: string;
  readonly batchNumber: string;
  readonly productCode: string;
  readonly nuclide: string;
  readonly siteId: string;
  readonly siteName: string;
  readonly siteZone: string;
  readonly lineName: string;
  readonly planDate: string;
  readonly startAt: string;
  readonly eosAt: string;
  readonly releaseAt: string;
  readonly expectedEosBq: number;
  readonly status: string;
  readonly doses: number;
}

export interface StepField {
  readonly code: string;
  readonly kind: 'number' | 'text';
  readonly min?: number;
  readonly max?: number;
}

export interface StepView {
  readonly code: string;
  readonly name: string;
  readonly draws: string | null;
  readonly eos: boolean;
  readonly fields: readonly StepField[];
  readonly entries: readonly { readonly signedAt: string; readonly current: boolean }[];
  readonly materials: readonly {
    readonly id: string;
    readonly kind: string;
    readonly source: string;
    readonly activityBq: number | null;
  }[];
}

export interface TestView {
  readonly code: string;
  readonly timing: 'before-release' | 'after-release';
  readonly kind: 'range' | 'min' | 'max' | 'pass-fail';
  readonly status: 'pass' | 'fail' | 'pending';
}

export interface DoseView {
  readonly orderId: string;
  readonly orderStatus: string;
  readonly hospitalName: string;
  readonly patientRef: string | null;
  readonly orderedBq: number;
  readonly calibrationAt: string;
  readonly dispensed: { readonly measuredBq: number; readonly calibrationBq: number } | null;
}

export interface BatchDetail {
  readonly batch: BatchSummary;
  readonly voided: string | null;
  readonly steps: readonly StepView[];
  readonly nextStep: string | null;
  readonly qc: {
    readonly specificationVersion: number;
    readonly verdict: string;
    readonly tests: readonly TestView[];
  };
  readonly signatures: readonly { readonly meaning: string; readonly valid: boolean }[];
  readonly release: Readonly<
    Record<'conditional-release' | 'final-release' | 'rejection', string | null>
  >;
  readonly doses: readonly DoseView[];
}

export interface GeneratorView {
  readonly id: string;
  readonly daughter: string;
  readonly retired: boolean;
}

export interface GeneratorDetail extends GeneratorView {
  readonly elutions: readonly {
    readonly id: string;
    readonly at: string;
    readonly measuredActivityBq: number | null;
  }[];
  readonly now: { readonly eluateBq: number } | null;
}

export interface LotView {
  readonly id: string;
  readonly nuclide: string;
  readonly activityBq: number;
  readonly referenceAt: string;
  readonly expiresAt: string | null;
  readonly label: string;
}

export interface CyclotronRunView {
  readonly id: string;
  readonly label: string;
  readonly endAt: string;
  readonly measuredActivityBq: number | null;
}

export interface PlanSummary {
  readonly id: string;
  readonly status: 'running' | 'ready' | 'failed' | 'committed' | 'superseded';
  readonly method: string;
  readonly orders: number;
  readonly served: number;
  readonly batches: number;
  readonly seconds: number | null;
  readonly error: string | null;
}
