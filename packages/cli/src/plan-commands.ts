import { isLocalDate, tomorrowIn } from '@halflife/domain';
import { DEMO_ZONE } from '@halflife/domain/demo';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  checkPlan,
  generateInstance,
  MAX_HORIZON_DAYS,
  loadSolver,
  parseInstance,
  parsePlan,
  planNetwork,
  type Plan,
  type PlanningInstance,
  type PlanProgress,
  type ReplanBase,
} from '@halflife/planner';
import { CliError } from './cli-error.js';
import { formatTable } from './table.js';

type Write = (line: string) => void;

export interface PlanOptions {
  instance: string;
  out?: string;
  method: string;
  timeLimit: string;
}

const METHODS = ['auto', 'milp', 'decomposition', 'greedy'] as const;

/** `halflife plan`: plans an instance file; the summary table goes to `out`, progress to `progress`. */
export async function planCommand(
  options: PlanOptions,
  out: Write,
  progress: (event: PlanProgress) => void,
): Promise<void> {
  const method = METHODS.find((m) => m === options.method);
  if (!method)
    throw new CliError(`unknown method "${options.method}": use ${METHODS.join(', ')}`, 2);
  const timeLimitSeconds = Number(options.timeLimit);
  if (!(timeLimitSeconds > 0))
    throw new CliError(
      `--time-limit must be a positive number of seconds, got "${options.timeLimit}"`,
      2,
    );
  const instance = readInstance(options.instance);
  const highs = await loadSolver();
  const plan = planNetwork(highs, instance, {
    method,
    timeLimitSeconds,
    now: () => performance.now(),
    onProgress: progress,
  });
  const json = JSON.stringify(plan, null, 2) + '\n';
  if (options.out !== undefined) writeFile(options.out, json);
  else process.stdout.write(json);
  out(planSummary(plan));
}

export interface PlanCheckOptions {
  instance: string;
  plan: string;
  /** A re-plan's base plan: what had started or left by `from` must be unchanged (rule 12). */
  base?: string;
  from?: string;
}

/** `halflife plan check`: exit status 1 when the plan breaks a rule. */
export function planCheckCommand(options: PlanCheckOptions, out: Write): number {
  const instance = readInstance(options.instance);
  const plan = readPlan(options.plan);
  let base: ReplanBase | undefined;
  if (options.base !== undefined) {
    const from = options.from ?? instance.replanFrom;
    if (from === undefined)
      throw new CliError('--base needs --from INSTANT: the instance names no replanFrom', 2);
    if (Number.isNaN(Date.parse(from)))
      throw new CliError(`--from must be an ISO 8601 instant, got "${from}"`, 2);
    base = { plan: readPlan(options.base), from };
  } else if (options.from !== undefined) {
    throw new CliError('--from goes with --base PLAN', 2);
  }
  const result = checkPlan(instance, plan, base ? { base } : {});
  if (result.ok) {
    out(
      `plan is valid: ${result.stats.doses} doses in ${result.stats.batches} batches and ` +
        `${result.stats.shipments} shipments keep every rule`,
    );
    return 0;
  }
  const shown = result.violations.slice(0, 50);
  out(
    formatTable(
      ['rule', 'subject', 'problem'],
      shown.map((v) => [v.rule, v.subject, v.message]),
    ),
  );
  if (result.violations.length > shown.length)
    out(`… and ${result.violations.length - shown.length} more`);
  out(`plan breaks the rules: ${result.violations.length} violation(s)`);
  return 1;
}

/** `halflife plan generate`: an instance of a tier, as JSON on standard output or into a file. */
export function planGenerateCommand(
  options: { tier: string; seed: string; date?: string; days?: string; out?: string },
  out: Write,
  today: Date,
): void {
  const tier = (['S', 'M', 'L', 'G'] as const).find((t) => t === options.tier.toUpperCase());
  if (!tier) throw new CliError(`unknown tier "${options.tier}": use S, M, L or G`, 2);
  const seed = Number(options.seed);
  if (!Number.isInteger(seed))
    throw new CliError(`--seed must be an integer, got "${options.seed}"`, 2);
  // The generated instances are the demo network's, so "tomorrow" is the demo zone's.
  const date = options.date ?? tomorrowIn(today, DEMO_ZONE);
  if (!isLocalDate(date))
    throw new CliError(`--date must be a calendar date YYYY-MM-DD, got "${date}"`, 2);
  const days = Number(options.days ?? '1');
  if (!Number.isInteger(days) || days < 1 || days > MAX_HORIZON_DAYS)
    throw new CliError(
      `--days must be a whole number of days 1–${MAX_HORIZON_DAYS}, got "${options.days}"`,
      2,
    );
  const instance = generateInstance({ tier: tier, seed, date, days });
  const json = JSON.stringify(instance, null, 2) + '\n';
  if (options.out === undefined) {
    process.stdout.write(json);
    return;
  }
  writeFile(options.out, json);
  out(
    `${options.out}: tier ${tier}, ${days} day${days === 1 ? '' : 's'}, ${instance.sites.length} sites, ${instance.hospitals.length} ` +
      `hospitals, ${instance.orders.length} orders, ${instance.products.length} products`,
  );
}

/** The figures a planner looks at first, and the commonest reasons orders go unserved. */
export function planSummary(plan: Plan): string {
  const s = plan.summary;
  const rows: [string, string][] = [
    ['method', plan.method],
    ['served', `${s.served} of ${s.orders} (${s.servedPct.toFixed(1)}%)`],
    ['batches', String(s.batches)],
    ['shipments', String(plan.shipments.length)],
    ['isotope at start', `${(s.startActivityBq / 1e9).toFixed(2)} GBq`],
    ['efficiency', `${(100 * s.efficiency).toFixed(1)}% (delivered at calibration ÷ EOS)`],
    [
      'cost',
      `${money(s.cost.total)} (isotope ${money(s.cost.isotope)}, batches ${money(s.cost.batches)}, transport ${money(s.cost.transport)})`,
    ],
    ['gap to lower bound', `${(100 * s.gap).toFixed(2)}%`],
    ['time', `${s.seconds.toFixed(1)} s`],
  ];
  const lines = [formatTable(['figure', 'value'], rows)];
  if (plan.unserved.length > 0) {
    const counts = new Map<string, number>();
    for (const u of plan.unserved) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
    lines.push('', `unserved orders (${plan.unserved.length}), commonest reasons:`);
    for (const [reason, n] of top) lines.push(`  ${String(n).padStart(4)} × ${reason}`);
  }
  return lines.join('\n');
}

/** A one-line progress bar on a terminal; one line per phase elsewhere. */
export function progressBar(write: (s: string) => void, tty: boolean): (e: PlanProgress) => void {
  let last = '';
  return (e) => {
    const fraction = e.fraction === undefined ? undefined : Math.max(0, Math.min(1, e.fraction));
    const bar =
      fraction === undefined
        ? '[' + '·'.repeat(20) + ']'
        : '[' + '#'.repeat(Math.round(20 * fraction)).padEnd(20, '.') + ']';
    const pct =
      fraction === undefined ? '    ' : `${String(Math.round(100 * fraction)).padStart(3)}%`;
    const line = `${bar} ${pct} ${e.phase}: ${e.message}`;
    if (tty) write(`\r\u001b[2K${line.slice(0, 120)}${e.phase === 'plan' ? '\n' : ''}`);
    else if (e.phase !== last || e.fraction === 1) write(line + '\n');
    last = e.phase;
  };
}

function readInstance(file: string): PlanningInstance {
  const parsed = parseInstance(readJson(file));
  if (!parsed.ok)
    throw new CliError(
      `${file}: not a valid planning instance:\n  ${parsed.errors.slice(0, 20).join('\n  ')}`,
    );
  return parsed.value;
}

function readPlan(file: string): Plan {
  const parsed = parsePlan(readJson(file));
  if (!parsed.ok)
    throw new CliError(
      `${file}: not a plan (format halflife-plan/1):\n  ${parsed.errors.join('\n  ')}`,
    );
  return parsed.value;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(`${file}: not JSON (${(e as Error).message})`);
  }
}

function writeFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function money(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
