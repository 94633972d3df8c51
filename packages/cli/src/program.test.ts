import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { program } from './program.js';
import { TEST_CLOCK } from './test-clock.js';

interface Run {
  readonly out: string[];
  readonly err: string[];
}

/** Runs `halflife …args` in-process; each write may hold several lines, so they are split. */
async function run(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  await program(
    (s) => out.push(...s.split('\n')),
    (s) => err.push(...s.split('\n')),
    TEST_CLOCK,
  ).parseAsync(['node', 'halflife', ...args]);
  return { out, err };
}

/** Runs a command that must fail and returns what it threw, with what it wrote. */
async function runFailing(...args: string[]): Promise<{ error: unknown } & Run> {
  const out: string[] = [];
  const err: string[] = [];
  try {
    await program(
      (s) => out.push(...s.split('\n')),
      (s) => err.push(...s.split('\n')),
      TEST_CLOCK,
    ).parseAsync(['node', 'halflife', ...args]);
  } catch (error) {
    return { error, out, err };
  }
  throw new Error(`halflife ${args.join(' ')} did not fail; it wrote ${out.join('\n')}`);
}

/** The cells of the table row of a nuclide (the rows follow the rule line of the table). */
function row(lines: readonly string[], nuclide: string): string[] {
  const rule = lines.findIndex((l) => l.startsWith('─'));
  const line = lines.slice(rule + 1).find((l) => l.split(/\s{2,}/)[0] === nuclide);
  if (line === undefined) throw new Error(`no row for ${nuclide} in\n${lines.join('\n')}`);
  return line.split(/\s{2,}/);
}

/** The number in a cell such as "5.85184 GBq". */
function numberIn(cell: string | undefined): number {
  return Number(cell?.split(' ')[0]);
}

const sig5 = (x: number): string => x.toPrecision(5);

const DAY = 86_400;
/** NUBASE2020: 6.6443 d and 9.919 d, in seconds. */
const LU177_HALF_LIFE = 574_067.52;
const AC225_HALF_LIFE = 857_001.6;

interface JsonMember {
  nuclide: string;
  halfLifeS: number | null;
  activityBq: number;
  activity?: number;
  unit?: string;
  atoms: number;
  decays?: number;
}

interface JsonDecay {
  dataset: string;
  inventory: Record<string, number>;
  from?: string;
  to?: string;
  seconds: number;
  members: JsonMember[];
}

function member(json: JsonDecay, name: string): JsonMember {
  const m = json.members.find((x) => x.nuclide === name);
  if (!m) throw new Error(`no member ${name}`);
  return m;
}

describe('halflife decay', () => {
  it('decays Lu-177 between two zoned times', async () => {
    const { out, err } = await run(
      'decay',
      'Lu-177',
      '7.4GBq',
      '--from',
      '2026-11-23T08:00+08:00',
      '--to',
      '2026-11-25T14:00+08:00',
    );
    expect(err).toEqual([]);
    expect(out[0]).toBe(
      'Lu-177 7.4GBq, from 2026-11-23T08:00:00+08:00 to 2026-11-25T14:00:00+08:00 (2.25 d) — NUBASE2020',
    );
    const lu = row(out, 'Lu-177');
    expect(lu[1]).toBe('6.6443 d');
    expect(lu[2]).toMatch(/ GBq$/);
    // 54 h of decay: 7.4 GBq · 2^(−54 h / 6.6443 d) = 5.8518 GBq.
    const expected = 7.4e9 * 2 ** -((54 * 3600) / (6.6443 * DAY));
    expect(sig5(numberIn(lu[2]) * 1e9)).toBe(sig5(expected));
    expect(sig5(expected)).toBe('5.8518e+9');
    const hf = row(out, 'Hf-177');
    expect(hf[1]).toBe('stable');
    expect(hf[2]).toBe('0 Bq');
    // Atoms are conserved: Lu-177 + Hf-177 = the initial atoms A·T½/ln 2.
    const initialAtoms = (7.4e9 * LU177_HALF_LIFE) / Math.LN2;
    expect(sig5(numberIn(lu[3]) + numberIn(hf[3]))).toBe(sig5(initialAtoms));
  });

  it('writes JSON with every member of the Ac-225 chain', async () => {
    const { out } = await run('decay', 'Ac-225', '100kBq', '--after', '10d', '--json');
    const json = JSON.parse(out.join('\n')) as JsonDecay;
    expect(json.dataset).toBe('NUBASE2020');
    expect(json.seconds).toBe(10 * DAY);
    expect(json.from).toBeUndefined();
    const names = json.members.map((m) => m.nuclide);
    expect(names[0]).toBe('Ac-225');
    expect(names).toEqual(expect.arrayContaining(['Fr-221', 'At-217', 'Bi-213', 'Po-213']));
    expect(names).toContain('Bi-213');
    expect(names).toContain('Tl-205');
    const ac = member(json, 'Ac-225');
    expect(ac.halfLifeS).toBe(AC225_HALF_LIFE);
    const expected = 1e5 * 2 ** (-10 / 9.919);
    expect(Math.abs(ac.activityBq / expected - 1)).toBeLessThan(1e-12);
    expect(json.inventory['Ac-225']).toBeCloseTo((1e5 * AC225_HALF_LIFE) / Math.LN2, 0);
    expect(member(json, 'Tl-205').halfLifeS).toBeNull();
    for (const m of json.members) {
      expect(m.activityBq).toBeGreaterThanOrEqual(0);
      expect(m.atoms).toBeGreaterThanOrEqual(0);
    }
    // Near secular equilibrium after 10 d: Bi-213 has about the activity of Ac-225.
    expect(member(json, 'Bi-213').activityBq / ac.activityBq).toBeCloseTo(1, 1);
  });

  it('shows activities in the unit asked for (--unit mCi)', async () => {
    const { out } = await run('decay', 'Ac-225', '100kBq', '--after', '10d', '--unit', 'mCi');
    const ac = row(out, 'Ac-225');
    expect(ac[2]).toMatch(/^[\d.e+-]+ mCi$/);
    const expected = (1e5 * 2 ** (-10 / 9.919)) / 3.7e7;
    expect(sig5(numberIn(ac[2]))).toBe(sig5(expected));
    const rows = out.slice(out.findIndex((l) => l.startsWith('─')) + 1);
    expect(rows.length).toBeGreaterThan(5);
    for (const l of rows) expect(l).toMatch(/ mCi /);
  });

  it('gives activity in the display unit in JSON too', async () => {
    const { out } = await run(
      'decay',
      'Lu-177',
      '1GBq',
      '--after',
      '0d',
      '--json',
      '--unit',
      'mCi',
    );
    const json = JSON.parse(out.join('\n')) as JsonDecay;
    const lu = member(json, 'Lu-177');
    expect(lu.activityBq).toBe(1e9);
    expect(lu.unit).toBe('mCi');
    expect(lu.activity).toBe(1e9 / 3.7e7);
  });

  it('counts the decays in the interval (--decays)', async () => {
    const { out } = await run('decay', 'Ac-225', '100kBq', '--after', '10d', '--decays');
    const header = out.find((l) => l.startsWith('nuclide'));
    expect(header).toMatch(/decays in interval$/);
    const ac = row(out, 'Ac-225');
    expect(ac).toHaveLength(5);
    // ∫A dt = N0 (1 − 2^(−t/T½)) for the parent.
    const n0 = (1e5 * AC225_HALF_LIFE) / Math.LN2;
    expect(sig5(numberIn(ac[4]))).toBe(sig5(n0 * (1 - 2 ** (-10 / 9.919))));
    expect(numberIn(row(out, 'Tl-205')[4])).toBe(0);
  });

  it('adds amounts of two nuclides and reads forgiving names and units', async () => {
    const { out } = await run('decay', 'lu177', '7.4gbq', '177Lu', '100MBq', '--after', '0s');
    expect(out[0]).toMatch(/^Lu-177 7\.4gbq \+ Lu-177 100MBq, after 0 s — NUBASE2020$/);
    expect(row(out, 'Lu-177')[2]).toBe('7.5 GBq');
  });

  it('anchors --after to --from and reports both ends', async () => {
    const { out } = await run(
      'decay',
      'Ga-68',
      '1GBq',
      '--from',
      '2026-11-23T08:00 Asia/Shanghai',
      '--after',
      '68min',
      '--json',
    );
    const json = JSON.parse(out.join('\n')) as JsonDecay;
    expect(json.seconds).toBe(4080);
    expect(json.from).toBe('2026-11-23T08:00:00+08:00[Asia/Shanghai]');
    expect(json.to).toBe('2026-11-23T09:08:00+08:00[Asia/Shanghai]');
  });
});

describe('halflife chain', () => {
  it('draws Th-228 with the Bi-212 split', async () => {
    const { out } = await run('chain', 'Th-228');
    expect(out[0]).toBe('Th-228  1.9125 y');
    const text = out.join('\n');
    for (const name of ['Ra-224', 'Rn-220', 'Po-216', 'Pb-212', 'Bi-212', 'Po-212', 'Tl-208']) {
      expect(text).toContain(name);
    }
    expect(out).toContainEqual(expect.stringMatching(/B- 64\.046% → Po-212 {2}294\.4 ns$/));
    expect(out).toContainEqual(expect.stringMatching(/A 35\.94% → Tl-208 {2}3\.053 min$/));
    expect(out).toContainEqual(expect.stringMatching(/A 100% → Ra-224 {2}3\.6316 d$/));
  });

  it('draws Mo-99 feeding Tc-99m at 87.73%', async () => {
    const { out } = await run('chain', 'Mo-99');
    expect(out[0]).toBe('Mo-99  2.7472 d');
    expect(out).toContainEqual(expect.stringMatching(/B- 87\.73% → Tc-99m {2}6\.0066 h$/));
    expect(out).toContainEqual(expect.stringMatching(/B- 12\.27% → Tc-99 {2}211\.1 ky$/));
    // Tc-99 is reached twice and drawn once.
    expect(out.filter((l) => l.includes('→ Tc-99 '))).toHaveLength(2);
    expect(out.filter((l) => l.includes('(see above)'))).toHaveLength(1);
  });

  it('draws Pb-212 exactly', async () => {
    const { out } = await run('chain', 'pb212');
    expect(out).toEqual([
      'Pb-212  10.627 h',
      '└─ B- 100% → Bi-212  1.0092 h',
      '   ├─ B- 64.046% → Po-212  294.4 ns',
      '   │  └─ A 100% → Pb-208  stable',
      '   ├─ A 35.94% → Tl-208  3.053 min',
      '   │  └─ B- 100% → Pb-208  stable',
      '   └─ B-A 0.014% → Pb-208  stable',
    ]);
  });

  it('draws Ac-225 down to Bi-209 and Tl-205, expanding each nuclide once', async () => {
    const { out } = await run('chain', 'Ac-225');
    expect(out[0]).toBe('Ac-225  9.919 d');
    const text = out.join('\n');
    for (const name of ['Fr-221', 'At-217', 'Bi-213', 'Po-213', 'Tl-209', 'Pb-209', 'Bi-209']) {
      expect(text).toContain(`→ ${name}  `);
    }
    expect(text).toContain('→ Tl-205  stable');
    expect(out).toContainEqual(expect.stringMatching(/A 99\.992% → Bi-213 {2}45\.6 min$/));
    expect(out).toContainEqual(expect.stringMatching(/B- 97\.91% → Po-213 {2}3\.705 µs$/));
    // Pb-209 is reached from Po-213 and Tl-209 but expanded only under the first.
    const pb = out.filter((l) => l.includes('→ Pb-209 '));
    expect(pb).toHaveLength(2);
    expect(pb.filter((l) => l.endsWith('(see above)'))).toHaveLength(1);
  });
});

describe('halflife dataset export', () => {
  it('writes the header, then one row per branch', async () => {
    const { out } = await run('dataset', 'export');
    expect(out[0]).toBe('nuclide,half_life_s,daughter,mode,fraction');
    expect(out).toContain('Bi-212,3633,Po-212,B-,0.64046');
    expect(out).toContain('Bi-212,3633,Tl-208,A,0.3594');
    expect(out).toContain('Pb-208,inf,,,');
    expect(out.length).toBeGreaterThan(4367);
    for (const l of out) expect(l.split(',')).toHaveLength(5);
  });

  it('refuses an unknown format', async () => {
    const { error } = await runFailing('dataset', 'export', '--format', 'xml');
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toBe('unknown format "xml": use csv');
  });
});

describe('halflife decay --batch', () => {
  let dir: string;
  let savedExitCode: typeof process.exitCode;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'halflife-batch-'));
    savedExitCode = process.exitCode;
  });

  afterEach(() => {
    process.exitCode = savedExitCode;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each case on its line and reports the bad one', async () => {
    const file = join(dir, 'cases.jsonl');
    writeFileSync(
      file,
      [
        '{"id": 1, "inv": {"Ac-225": 1e6}, "unit": "Bq", "t": 86400, "tunit": "s"}',
        '{"id": "two", "inv": {"lu177": 7.4}, "unit": "GBq", "t": 2.25, "tunit": "d"}',
        '',
        '{"id": 3, "inv": {"Lu-999": 1}, "unit": "Bq", "t": 1}',
      ].join('\n') + '\n',
    );
    const { out, err } = await run('decay', '--batch', file);
    expect(process.exitCode).toBe(1);
    expect(out).toHaveLength(3);
    const [first, second, third] = out.map(
      (l) => JSON.parse(l) as { id: unknown; activities?: Record<string, number>; error?: string },
    );
    expect(first?.id).toBe(1);
    const ac = first?.activities?.['Ac-225'] as number;
    expect(Math.abs(ac / (1e6 * 2 ** (-DAY / AC225_HALF_LIFE)) - 1)).toBeLessThan(1e-12);
    expect(first?.activities).toHaveProperty('Bi-213');
    expect(second?.id).toBe('two');
    expect(sig5(second?.activities?.['Lu-177'] as number)).toBe(
      sig5(7.4e9 * 2 ** -((2.25 * DAY) / LU177_HALF_LIFE)),
    );
    expect(third?.id).toBe(3);
    expect(third?.activities).toBeUndefined();
    expect(third?.error).toMatch(/^unknown nuclide "Lu-999" in NUBASE2020; did you mean /);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^line 4: unknown nuclide "Lu-999"/);
  });

  it('leaves exit code 0 when every case is good', async () => {
    const file = join(dir, 'good.jsonl');
    writeFileSync(file, '{"id": 1, "inv": {"Mo-99": 1}, "unit": "GBq", "t": 1, "tunit": "d"}\n');
    process.exitCode = undefined;
    const { out, err } = await run('decay', '--batch', file);
    expect(process.exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0] as string) as { activities: Record<string, number> };
    expect(Object.keys(json.activities)).toContain('Tc-99m');
  });

  it('reports a line that is not JSON', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, 'not json\n');
    const { out, err } = await run('decay', '--batch', file);
    expect(process.exitCode).toBe(1);
    expect(out).toEqual(['{"id":null,"error":"not valid JSON"}']);
    expect(err).toEqual(['line 1: not valid JSON']);
  });

  it('refuses a missing file and nuclides given with --batch', async () => {
    const missing = await runFailing('decay', '--batch', join(dir, 'none.jsonl'));
    expect(missing.error).toBeInstanceOf(CliError);
    expect((missing.error as CliError).message).toMatch(/^cannot read .*none\.jsonl: ENOENT$/);
    const both = await runFailing('decay', 'Lu-177', '1GBq', '--batch', join(dir, 'x'));
    expect(both.error).toBeInstanceOf(CliError);
    expect((both.error as CliError).exitCode).toBe(2);
  });
});

describe('halflife errors', () => {
  async function cliError(...args: string[]): Promise<CliError> {
    const { error, out } = await runFailing(...args);
    expect(out).toEqual([]);
    expect(error).toBeInstanceOf(CliError);
    const e = error as CliError;
    expect(e.message).not.toContain('\n');
    expect(e.message.length).toBeGreaterThan(10);
    return e;
  }

  it('names an unknown nuclide and suggests near ones', async () => {
    const e = await cliError('decay', 'Lu-999', '1GBq', '--after', '1d');
    expect(e.exitCode).toBe(1);
    expect(e.message).toMatch(/^unknown nuclide "Lu-999" in NUBASE2020; did you mean /);
    const chain = await cliError('chain', 'Lu178q');
    expect(chain.message).toContain('did you mean Lu-178');
  });

  it('gives a negative amount the amount’s message, and still refuses unknown options', async () => {
    const negative = await cliError('decay', 'Lu-177', '-5GBq', '--after', '1d');
    expect(negative.message).toBe('quantity: expected a non-negative number, got -5');
    expect(negative.exitCode).toBe(1);
    const unknown = await cliError('decay', 'Lu-177', '5GBq', '--after', '1d', '--bogus');
    expect(unknown.message).toBe("unknown option '--bogus'");
    expect(unknown.exitCode).toBe(2);
  });

  it('names a bad unit', async () => {
    const amount = await cliError('decay', 'Lu-177', '7.4Gq', '--after', '1d');
    expect(amount.message).toMatch(/^unknown unit "Gq"/);
    const display = await cliError('decay', 'Lu-177', '7.4GBq', '--after', '1d', '--unit', 'Gq');
    expect(display.message).toMatch(/^unknown activity unit "Gq"/);
    const duration = await cliError('decay', 'Lu-177', '7.4GBq', '--after', '10 fortnights');
    expect(duration.message).toMatch(/^unknown time unit "fortnights"/);
  });

  it('refuses a time without a zone', async () => {
    const e = await cliError(
      'decay',
      'Lu-177',
      '7.4GBq',
      '--from',
      '2026-11-23T08:00',
      '--to',
      '2026-11-25T14:00+08:00',
    );
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain('"2026-11-23T08:00" has no time zone');
  });

  it('asks for the decay time when none is given', async () => {
    const e = await cliError('decay', 'Lu-177', '7.4GBq');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^give the decay time/);
    const onlyFrom = await cliError('decay', 'Lu-177', '7.4GBq', '--from', '2026-11-23T08:00Z');
    expect(onlyFrom.exitCode).toBe(2);
  });

  it('refuses --to before --from, odd pairs and --after with --to', async () => {
    const backwards = await cliError(
      'decay',
      'Lu-177',
      '1GBq',
      '--from',
      '2026-11-25T00:00Z',
      '--to',
      '2026-11-23T00:00Z',
    );
    expect(backwards.message).toContain('is before');
    expect((await cliError('decay', 'Lu-177', '--after', '1d')).exitCode).toBe(2);
    const both = await cliError(
      'decay',
      'Lu-177',
      '1GBq',
      '--after',
      '1d',
      '--to',
      '2026-11-23T00:00Z',
    );
    expect(both.message).toBe('give either --after or --to, not both');
  });

  it('refuses an activity of a stable nuclide', async () => {
    const e = await cliError('decay', 'Pb-208', '1GBq', '--after', '1d');
    expect(e.message).toMatch(/^Pb-208 is stable/);
  });

  it('leaves usage errors to commander, written as one halflife: line', async () => {
    const { error, err } = await runFailing('frobnicate');
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).exitCode).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^halflife: unknown command 'frobnicate'/);
    const missing = await runFailing('decay', 'Lu-177', '1GBq', '--after');
    expect(missing.error).toBeInstanceOf(CommanderError);
    expect(missing.err[0]).toMatch(/^halflife: option '--after <duration>' argument missing/);
  });
});

describe('the built halflife command', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const main = join(root, 'packages/cli/dist/main.js');
  const halflife = (...args: string[]) =>
    spawnSync(process.execPath, [main, ...args], { cwd: root, encoding: 'utf8' });

  it('prints a chain and exits 0', () => {
    const r = halflife('chain', 'Bi-212');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Bi-212  1.0092 h');
    expect(r.stdout).toContain('B- 64.046% → Po-212');
  });

  it('fails an unknown nuclide with exit 1 and one line on standard error', () => {
    const r = halflife('chain', 'Lu-999');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^halflife: unknown nuclide "Lu-999"/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on a usage error without a stack trace', () => {
    const r = halflife('decay', 'Lu-177', '7.4GBq');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'halflife: give the decay time: --after 10d, or --from and --to with time zones\n',
    );
  });

  // `halflife dataset export | head` closes standard output early: no EPIPE stack trace.
  it('stays quiet when standard output is closed early', async () => {
    const child = spawn(process.execPath, [main, 'chain', 'Bi-212'], { cwd: root });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    await new Promise<void>((resolve) => child.on('close', () => resolve()));
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain('EPIPE');
  });
});

describe('inputs at the edge (found in review)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const main = join(root, 'packages/cli/dist/main.js');
  const halflife = (input: string | undefined, ...args: string[]) =>
    spawnSync(process.execPath, [main, ...args], {
      cwd: root,
      encoding: 'utf8',
      input,
      timeout: 60_000,
    });

  it('refuses absurd times and amounts with one line, never a hang or an internal error', () => {
    for (const args of [
      ['decay', 'Lu-177', '5GBq', '--after', '1e300y'],
      ['decay', 'Lu-177', '1e308TBq', '--after', '1d'],
      ['decay', 'Po-212', '1e305atoms', '--after', '1ns'],
    ]) {
      const r = halflife(undefined, ...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    }
  });

  it('answers a decay whose end is past the calendar without one', () => {
    const r = halflife(
      undefined,
      'decay',
      'U-238',
      '1g',
      '--from',
      '2026-01-01T00:00Z',
      '--after',
      '1e6y',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('after 1000000 y');
  });

  it('keeps going after a bad case in a batch and keeps its id', () => {
    const cases = [
      '{"id":"a","inv":{"Lu-177":1},"unit":"GBq","t":1,"tunit":"d"}',
      '{"id":"b","inv":{"Lu-177":1},"unit":"GBq","t":1e301,"tunit":"s"}',
      '{"id":"c","inv":{"Lu-177":-1},"unit":"GBq","t":1,"tunit":"d"}',
      '{"id":"d","inv":{},"unit":"GBq","t":1,"tunit":"d"}',
      '{"id":"e","inv":{"Lu-177":1},"unit":"GBq","t":2,"tunit":"d"}',
    ].join('\n');
    const r = halflife(cases, 'decay', '--batch', '-');
    expect(r.status).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string });
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(out.map((o) => o.error !== undefined)).toEqual([false, true, true, true, false]);
  });
});
