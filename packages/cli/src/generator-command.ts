import {
  formatActivity,
  formatDuration,
  formatInstant,
  formatNumber,
  GENERATOR_TYPES,
  generatorModel,
  optimiseElutionInterval,
  parseDuration,
  parseInstant,
  parseQuantity,
  resolveNuclide,
  epochMillis,
  type Dataset,
  type GeneratorModel,
  type GeneratorType,
  type SupplyResult,
  type ZonedInstant,
} from '@halflife/nuclear';
import { CliError, unwrap } from './cli-error.js';
import { formatTable } from './table.js';

export interface GeneratorYieldOptions {
  readonly parent: string;
  readonly activity: string;
  readonly calibrated: string;
  readonly lastElution?: string;
  readonly efficiency?: string;
  readonly at: string;
  readonly json?: boolean;
}

export interface OptimiseIntervalOptions {
  readonly parent: string;
  readonly activity?: string;
  readonly efficiency?: string;
  readonly handling?: string;
  readonly horizon?: string;
  readonly json?: boolean;
}

/** `halflife generator yield`: the eluate an elution at --at would give. */
export function generatorYieldCommand(data: Dataset, options: GeneratorYieldOptions): string {
  const type = generatorType(data, options.parent);
  const calibrated = unwrap(parseInstant(options.calibrated));
  const at = unwrap(parseInstant(options.at));
  const last =
    options.lastElution === undefined ? undefined : unwrap(parseInstant(options.lastElution));
  if (last !== undefined && last.epochMs < calibrated.epochMs) {
    throw new CliError(
      `--last-elution ${options.lastElution} is before --calibrated ${options.calibrated}`,
    );
  }
  if (last !== undefined && last.epochMs > at.epochMs) {
    throw new CliError(`--last-elution ${options.lastElution} is after --at ${options.at}`);
  }
  const model = build(data, type, options.activity, calibrated, options.efficiency, last);
  const p = unwrapSupply(model.predictElution(at.epochMs));
  if (options.json) {
    return JSON.stringify(
      {
        generator: type.id,
        parent: type.parent,
        daughter: type.daughter,
        calibrated: formatInstant(calibrated),
        lastElution: last ? formatInstant(last) : null,
        ...p,
        at: formatInstant(at),
        breakthroughRatio: Number.isFinite(p.breakthroughRatio) ? p.breakthroughRatio : null,
      },
      null,
      2,
    );
  }
  const limit = p.breakthroughLimit;
  const rows = [
    [`${type.parent} on the column`, formatActivity(p.parentBq)],
    [`${type.daughter} on the column (100%)`, formatActivity(p.columnBq)],
    ['efficiency', `${formatNumber(p.efficiency.value, 4)} (${efficiencyBasis(p.efficiency)})`],
    [`eluate ${type.daughter}`, formatActivity(p.eluateBq)],
    [
      'since last elution',
      p.sinceLastElutionS === null ? 'none recorded' : formatDuration(p.sinceLastElutionS),
    ],
    [
      `${type.parent} breakthrough`,
      `${formatActivity(p.breakthroughBq)} (${formatNumber(p.breakthroughRatio, 3)} of the eluate${
        limit === null
          ? ''
          : `; limit ${formatNumber(limit, 3)}: ${p.breakthroughOk ? 'within' : 'OVER'}`
      })`,
    ],
    ['shelf life', p.pastShelfLife ? 'PAST its shelf life' : 'within'],
  ];
  return `${type.id} generator, ${options.activity} ${type.parent} at ${formatInstant(calibrated)} — elution at ${formatInstant(at)}\n\n${formatTable(['quantity', 'value'], rows)}`;
}

/** Intervals shown in the table, hours (the search itself runs on a 15-min grid). */
const SHOWN_HOURS = [1, 2, 4, 6, 8, 12, 16, 20, 24, 30, 36, 48];

/** `halflife generator optimise-interval`: daily yield of regular elutions, and the best interval. */
export function optimiseIntervalCommand(data: Dataset, options: OptimiseIntervalOptions): string {
  const type = generatorType(data, options.parent);
  const activity = options.activity ?? '1GBq';
  const start = unwrap(parseInstant('2026-01-01T00:00Z'));
  const model = build(data, type, activity, start, options.efficiency, undefined);
  const handling = options.handling === undefined ? 0 : unwrap(parseDuration(options.handling));
  const horizon =
    options.horizon === undefined ? 7 * 86_400 : unwrap(parseDuration(options.horizon));
  if (horizon < 3600) throw new CliError('--horizon: give at least 1h');
  const search = optimiseElutionInterval(model, start.epochMs, {
    handlingSeconds: handling,
    horizonSeconds: horizon,
  });
  const efficiency = model.efficiencyAt(start.epochMs).value;
  if (options.json) {
    return JSON.stringify(
      {
        generator: type.id,
        parentActivity: activity,
        efficiency,
        handlingS: handling,
        horizonS: horizon,
        optimum: search.optimum,
        table: search.table,
      },
      null,
      2,
    );
  }
  const rows = search.table
    .filter((y) => SHOWN_HOURS.includes(y.intervalS / 3600))
    .map((y) => [
      formatNumber(y.intervalS / 3600, 4),
      String(y.elutions),
      formatActivity(y.perElutionBq),
      formatActivity(y.dailyBq),
    ]);
  const best = search.optimum;
  const atEdge = best.intervalS <= search.table[0]!.intervalS + 900;
  return [
    `${type.id} generator, ${activity} ${type.parent}, efficiency ${formatNumber(efficiency, 3)}, regular elutions over ${formatDuration(horizon)}, handling ${formatDuration(handling)} per elution`,
    '',
    formatTable(
      ['interval, h', 'elutions', `${type.daughter} per elution`, `${type.daughter} per day`],
      rows,
    ),
    '',
    `optimum: every ${formatNumber(best.intervalS / 3600, 3)} h, ${formatActivity(best.dailyBq)} ${type.daughter} per day${
      atEdge
        ? ' (the shortest interval searched: with no cost per elution, eluting more often always extracts more; see --handling)'
        : ''
    }`,
  ].join('\n');
}

function generatorType(data: Dataset, parent: string): GeneratorType {
  const name = unwrap(resolveNuclide(data, parent)).name;
  const type = GENERATOR_TYPES.find((g) => g.parent === name);
  if (type === undefined) {
    throw new CliError(
      `no generator with parent ${name}: use one of ${GENERATOR_TYPES.map((g) => g.parent).join(', ')}`,
      2,
    );
  }
  return type;
}

function build(
  data: Dataset,
  type: GeneratorType,
  activityText: string,
  calibrated: ZonedInstant,
  efficiencyText: string | undefined,
  last: ZonedInstant | undefined,
): GeneratorModel {
  const q = unwrap(parseQuantity(activityText));
  if (q.kind !== 'activity')
    throw new CliError(`--activity ${activityText}: give an activity, e.g. 1.85GBq`, 2);
  const efficiency = efficiencyText === undefined ? undefined : Number(efficiencyText);
  if (efficiency !== undefined && !(efficiency > 0 && efficiency <= 1)) {
    throw new CliError(
      `--efficiency ${efficiencyText}: expected a fraction in (0, 1], e.g. 0.7`,
      2,
    );
  }
  return unwrapSupply(
    generatorModel(data, {
      type,
      parentBq: q.bq,
      calibratedAt: calibrated.epochMs,
      elutions: last === undefined ? [] : [{ at: epochMillis(last.epochMs) }],
      ...(efficiency === undefined ? {} : { efficiency }),
    }),
  );
}

function efficiencyBasis(e: { basis: string; records: number }): string {
  if (e.basis === 'records') return `from ${e.records} recorded elutions`;
  return e.basis === 'given' ? 'given' : 'nominal, by age';
}

function unwrapSupply<T>(result: SupplyResult<T>): T {
  if (!result.ok) throw new CliError(result.error.message);
  return result.value;
}
