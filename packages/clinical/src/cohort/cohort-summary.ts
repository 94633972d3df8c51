import { daysBetween, DAYS_PER_MONTH } from '../pathway/local-date.js';
import {
  patientEndpoints,
  type BestResponse,
  type PatientEndpoints,
} from '../outcomes/endpoints.js';
import type { PatientCourse } from '../outcomes/patient-course.js';
import {
  coxPh,
  exactBinomialCi,
  kaplanMeier,
  logRank,
  numbersAtRisk,
  type BinomialInterval,
  type MedianSurvival,
} from '../statistics/index.js';

/** A cohort member as the registry holds it (pseudonymous reference only). */
export interface CohortMember {
  readonly ref: string;
  readonly arm: string;
  readonly diseaseVolume: 'high' | 'low' | null;
  readonly presentation: 'de_novo' | 'recurrent' | null;
  readonly priorLu177: boolean | null;
  readonly cycles: readonly {
    readonly cycle: number;
    readonly on: string;
    readonly activityBq: number;
  }[];
  readonly course: PatientCourse;
}

/** What a cohort is split by for curves and comparisons. */
export const GROUPINGS = ['arm', 'diseaseVolume', 'presentation', 'priorLu177'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const GROUPING_LABEL: Readonly<Record<Grouping, string>> = {
  arm: 'Arm',
  diseaseVolume: 'Disease volume',
  presentation: 'De novo or recurrent',
  priorLu177: 'Prior Lu-177',
};

function groupOf(member: CohortMember, grouping: Grouping): string | null {
  switch (grouping) {
    case 'arm':
      return member.arm;
    case 'diseaseVolume':
      return member.diseaseVolume === null ? null : `${member.diseaseVolume} volume`;
    case 'presentation':
      return member.presentation === null
        ? null
        : member.presentation === 'de_novo'
          ? 'de novo'
          : 'recurrent';
    case 'priorLu177':
      return member.priorLu177 === null
        ? null
        : member.priorLu177
          ? 'prior Lu-177'
          : 'no prior Lu-177';
  }
}

/** A Kaplan–Meier curve ready to draw: the steps, the censoring marks, the numbers at risk. */
export interface SurvivalCurve {
  readonly n: number;
  readonly events: number;
  readonly median: MedianSurvival;
  /** [months, survival, lower, upper], starting at [0, 1, 1, 1]. */
  readonly points: readonly (readonly [number, number, number | null, number | null])[];
  readonly censoredAt: readonly number[];
  readonly atRisk: readonly number[];
}

export interface GroupSummary {
  readonly group: string;
  readonly patients: number;
  readonly psa50: BinomialInterval | null;
  readonly psa90: BinomialInterval | null;
  readonly measurable: number;
  readonly orr: BinomialInterval | null;
  readonly dcr: BinomialInterval | null;
  readonly bestResponses: Readonly<Record<BestResponse, number>>;
  /** Patients with an adverse event of CTCAE grade ≥ 3. */
  readonly grade3Plus: BinomialInterval;
  readonly rpfs: SurvivalCurve;
  readonly os: SurvivalCurve;
}

/** Hazard ratios of each group against the first (Cox, Efron ties) and the log-rank test. */
export interface Comparison {
  readonly reference: string;
  readonly hazardRatios: readonly {
    readonly group: string;
    readonly hr: number;
    readonly lower: number;
    readonly upper: number;
    readonly p: number;
  }[];
  readonly logRankChiSquare: number;
  readonly logRankDf: number;
  readonly logRankP: number;
}

export interface CohortSummary {
  readonly grouping: Grouping;
  readonly patients: number;
  readonly groups: readonly GroupSummary[];
  /** Months at which the numbers at risk are given under the curves. */
  readonly atRiskMonths: readonly number[];
  readonly rpfsComparison: Comparison | { readonly unavailable: string };
  readonly osComparison: Comparison | { readonly unavailable: string };
  /** Best PSA change of every evaluable patient, largest rise first: no references. */
  readonly waterfall: readonly { readonly group: string; readonly bestPsaChangePct: number }[];
}

const proportion = (x: number, n: number) => (n === 0 ? null : exactBinomialCi(x, n));

function curve(
  times: readonly { months: number; event: boolean }[],
  grid: readonly number[],
): SurvivalCurve {
  const data = times.map((t) => ({ time: t.months, event: t.event }));
  const km = kaplanMeier(data);
  const points: [number, number, number | null, number | null][] = [[0, 1, 1, 1]];
  for (const s of km.steps) if (s.events > 0) points.push([s.time, s.survival, s.lower, s.upper]);
  const last = km.steps.at(-1);
  if (last !== undefined && last.events === 0)
    points.push([last.time, last.survival, last.lower, last.upper]);
  return {
    n: km.n,
    events: km.events,
    median: km.median,
    points,
    censoredAt: data.filter((d) => !d.event).map((d) => d.time),
    atRisk: numbersAtRisk(data, grid),
  };
}

function compare(
  groups: readonly string[],
  rows: readonly { group: string; months: number; event: boolean }[],
): Comparison | { unavailable: string } {
  if (groups.length < 2) return { unavailable: 'Only one group: nothing to compare.' };
  const byGroup = groups.map((g) =>
    rows.filter((r) => r.group === g).map((r) => ({ time: r.months, event: r.event })),
  );
  if (rows.every((r) => !r.event)) return { unavailable: 'No events yet.' };
  const lr = logRank(byGroup);
  const cox = coxPh(
    rows.map((r) => ({
      time: r.months,
      event: r.event,
      x: groups.slice(1).map((g) => (r.group === g ? 1 : 0)),
    })),
  );
  if (!cox.converged)
    return { unavailable: `The Cox model did not converge: ${cox.problem ?? 'unknown reason'}.` };
  return {
    reference: groups[0]!,
    hazardRatios: groups.slice(1).map((group, i) => ({
      group,
      hr: cox.hazardRatios[i]!,
      lower: cox.lower[i]!,
      upper: cox.upper[i]!,
      p: cox.p[i]!,
    })),
    logRankChiSquare: lr.chiSquare,
    logRankDf: lr.df,
    logRankP: lr.p,
  };
}

/**
 * A cohort's endpoints, split by `grouping`: PSA50/PSA90 (PCWG3) and ORR/DCR (RECIST 1.1, among
 * patients with measurable disease) with exact 95% intervals; rPFS and OS curves with medians and
 * Brookmeyer–Crowley intervals and numbers at risk every 3 months; the hazard ratio of each group
 * against the first (Cox, Efron ties) and the log-rank test. Patients without a value for the
 * grouping are left out of it. Groups are ordered by first appearance of their name, sorted.
 */
export function summariseCohort(
  members: readonly CohortMember[],
  grouping: Grouping,
): CohortSummary {
  const rows = members
    .map((m) => ({ member: m, group: groupOf(m, grouping), endpoints: patientEndpoints(m.course) }))
    .filter(
      (r): r is { member: CohortMember; group: string; endpoints: PatientEndpoints } =>
        r.group !== null,
    );
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  const longest = Math.max(
    0,
    ...rows.flatMap((r) => [r.endpoints.rpfs.months, r.endpoints.os.months]),
  );
  const atRiskMonths = Array.from({ length: Math.floor(longest / 3) + 1 }, (_, i) => i * 3);
  const summaries = groups.map((group): GroupSummary => {
    const mine = rows.filter((r) => r.group === group).map((r) => r.endpoints);
    const psaEvaluable = mine.filter((e) => e.psa50 !== null);
    const measurable = mine.filter((e) => e.measurable);
    const count = (b: BestResponse) => measurable.filter((e) => e.bestResponse === b).length;
    const bestResponses = {
      CR: count('CR'),
      PR: count('PR'),
      SD: count('SD'),
      PD: count('PD'),
      NE: count('NE'),
    };
    return {
      group,
      patients: mine.length,
      psa50: proportion(psaEvaluable.filter((e) => e.psa50).length, psaEvaluable.length),
      psa90: proportion(psaEvaluable.filter((e) => e.psa90).length, psaEvaluable.length),
      measurable: measurable.length,
      orr: proportion(bestResponses.CR + bestResponses.PR, measurable.length),
      dcr: proportion(bestResponses.CR + bestResponses.PR + bestResponses.SD, measurable.length),
      bestResponses,
      grade3Plus: exactBinomialCi(mine.filter((e) => e.worstAdverseGrade >= 3).length, mine.length),
      rpfs: curve(
        mine.map((e) => e.rpfs),
        atRiskMonths,
      ),
      os: curve(
        mine.map((e) => e.os),
        atRiskMonths,
      ),
    };
  });
  const timeRows = (pick: (e: PatientEndpoints) => { months: number; event: boolean }) =>
    rows.map((r) => ({ group: r.group, ...pick(r.endpoints) }));
  return {
    grouping,
    patients: rows.length,
    groups: summaries,
    atRiskMonths,
    rpfsComparison: compare(
      groups,
      timeRows((e) => e.rpfs),
    ),
    osComparison: compare(
      groups,
      timeRows((e) => e.os),
    ),
    waterfall: rows
      .flatMap((r) =>
        r.endpoints.bestPsaChangePct === null
          ? []
          : [{ group: r.group, bestPsaChangePct: r.endpoints.bestPsaChangePct }],
      )
      .sort((a, b) => b.bestPsaChangePct - a.bestPsaChangePct),
  };
}

/** One row of a swimmer plot: a patient's time on study, cycles and events, in months. */
export interface SwimmerRow {
  readonly ref: string;
  readonly arm: string;
  readonly cycles: readonly number[];
  readonly bestResponse: BestResponse;
  readonly responseAt: number | null;
  readonly progressionAt: number | null;
  readonly deathAt: number | null;
  /** The end of the bar: death or the last contact. */
  readonly endAt: number;
  readonly ongoing: boolean;
}

/** Swimmer rows, longest first: patient-level, for those who may see patients. */
export function swimmerRows(members: readonly CohortMember[]): readonly SwimmerRow[] {
  return members
    .map((m): SwimmerRow => {
      const e = patientEndpoints(m.course);
      const months = (on: string) => daysBetween(m.course.startOn, on) / DAYS_PER_MONTH;
      const firstResponse = e.assessments.find((a) => a.response === 'CR' || a.response === 'PR');
      return {
        ref: m.ref,
        arm: m.arm,
        cycles: m.cycles.map((c) => months(c.on)),
        bestResponse: e.bestResponse,
        responseAt: firstResponse === undefined ? null : months(firstResponse.on),
        progressionAt:
          e.radiographicProgressionOn === null ? null : months(e.radiographicProgressionOn),
        deathAt: m.course.deathOn === null ? null : months(m.course.deathOn),
        endAt: e.os.months,
        ongoing: !e.os.event,
      };
    })
    .sort((a, b) => b.endAt - a.endAt);
}
