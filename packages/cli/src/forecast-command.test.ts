import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { readHistory } from './forecast-command.js';
import { program } from './program.js';
import { TEST_CLOCK } from './test-clock.js';

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  await program(
    (s) => out.push(s),
    () => undefined,
    TEST_CLOCK,
  ).parseAsync(['node', 'halflife', ...args]);
  return out.join('\n');
}

const weekly = (values: readonly number[], first = '2025-01-06') =>
  [
    'week,doses',
    ...values.map((v, k) => {
      const d = new Date(Date.parse(`${first}T00:00:00Z`) + k * 7 * 86_400_000);
      return `${d.toISOString().slice(0, 10)},${v}`;
    }),
  ].join('\n');

describe('halflife forecast', () => {
  it('forecasts a history file week by week, continuing its dates, with the back-test', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halflife-forecast-'));
    const file = join(dir, 'history.csv');
    // 120 weeks of a steady 20 doses a week with a two-week holiday dip each year (weeks 5, 6).
    const values = Array.from({ length: 120 }, (_, t) => (t % 52 === 5 || t % 52 === 6 ? 10 : 20));
    writeFileSync(file, weekly(values));
    const json = JSON.parse(
      await run('forecast', '--history', file, '--horizon', '52', '--holdout', '8', '--json'),
    ) as {
      synthetic: boolean;
      forecast: { week: string; mean: number; lower95: number; upper95: number }[];
      backTest: { trainedOn: number; mape: number };
    };
    expect(json.synthetic).toBe(false);
    expect(json.forecast).toHaveLength(52);
    // Week 119 is 2027-04-19 (2025-01-06 + 833 days); the forecast goes on from the week after.
    expect(json.forecast[0]!.week).toBe('2027-04-26');
    // Step k is week 119 + k: the dip comes back at weeks 161 and 162 (steps 42 and 43).
    json.forecast.forEach((p, i) => {
      const t = 120 + i;
      expect(p.mean, `week ${t}`).toBeCloseTo(t % 52 === 5 || t % 52 === 6 ? 10 : 20, 0);
    });
    expect(json.backTest.trainedOn).toBe(112);
    expect(json.backTest.mape).toBeLessThan(0.01);
    const text = await run('forecast', '--history', file, '--horizon', '2');
    expect(text).toMatch(/^History: 120 weeks to 2027-04-19\./);
    expect(text).toMatch(/Back-test \(fitted on 94 weeks, 26 held out\): MAPE/);
  });

  it('marks the demo history as synthetic', async () => {
    const text = await run('forecast', '--demo', '--horizon', '3');
    expect(text).toMatch(/^Synthetic demo history \(not real orders\)\./);
    expect(text.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}/.test(l))).toHaveLength(3);
  });

  it('names what is wrong with a history, by line', () => {
    expect(() => readHistory('day,doses\n2025-01-06,3')).toThrow(/header "week,doses"/);
    expect(() => readHistory(weekly([1, 2, 3]).replace('2025-01-13', '2025-01-14'))).toThrow(
      /line 3: 2025-01-14 does not follow 2025-01-06 by one week/,
    );
    expect(() => readHistory(weekly([1, -2, 3]))).toThrow(
      /line 3: doses "-2" must be a number ≥ 0/,
    );
    expect(() => readHistory(weekly([1, 2]))).toThrow(/at least 3 weeks/);
    expect(() => readHistory('week,doses\n2025-02-30,1')).toThrow(CliError);
  });

  it('needs exactly one source and sensible numbers', async () => {
    await expect(run('forecast')).rejects.toThrow(/either --history FILE or --demo/);
    await expect(run('forecast', '--demo', '--horizon', '0')).rejects.toThrow(
      /--horizon must be a whole number 1–104/,
    );
    await expect(run('forecast', '--history', '/nonexistent.csv')).rejects.toThrow(/no file/);
  });
});
