import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { program } from './program.js';
import { TEST_CLOCK } from './test-clock.js';

async function run(...args: string[]): Promise<string[]> {
  const out: string[] = [];
  await program(
    (s) => out.push(...s.split('\n')),
    () => undefined,
    TEST_CLOCK,
  ).parseAsync(['node', 'halflife', ...args]);
  return out;
}

async function failing(...args: string[]): Promise<unknown> {
  try {
    await run(...args);
  } catch (error) {
    return error;
  }
  throw new Error('did not fail');
}

const yieldArgs = [
  'generator',
  'yield',
  '--parent',
  'Ge-68',
  '--activity',
  '1.85GBq',
  '--calibrated',
  '2026-09-01T08:00+08:00',
  '--at',
  '2026-11-23T12:00+08:00',
];

describe('halflife generator', () => {
  it('yield: the eluate after 68 min is half of the full ingrowth at efficiency 1', async () => {
    const full = JSON.parse(
      (await run(...yieldArgs, '--efficiency', '1', '--json')).join('\n'),
    ) as { eluateBq: number; parentBq: number; efficiency: { basis: string } };
    const half = JSON.parse(
      (
        await run(
          ...yieldArgs,
          '--efficiency',
          '1',
          '--last-elution',
          '2026-11-23T10:52:09.6+08:00', // 67.84 min before
          '--json',
        )
      ).join('\n'),
    ) as { eluateBq: number; sinceLastElutionS: number; at: string };
    expect(full.efficiency.basis).toBe('given');
    expect(half.eluateBq / full.eluateBq).toBeCloseTo(0.5, 3); // less by the Ge-68 decay, 1e-4
    expect(half.sinceLastElutionS).toBeCloseTo(67.84 * 60, 6);
    expect(half.at).toBe('2026-11-23T12:00:00+08:00');
  });

  it('yield: a table with the eluate, efficiency and breakthrough', async () => {
    const out = await run(...yieldArgs, '--last-elution', '2026-11-23T07:00+08:00');
    expect(out[0]).toBe(
      'Ge-68/Ga-68 generator, 1.85GBq Ge-68 at 2026-09-01T08:00:00+08:00 — elution at 2026-11-23T12:00:00+08:00',
    );
    expect(out.find((l) => l.startsWith('efficiency'))).toMatch(/nominal, by age/);
    expect(out.find((l) => l.startsWith('eluate Ga-68'))).toMatch(/MBq$/);
    expect(out.find((l) => l.startsWith('Ge-68 breakthrough'))).toMatch(/limit 1e-5: within/);
  });

  it('optimise-interval: a table and the optimum; with a 19 h cost the Th-228 optimum is near 19.2 h', async () => {
    const plain = await run('generator', 'optimise-interval', '--parent', 'Th-228');
    expect(plain.some((l) => /^\s+24\s+7\s/.test(l))).toBe(true);
    expect(plain[plain.length - 1]).toMatch(
      /^optimum: every 1 h, .* \(the shortest interval searched/,
    );
    const json = JSON.parse(
      (
        await run(
          'generator',
          'optimise-interval',
          '--parent',
          'Th-228',
          '--handling',
          '19h',
          '--horizon',
          '1d',
          '--json',
        )
      ).join('\n'),
    ) as { optimum: { intervalS: number } };
    expect(Math.abs(json.optimum.intervalS / 3600 - 19.2)).toBeLessThan(0.5);
  });

  it('errors are one line', async () => {
    const e1 = await failing(
      'generator',
      'yield',
      ...yieldArgs.slice(2, 8),
      '--at',
      '2026-11-23T12:00',
    );
    expect(e1).toBeInstanceOf(CliError);
    expect((e1 as CliError).message).toMatch(/has no time zone/);
    const e2 = await failing('generator', 'optimise-interval', '--parent', 'Lu-177');
    expect((e2 as CliError).message).toBe(
      'no generator with parent Lu-177: use one of Ge-68, Mo-99, W-188, Ra-224, Th-228, Ac-225',
    );
    const e3 = await failing(...yieldArgs, '--last-elution', '2026-12-01T00:00Z');
    expect((e3 as CliError).message).toMatch(/is after --at/);
    const e4 = await failing(...yieldArgs, '--efficiency', '1.5');
    expect((e4 as CliError).message).toMatch(/expected a fraction in \(0, 1\]/);
  });
});
