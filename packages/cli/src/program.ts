import type { Clock } from '@halflife/server';
import { Command } from 'commander';
import { exportDatasetCsv, resolveNuclide } from '@halflife/nuclear';
import { MAX_HORIZON_DAYS } from '@halflife/planner';
import { chainTree } from './chain-tree.js';
import { CliError, unwrap } from './cli-error.js';
import { designCommand, type DesignOptions } from './design-command.js';
import { forecastCommand, type ForecastOptions } from './forecast-command.js';
import { decayBatch, decayCommand, type DecayOptions } from './decay-command.js';
import { auditCheckpoint, auditVerify, seedDemoCommand } from './database-commands.js';
import {
  generatorYieldCommand,
  optimiseIntervalCommand,
  type GeneratorYieldOptions,
  type OptimiseIntervalOptions,
} from './generator-command.js';
import { loadDataset } from './load-dataset.js';
import {
  planCheckCommand,
  planCommand,
  planGenerateCommand,
  progressBar,
  type PlanCheckOptions,
  type PlanOptions,
} from './plan-commands.js';

type Write = (line: string) => void;

/**
 * The `halflife` command. Output goes through `out`/`err` and "now" comes from `now`, so tests can
 * run it in-process on a day they choose.
 */
export function program(out: Write, err: Write, now: Clock): Command {
  const cli = new Command('halflife')
    .description('Halflife: radiopharmaceutical networks, from isotope to patient.')
    .version('0.1.0')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out(s.trimEnd()),
      writeErr: (s) => err(s.trimEnd()),
      outputError: (s, write) => write(`halflife: ${s.replace(/^error: /, '').trimEnd()}`),
    });

  cli
    .command('decay')
    .description('activities and atoms of every chain member after a decay time')
    .argument('[pairs...]', 'nuclide and amount pairs, e.g. Lu-177 7.4GBq Lu-177m 150kBq')
    .option('--after <duration>', 'decay time, e.g. 10d, 68min, 2y')
    .option('--from <time>', 'start, ISO 8601 with offset or zone, e.g. 2026-11-23T08:00+08:00')
    .option('--to <time>', 'end, ISO 8601 with offset or zone')
    .option('--unit <unit>', 'display unit for activities (Bq … TBq, Ci, mCi, µCi)')
    .option('--decays', 'also show the number of decays of each member in the interval')
    .option('--json', 'JSON output for scripts')
    .option('--batch <file>', 'JSON lines of cases in, one JSON line out per case ("-" for stdin)')
    .option('--dataset <file>', 'a dataset in the import format instead of NUBASE2020')
    .addHelpText(
      'after',
      '\nExamples:\n  halflife decay Lu-177 7.4GBq --from 2026-11-23T08:00+08:00 --to 2026-11-25T14:00+08:00\n  halflife decay Ac-225 100kBq --after 10d --unit µCi',
    )
    // A negative amount ("-5GBq") looks like an option to the parser: take unknown options as
    // arguments here, so that an amount gets the amount's own message and a real unknown option
    // is still refused by name.
    .allowUnknownOption()
    .action((pairs: string[], options: DecayOptions & { batch?: string; dataset?: string }) => {
      const unknown = pairs.find((p) => /^--?[^\d.-]/.test(p));
      if (unknown !== undefined) throw new CliError(`unknown option '${unknown}'`, 2);
      const data = unwrap(loadDataset(options.dataset));
      if (options.batch !== undefined) {
        if (pairs.length > 0)
          throw new CliError('--batch reads its cases from the file; give no nuclides', 2);
        process.exitCode = decayBatch(data, options.batch, out, err);
        return;
      }
      out(decayCommand(data, pairs, options));
    });

  cli
    .command('chain')
    .description(
      'the decay chain of a nuclide as a tree, with half-lives, modes and branching fractions',
    )
    .argument('<nuclide>', 'e.g. Th-228, 99mTc, lu177m')
    .option('--dataset <file>', 'a dataset in the import format instead of NUBASE2020')
    .action((name: string, options: { dataset?: string }) => {
      const data = unwrap(loadDataset(options.dataset));
      out(chainTree(data, unwrap(resolveNuclide(data, name))));
    });

  const ds = cli.command('dataset').description('the nuclear dataset');
  ds.command('export')
    .description(
      'write the active dataset in the import format (nuclide,half_life_s,daughter,mode,fraction)',
    )
    .option('--format <format>', 'csv (the only format for now)', 'csv')
    .option('--dataset <file>', 'a dataset in the import format instead of NUBASE2020')
    .action((options: { format: string; dataset?: string }) => {
      if (options.format !== 'csv')
        throw new CliError(`unknown format "${options.format}": use csv`, 2);
      const data = unwrap(loadDataset(options.dataset));
      out(exportDatasetCsv(data).trimEnd());
    });

  const databaseOption = '--database <url>';
  const databaseHelp =
    'DATABASE_URL: unset = ./.halflife/data (embedded), memory://, a folder, or postgres://…';
  const audit = cli.command('audit').description('the tamper-evident audit trail');
  const keyHelp =
    'the audit key (its .pub, or a public key PEM); default HALFLIFE_AUDIT_KEY_FILE or .halflife/audit.key';
  audit
    .command('verify')
    .description(
      'check the chain, the seals, the latest signed checkpoint and the audited tables; names what is missing or changed (exit 1)',
    )
    .option(databaseOption, databaseHelp)
    .option('--key <file>', keyHelp)
    .option(
      '--checkpoint <file>',
      'a checkpoint kept outside the database (from `audit checkpoint`)',
    )
    .action(async (options: { database?: string; key?: string; checkpoint?: string }) => {
      process.exitCode = await auditVerify(options.database ?? process.env['DATABASE_URL'], out, {
        key: options.key,
        checkpoint: options.checkpoint,
      });
    });
  audit
    .command('checkpoint')
    .description('sign the trail as it stands and print the checkpoint for the QP to keep')
    .option(databaseOption, databaseHelp)
    .option('--key <file>', 'the audit key (private); default as the server uses')
    .action(async (options: { database?: string; key?: string }) => {
      process.exitCode = await auditCheckpoint(
        options.database ?? process.env['DATABASE_URL'],
        out,
        {
          key: options.key,
          now: now(),
        },
      );
    });

  cli
    .command('seed')
    .description('seed the demo network into an empty database (a non-empty one is never touched)')
    .requiredOption('--demo', 'the demo network (the only seed there is)')
    .option(
      '--date <YYYY-MM-DD>',
      "the demo orders' date (default: the next day on which the demo hospitals receive)",
    )
    .option(databaseOption, databaseHelp)
    .action(async (options: { database?: string; date?: string }) => {
      process.exitCode = await seedDemoCommand(
        options.database ?? process.env['DATABASE_URL'],
        out,
        { now: now(), date: options.date },
      );
    });

  const plan = cli
    .command('plan')
    .description(
      'plan production and delivery for an instance file (see docs/planning-instance.md)',
    )
    .option('--instance <file>', 'the planning instance (JSON)')
    .option('--out <file>', 'write the plan here (else the plan JSON goes to standard output)')
    .option('--method <method>', 'auto, milp, decomposition or greedy (the baseline)', 'auto')
    .option('--time-limit <seconds>', 'stop searching after this long', '60')
    .addHelpText(
      'after',
      '\nExamples:\n  halflife plan generate --tier M --seed 1 --days 3 --out m.json\n  halflife plan --instance m.json --out plan.json\n  halflife plan check --instance m.json --plan plan.json',
    )
    .action(async (options: Partial<PlanOptions>) => {
      if (options.instance === undefined)
        throw new CliError('give --instance FILE (or a subcommand: check, generate)', 2);
      const toStdout = options.out === undefined;
      await planCommand(
        options as PlanOptions,
        toStdout ? err : out,
        progressBar((s) => process.stderr.write(s), process.stderr.isTTY),
      );
    });
  plan
    .command('check')
    .description(
      're-verify a plan against its instance with the independent checker (exit 1 if broken)',
    )
    .requiredOption('--instance <file>', 'the planning instance (JSON)')
    .requiredOption('--plan <file>', 'the plan (JSON)')
    .option('--base <file>', 'a re-plan: the plan it re-planned; what had started or left stays')
    .option(
      '--from <instant>',
      "with --base: the moment of re-planning (default the instance's replanFrom)",
    )
    .action((options: PlanCheckOptions) => {
      process.exitCode = planCheckCommand(options, out);
    });
  plan
    .command('generate')
    .description(
      'a benchmark instance: S (1–2 sites), M (3–6 sites), L (national, ~5,000 orders), G (generator-fed Ga-68)',
    )
    .requiredOption('--tier <tier>', 'S, M, L or G (a generator-fed Ga-68 region)')
    .option('--seed <n>', 'random seed (the same seed gives the same instance)', '1')
    .option(
      '--date <YYYY-MM-DD>',
      'the first planned local day (default: tomorrow in the demo zone, Asia/Shanghai)',
    )
    .option(
      '--days <n>',
      `days in the horizon, 1–${MAX_HORIZON_DAYS}: the tier's orders spread over them, batches of one day serving later ones`,
      '1',
    )
    .option('--out <file>', 'write here (else standard output)')
    .action(
      (options: { tier: string; seed: string; date?: string; days: string; out?: string }) => {
        planGenerateCommand(options, out, now());
      },
    );

  const generator = cli
    .command('generator')
    .description('isotope generators: predicted elutions and the best elution interval');
  generator
    .command('yield')
    .description('the eluate an elution would give, from calibration and the last elution')
    .requiredOption('--parent <nuclide>', 'Ge-68, Mo-99, W-188, Ra-224, Th-228 or Ac-225')
    .requiredOption('--activity <activity>', 'parent activity at calibration, e.g. 1.85GBq')
    .requiredOption('--calibrated <time>', 'calibration time, ISO 8601 with offset or zone')
    .option('--last-elution <time>', 'the last elution (default: none since calibration)')
    .option('--efficiency <fraction>', 'elution efficiency (default: the nominal one, by age)')
    .requiredOption('--at <time>', 'the elution time')
    .option('--json', 'JSON output for scripts')
    .addHelpText(
      'after',
      '\nExample:\n  halflife generator yield --parent Ge-68 --activity 1.85GBq --calibrated 2026-09-01T08:00+08:00 --last-elution 2026-11-23T07:00+08:00 --at 2026-11-23T12:00+08:00',
    )
    .action((options: GeneratorYieldOptions & { dataset?: string }) => {
      out(generatorYieldCommand(unwrap(loadDataset(undefined)), options));
    });
  generator
    .command('optimise-interval')
    .description('daily yield of regular elutions by interval, and the interval that maximises it')
    .requiredOption('--parent <nuclide>', 'Th-228, Ra-224, Ge-68, Mo-99, W-188 or Ac-225')
    .option('--activity <activity>', 'parent activity at the start (yields scale with it)', '1GBq')
    .option('--efficiency <fraction>', 'elution efficiency (default: the nominal one)')
    .option('--handling <duration>', 'time each elution costs, whose ingrowth is lost (default 0)')
    .option('--horizon <duration>', 'how long the regular elutions run (default 7d)')
    .option('--json', 'JSON output for scripts')
    .action((options: OptimiseIntervalOptions) => {
      out(optimiseIntervalCommand(unwrap(loadDataset(undefined)), options));
    });

  cli
    .command('forecast')
    .description(
      'weekly demand ahead with 80% and 95% prediction intervals, and a back-test on held-out weeks',
    )
    .option('--history <file>', 'CSV with the header "week,doses", one row per week (YYYY-MM-DD)')
    .option('--demo', 'use the synthetic demo history (156 weeks)')
    .option('--seed <n>', 'the demo history’s seed (default 1)')
    .option('--horizon <weeks>', 'weeks ahead (default 26)')
    .option('--holdout <weeks>', 'last weeks held out for the back-test (default 26)')
    .option('--season <weeks>', 'season length (default 52)')
    .option('--json', 'JSON output for scripts')
    .addHelpText('after', '\nExample:\n  halflife forecast --history lu177-site3.csv --horizon 13')
    .action((options: ForecastOptions) => {
      out(forecastCommand(options));
    });

  cli
    .command('design')
    .description(
      'network design: where units go so that hospitals get their doses before they decay; scenarios side by side',
    )
    .option(
      '--scenario <file...>',
      'one or more design scenarios (JSON, halflife-design-scenario/1)',
    )
    .option('--demo', 'the demo network’s five questions (demo data)')
    .option('--write-demo <dir>', 'write the demo scenarios as files to start from')
    .option('--time-limit <s>', 'solver time limit per scenario, seconds (default 60)')
    .option('--gap <percent>', 'stop at this proven gap, % (default 1)')
    .option('--json', 'JSON output for scripts')
    .addHelpText(
      'after',
      '\nExamples:\n  halflife design --write-demo scenarios/\n  halflife design --scenario scenarios/4-pb-212-central.json scenarios/5-pb-212-distributed.json',
    )
    .action(async (options: DesignOptions) => {
      out(await designCommand(options, err));
    });

  return cli;
}
