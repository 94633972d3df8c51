import { parseArgs } from 'node:util';

/** The command line of `npm run simulate:production` (bench/production-day.sim.ts). */

export const PLAN_METHODS = ['auto', 'milp', 'decomposition', 'greedy'] as const;
export type PlanMethod = (typeof PLAN_METHODS)[number];

export interface SimOptions {
  /** Write the figures as JSON here. */
  readonly out: string | undefined;
  /** SIGKILL the server after this many successful API calls (each, in order). */
  readonly killAfter: readonly number[];
  /**
   * Two runs on fresh copies of one planned database, one uninterrupted and one killed twice;
   * compare the end states.
   */
  readonly verify: boolean;
  /** Seeds the random kill point of --verify and the delay of each kill into its request. */
  readonly seed: number;
  /** Only the first N batches of the day by planned start. */
  readonly limitBatches: number | undefined;
  /** The server's clock moves through the day in windows this long. */
  readonly windowMinutes: number;
  readonly method: PlanMethod;
  /** The server's clock when it seeds and plans (HALFLIFE_NOW of the first start). */
  readonly seedClock: string;
  /** The demo orders' day; default: the one the seeding picks for the seed clock. */
  readonly date: string | undefined;
  readonly password: string;
  /** A PostgreSQL server: each run gets a fresh database on it. Unset: embedded PGlite. */
  readonly postgresUrl: string | undefined;
  /** Keep the temporary folder (data, audit key, server logs). */
  readonly keep: boolean;
}

export const USAGE = `npm run simulate:production -- [options]
  --out FILE            write the figures as JSON
  --kill-after N[,M]    SIGKILL the server after N (then M) successful API calls; restart; continue
  --verify              an uninterrupted run and a killed one, each on a fresh copy of the planned
                        day's database; compare the end states
  --seed S              seed of --verify's random kill point and of the kill delays (default 1)
  --limit-batches N     only the first N batches of the day (by planned start)
  --window-minutes M    the clock moves through the day in windows of M minutes (default 30)
  --method M            planner method: auto (the default), milp, decomposition, greedy
  --seed-clock ISO      the server's clock at seeding and planning (default 2026-12-05T12:00+08:00)
  --date YYYY-MM-DD     the demo orders' day (default: the day the seeding picks)
  --keep                keep the temporary folder (data, audit key, server logs)
environment: HALFLIFE_DEMO_PASSWORD (demo sign-ins), DATABASE_URL=postgres://… (fresh databases
on that server instead of embedded PGlite)`;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): SimOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      'kill-after': { type: 'string' },
      verify: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'limit-batches': { type: 'string' },
      'window-minutes': { type: 'string', default: '30' },
      method: { type: 'string', default: 'auto' },
      'seed-clock': { type: 'string', default: '2026-12-05T12:00+08:00' },
      date: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const method = values.method;
  if (!PLAN_METHODS.includes(method as PlanMethod)) {
    throw new Error(`--method: expected one of ${PLAN_METHODS.join(', ')}, got "${method}"`);
  }
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL: give a postgres://… server, or leave it unset for PGlite');
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new Error(`--date: expected YYYY-MM-DD, got "${values.date}"`);
  }
  return {
    out: values.out,
    killAfter: (values['kill-after'] ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => positiveInteger(s, '--kill-after'))
      .sort((a, b) => a - b),
    verify: values.verify,
    seed: positiveInteger(values.seed, '--seed'),
    limitBatches:
      values['limit-batches'] === undefined
        ? undefined
        : positiveInteger(values['limit-batches'], '--limit-batches'),
    windowMinutes: positiveInteger(values['window-minutes'], '--window-minutes'),
    method: method as PlanMethod,
    seedClock: values['seed-clock'],
    date: values.date,
    password: env['HALFLIFE_DEMO_PASSWORD'] ?? 'halflife-demo',
    postgresUrl: url === '' ? undefined : url,
    keep: values.keep,
  };
}

function positiveInteger(text: string, name: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expected a whole number ≥ 1`);
  return n;
}
