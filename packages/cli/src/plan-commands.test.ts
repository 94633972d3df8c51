import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadSolver,
  parseInstance,
  planNetwork,
  replanInstance,
  type Plan,
  type PlanningInstance,
} from '@halflife/planner';
import { CliError } from './cli-error.js';
import { program } from './program.js';
import { TEST_CLOCK } from './test-clock.js';

const dir = mkdtempSync(join(tmpdir(), 'halflife-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<string[]> {
  const out: string[] = [];
  await program(
    (s) => out.push(...s.split('\n')),
    (s) => out.push(...s.split('\n')),
    TEST_CLOCK,
  ).parseAsync(['node', 'halflife', ...args]);
  return out;
}

describe('halflife plan', () => {
  const instance = join(dir, 's.json');
  const plan = join(dir, 'plan.json');

  it('generates a tier, plans it with a summary table, and the checker accepts the plan', async () => {
    const generated = await run(
      'plan',
      'generate',
      '--tier',
      's',
      '--seed',
      '2',
      '--date',
      '2026-11-24',
      '--out',
      instance,
    );
    expect(generated.join('\n')).toMatch(
      /tier S, 1 day, 1 sites, 22 hospitals, 49 orders, 1 products/,
    );
    const summary = (
      await run('plan', '--instance', instance, '--out', plan, '--time-limit', '5')
    ).join('\n');
    expect(summary).toMatch(/served\s+44 of 49/);
    expect(summary).toMatch(/gap to lower bound/);
    expect(summary).toMatch(/no lane links Demo Nanchang Hospital/);
    const written = JSON.parse(readFileSync(plan, 'utf8')) as Plan;
    expect(written.format).toBe('halflife-plan/1');
    expect((await run('plan', 'check', '--instance', instance, '--plan', plan)).join('\n')).toMatch(
      /^plan is valid: 44 doses in \d+ batches/,
    );
  });

  it('names what a broken plan breaks and exits 1', async () => {
    const written = JSON.parse(readFileSync(plan, 'utf8')) as Plan;
    const broken = {
      ...written,
      doses: written.doses.map((d, k) =>
        k === 0 ? { ...d, calibrationActivityBq: d.calibrationActivityBq * 2 } : d,
      ),
    };
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const out: string[] = [];
    await program(
      (s) => out.push(s),
      (s) => out.push(s),
      TEST_CLOCK,
    ).parseAsync(['node', 'halflife', 'plan', 'check', '--instance', instance, '--plan', file]);
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(out.join('\n')).toMatch(/dose-decay/);
    expect(out.join('\n')).toMatch(/plan breaks the rules/);
  });

  it('a re-plan that moves a dose off a vehicle that has left is invalid, from its instance or from the base plan', async () => {
    const base = JSON.parse(readFileSync(plan, 'utf8')) as Plan;
    const parsed = parseInstance(JSON.parse(readFileSync(instance, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const departures = base.shipments.map((s) => Date.parse(s.departAt)).sort((a, b) => a - b);
    // Half-way through the day's departures.
    const from = new Date(departures[Math.floor(departures.length / 2)]! + 60_000).toISOString();
    const next: PlanningInstance = replanInstance(parsed.value, base, { now: from });
    const replan = planNetwork(await loadSolver(), next, {
      method: 'greedy',
      now: () => performance.now(),
      previous: base,
    });
    const left = next.departedShipments![0]!;
    const later = replan.shipments.find((s) => s.departAt >= from)!;
    const moved = left.doses[0]!.order;
    const broken: Plan = {
      ...replan,
      doses: replan.doses.map((d) => (d.order === moved ? { ...d, shipment: later.id } : d)),
    };
    const files = { next: join(dir, 'next.json'), replan: join(dir, 'replan.json') };
    writeFileSync(files.next, JSON.stringify(next));
    writeFileSync(files.replan, JSON.stringify(replan));
    const brokenFile = join(dir, 'replan-broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));

    const check = async (...args: string[]) => {
      const text = (await run('plan', 'check', ...args)).join('\n');
      const code = process.exitCode;
      process.exitCode = 0;
      return { text, code };
    };
    const valid = await check('--instance', files.next, '--plan', files.replan, '--base', plan);
    expect(valid.code).toBe(0);
    expect(valid.text).toMatch(/^plan is valid/);
    for (const args of [
      ['--instance', files.next, '--plan', brokenFile],
      ['--instance', instance, '--plan', brokenFile, '--base', plan, '--from', from],
    ]) {
      const result = await check(...args);
      expect(result.code).toBe(1);
      expect(result.text).toMatch(/departed-shipment/);
      expect(result.text).toContain(`order ${moved}`);
    }
    await expect(
      run('plan', 'check', '--instance', instance, '--plan', plan, '--base', plan),
    ).rejects.toThrow(/--base needs --from/);
  });

  it('generates a horizon of several days and plans it', async () => {
    const file = join(dir, 'm3.json');
    const generated = await run(
      'plan',
      'generate',
      '--tier',
      'S',
      '--seed',
      '2',
      '--date',
      '2026-11-24',
      '--days',
      '3',
      '--out',
      file,
    );
    expect(generated.join('\n')).toMatch(/tier S, 3 days, 1 sites/);
    const horizon = (JSON.parse(readFileSync(file, 'utf8')) as { horizon: unknown }).horizon;
    expect(horizon).toEqual({
      start: '2026-11-24T00:00:00+08:00',
      end: '2026-11-27T00:00:00+08:00',
    });
    const out = join(dir, 'm3-plan.json');
    await run('plan', '--instance', file, '--out', out, '--time-limit', '5');
    expect((await run('plan', 'check', '--instance', file, '--plan', out)).join('\n')).toMatch(
      /^plan is valid/,
    );
  });

  it('refuses a file that is not an instance, naming the fields', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'halflife-planning-instance/1', name: 'x' }));
    await expect(run('plan', '--instance', file, '--out', plan)).rejects.toThrow(CliError);
    await expect(run('plan', '--instance', file, '--out', plan)).rejects.toThrow(
      /horizon: required/,
    );
    await expect(run('plan', 'generate', '--tier', 'X')).rejects.toThrow(/unknown tier "X"/);
    await expect(run('plan', 'generate', '--tier', 'S', '--days', '8')).rejects.toThrow(
      /--days must be a whole number of days 1–7, got "8"/,
    );
    const notPlan = join(dir, 'not-plan.json');
    writeFileSync(notPlan, JSON.stringify({ format: 'halflife-plan/1', doses: [] }));
    await expect(run('plan', 'check', '--instance', instance, '--plan', notPlan)).rejects.toThrow(
      /not a plan \(format halflife-plan\/1\):\n {2}plan\.instance: /,
    );
    await expect(run('plan', '--instance', instance, '--method', 'magic')).rejects.toThrow(
      /unknown method/,
    );
  });
});
