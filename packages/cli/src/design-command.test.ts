import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

interface Result {
  scenario: string;
  status: string;
  gap: number;
  products: { product: string; reachedWithinHoursShare: number; isotopeGbqPerDose: number }[];
}

describe('halflife design', () => {
  const dir = mkdtempSync(join(tmpdir(), 'halflife-design-'));

  it('writes the demo questions as scenario files and compares two of them side by side', async () => {
    expect(await run('design', '--write-demo', dir)).toMatch(/^Wrote 5 demo scenarios/);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      '1-demo-network.json',
      '2-close-site-xian.json',
      '3-one-30-mev-cyclotron-in-one-of-five-cities.json',
      '4-pb-212-central.json',
      '5-pb-212-distributed.json',
    ]);
    const pair = [join(dir, files[3]!), join(dir, files[4]!)];
    const results = JSON.parse(await run('design', '--scenario', ...pair, '--json')) as Result[];
    expect(results.map((r) => r.status)).toEqual(['optimal', 'optimal']);
    const [central, distributed] = results.map((r) => r.products[0]!);
    // Benchtops next to the patients: every dose within 4 h and less isotope per dose.
    expect(distributed!.reachedWithinHoursShare).toBe(1);
    expect(central!.reachedWithinHoursShare).toBeLessThan(1);
    expect(distributed!.isotopeGbqPerDose).toBeLessThan(central!.isotopeGbqPerDose);
    const text = await run('design', '--scenario', ...pair);
    expect(text).toMatch(/Side by side/);
    expect(text).toMatch(/1\. Pb-212 central\s+2\. Pb-212 distributed/);
    expect(text).toMatch(/New units:/);
  });

  it('names the field at fault in a scenario file', async () => {
    const scenario = JSON.parse(readFileSync(join(dir, '4-pb-212-central.json'), 'utf8')) as {
      hospitals: { demand: Record<string, number> }[];
    };
    scenario.hospitals[1]!.demand['PB212-PSMA'] = -1;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(scenario));
    await expect(run('design', '--scenario', bad)).rejects.toThrow(
      /hospitals\[1\]\.demand\.PB212-PSMA: expected a non-negative number, got -1/,
    );
    writeFileSync(bad, '{"format":');
    await expect(run('design', '--scenario', bad)).rejects.toThrow(/not JSON/);
    await expect(run('design', '--scenario', join(dir, 'none.json'))).rejects.toThrow(/no file/);
    await expect(run('design')).rejects.toThrow(/give --scenario FILE \(one or more\) or --demo/);
    await expect(run('design', '--demo', '--gap', '80')).rejects.toThrow(
      /--gap must be a number 0–50/,
    );
  });
});
