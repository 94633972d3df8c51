import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSolver } from '@halflife/planner';
import {
  demoDesignScenarios,
  parseDesignScenario,
  solveDesign,
  type DesignResult,
  type DesignScenario,
} from '@halflife/strategy';
import { CliError } from './cli-error.js';
import { formatTable } from './table.js';

export interface DesignOptions {
  readonly scenario?: string[];
  readonly demo?: boolean;
  readonly writeDemo?: string;
  readonly timeLimit?: string;
  readonly gap?: string;
  readonly json?: boolean;
}

/** The largest scenario file read (a China-scale scenario is about 2 MB). */
const MAX_FILE_BYTES = 50 * 2 ** 20;
/** Most scenarios compared side by side. */
const MAX_SCENARIOS = 8;
/** Unserved demands listed per scenario; the rest are counted. */
const UNSERVED_SHOWN = 15;

function readScenario(file: string): DesignScenario {
  if (!existsSync(file)) throw new CliError(`--scenario: no file ${file}`);
  if (statSync(file).size > MAX_FILE_BYTES)
    throw new CliError(`--scenario ${file}: larger than ${MAX_FILE_BYTES / 2 ** 20} MB`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`--scenario ${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = parseDesignScenario(json);
  if (!parsed.ok)
    throw new CliError(
      `--scenario ${file} is not a valid design scenario:\n  ${parsed.errors.join('\n  ')}`,
    );
  return parsed.value;
}

function number(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new CliError(`--${name} must be a number ${min}–${max}, got "${text}"`);
  return n;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/\(demo data\)/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * `halflife design`: solves network-design scenarios (facility location on HiGHS) and compares
 * them side by side. `--demo` asks the demo network's five questions; `--write-demo DIR` writes
 * them as files to start from.
 */
export async function designCommand(
  options: DesignOptions,
  progress: (line: string) => void,
): Promise<string> {
  if (options.writeDemo !== undefined) {
    mkdirSync(options.writeDemo, { recursive: true });
    const files = demoDesignScenarios().map((s, i) => {
      const file = join(options.writeDemo!, `${i + 1}-${slug(s.name)}.json`);
      writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
      return file;
    });
    return `Wrote ${files.length} demo scenarios (demo data):\n  ${files.join('\n  ')}`;
  }
  const files = options.scenario ?? [];
  if ((files.length === 0) === (options.demo !== true))
    throw new CliError('give --scenario FILE (one or more) or --demo');
  if (files.length > MAX_SCENARIOS) throw new CliError(`at most ${MAX_SCENARIOS} scenarios`);
  const timeLimit = number('time-limit', options.timeLimit, 1, 600);
  const gap = number('gap', options.gap, 0, 50);
  const scenarios = (options.demo ? demoDesignScenarios() : files.map(readScenario)).map((s) => ({
    ...s,
    settings: {
      ...s.settings,
      ...(timeLimit !== undefined ? { timeLimitSeconds: timeLimit } : {}),
      ...(gap !== undefined ? { relativeGap: gap / 100 } : {}),
    },
  }));
  const highs = await loadSolver();
  const results = scenarios.map((s) => {
    progress(`Solving "${s.name}" …`);
    return solveDesign(highs, s, {
      now: () => performance.now(),
      onProgress: (p) =>
        progress(`  plan ${money(p.incumbent)}, bound ${money(p.bound)}, gap ${pct(p.gap)}`),
    });
  });
  if (options.json) return JSON.stringify(results, null, 2);
  return [
    ...results.map((r, i) => describe(r, scenarios[i]!)),
    results.length > 1 ? `Side by side\n\n${compare(results, scenarios)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

const money = (x: number) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} M` : '—');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : '—');

function describe(r: DesignResult, s: DesignScenario): string {
  const name = (id: string) => s.hospitals.find((h) => h.id === id)?.name ?? id;
  const unserved = r.unserved.slice(0, UNSERVED_SHOWN);
  return [
    `${r.scenario}`,
    `${r.status === 'optimal' ? 'Optimal' : r.status === 'gap-reached' ? 'Within the asked gap' : r.status === 'time-limit' ? 'Stopped at the time limit' : r.status === 'infeasible' ? 'Infeasible' : 'Failed'}: proven gap ${pct(r.gap)} in ${r.seconds.toFixed(1)} s (${r.model.columns} columns, ${r.model.integers} integer, ${r.model.rows} rows).`,
    `Cost a year: ${money(r.costs.totalPerYear)} (units ${money(r.costs.unitsPerYear)}, isotope ${money(r.costs.isotopePerYear)}, transport ${money(r.costs.transportPerYear)}); unserved ${r.objective === 'cost' ? 'penalty' : 'weight'} ${money(r.costs.unservedPerYear)}.`,
    '',
    formatTable(
      ['product', 'doses/week', 'served', `within ${r.reachHours} h`, 'GBq per dose'],
      r.products
        .filter((p) => p.demandPerWeek > 0)
        .map((p) => [
          p.product,
          p.demandPerWeek.toFixed(0),
          pct(p.servedPerWeek / p.demandPerWeek),
          pct(p.reachedWithinHoursShare),
          p.isotopeGbqPerDose.toPrecision(3),
        ]),
    ),
    '',
    'New units:',
    formatTable(
      ['site', 'technology', 'new', 'existing', 'use'],
      r.facilities
        .filter((f) => f.newUnits > 0)
        .map((f) => [
          f.siteName,
          f.technology,
          String(f.newUnits),
          String(f.existingUnits),
          Object.values(f.utilisation)
            .map((u) => pct(u))
            .join(' '),
        ]),
    ),
    ...(unserved.length > 0
      ? [
          '',
          `Unserved (${r.unserved.length}):`,
          ...unserved.map(
            (u) =>
              `  ${name(u.hospital)} · ${u.product} · ${u.dosesPerWeek.toFixed(1)}/week: ${u.detail}`,
          ),
          ...(r.unserved.length > UNSERVED_SHOWN
            ? [`  … and ${r.unserved.length - UNSERVED_SHOWN} more`]
            : []),
        ]
      : []),
  ].join('\n');
}

function compare(results: readonly DesignResult[], scenarios: readonly DesignScenario[]): string {
  const products = [
    ...new Set(
      results.flatMap((r) => r.products.filter((p) => p.demandPerWeek > 0).map((p) => p.product)),
    ),
  ];
  const row = (label: string, value: (r: DesignResult) => string) => [label, ...results.map(value)];
  const product = (r: DesignResult, id: string) =>
    r.products.find((p) => p.product === id && p.demandPerWeek > 0);
  return formatTable(
    ['', ...scenarios.map((s, i) => `${i + 1}. ${s.name.replace(/ \(demo data\)$/, '')}`)],
    [
      row('status', (r) => r.status),
      row('proven gap', (r) => pct(r.gap)),
      row('cost a year', (r) => money(r.costs.totalPerYear)),
      row('  units', (r) => money(r.costs.unitsPerYear)),
      row('  isotope', (r) => money(r.costs.isotopePerYear)),
      row('  transport', (r) => money(r.costs.transportPerYear)),
      row('new units', (r) => String(r.facilities.reduce((n, f) => n + f.newUnits, 0))),
      row('unserved doses/week', (r) =>
        r.unserved.reduce((n, u) => n + u.dosesPerWeek, 0).toFixed(1),
      ),
      ...products.flatMap((id) => [
        row(`${id} served`, (r) => {
          const p = product(r, id);
          return p ? pct(p.servedPerWeek / p.demandPerWeek) : '—';
        }),
        row(`  within ${results[0]!.reachHours} h`, (r) => {
          const p = product(r, id);
          return p ? pct(p.reachedWithinHoursShare) : '—';
        }),
        row('  GBq per dose', (r) => {
          const p = product(r, id);
          return p ? p.isotopeGbqPerDose.toPrecision(3) : '—';
        }),
      ]),
    ],
  );
}
