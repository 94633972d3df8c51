/**
 * A production day over the API: `npm run simulate:production`. Starts the real server (node
 * packages/server/dist/main.js) on a fresh database with the demo seeded, plans and commits the
 * demo day, and takes every batch through its record, QC, the QP's release and dispensing, moving
 * the server's clock through the day by restarting it at each window (HALFLIFE_NOW); 14 days on,
 * the post-release results and the final certification. After release every shipment is packed,
 * loaded, carried, delivered, received and its doses given, the residues into waste containers
 * (bench/production-day/distribution-actions.ts). Prints time per action and the end state;
 * not a timed test.
 *
 * `--kill-after N` SIGKILLs the server under the request after N successful calls; the
 * simulation restarts it on the same database at the same window clock and carries on from what
 * the records say. `--verify` runs the day twice, each on a fresh copy of the database as planned
 * (two separately seeded and planned databases did not get the same plan, not even with greedy),
 * once uninterrupted and once killed twice (about halfway, and at a seeded random point), and
 * compares the end states. The modules are in bench/production-day/; docs/manufacturing-simulation.md has the figures.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { seededRng } from '@halflife/domain/demo';
import { compareEnds, countBy, type Comparison } from './production-day/end-state.js';
import { copyDay, disposeDay, prepareDay } from './production-day/prepare-day.js';
import { runDay, type RunFigures } from './production-day/run-day.js';
import { parseOptions, USAGE } from './production-day/sim-options.js';

function report(f: RunFigures): void {
  console.log(
    `\n${f.label}: ${f.database}, demo day ${f.date}, plan ${f.plan.method} (${f.plan.served}/${f.plan.orders} orders, ${f.plan.batches} batches); seeding ${f.prepareSeconds.seed.toFixed(1)} s, planning ${f.prepareSeconds.plan.toFixed(1)} s`,
  );
  console.table(
    f.latency.map((r) => ({
      action: r.action,
      count: r.count,
      'mean ms': r.meanMs,
      'p50 ms': r.p50Ms,
      'p95 ms': r.p95Ms,
      'max ms': r.maxMs,
    })),
  );
  const lines = [
    `production day ${f.wallSeconds.toFixed(1)} s wall time; ${f.batches} batches, ${f.doses.dispensed}/${f.doses.planned} doses dispensed; ${f.successfulCalls} successful API calls`,
    `server starts: ${f.restarts.windows} windows, ${f.restarts.afterKill} after a kill (${f.kills} SIGKILLs), ${f.restarts.unexpected} unexpected exits; start ${f.serverStartSeconds.mean.toFixed(1)} s mean, ${f.serverStartSeconds.max.toFixed(1)} s max`,
    `end state by status: ${JSON.stringify(f.endStatus)}; QC verdicts: ${JSON.stringify(f.qcVerdicts)}`,
    `batches whose doses need more than the measured EOS held: ${f.eosShortfalls.length}${
      f.eosShortfalls.length > 0
        ? ` (${Object.entries(
            countBy(f.eosShortfalls, (s) => s.batch.split('-').slice(1, -1).join('-')),
          )
            .map(([p, c]) => `${c} ${p}`)
            .join(', ')})`
        : ''
    }`,
    `after release: shipments ${JSON.stringify(f.use.shipments)}; receipts ${JSON.stringify(f.use.receipts)}; ${f.use.administered} doses administered, ${f.use.possibleMedicalEvents} flagged as possible medical events; orders ${JSON.stringify(f.use.orderStatus)}`,
    `refusals and errors from the server: ${f.findings.length}${f.stuck.length > 0 ? `; batches left unfinished: ${f.stuck.length}` : ''}`,
    ...f.findings.map(
      (x) => `  ${x.status} ${x.action} ${x.batch}: ${x.message}\n    ${x.request}`,
    ),
    ...f.stuck.map((s) => `  unfinished ${s.batch}: ${s.reason}`),
    `halflife audit verify (exit ${f.audit.exitCode}): ${f.audit.output}`,
  ];
  console.log(lines.join('\n'));
}

function printComparison(c: Comparison): void {
  console.log(
    `\nend states compared: ${c.compared} batches, matched by ${c.byNumber ? 'batch number' : 'plan key (product, site, line, start): the batch numbers differ'}`,
  );
  console.log(
    c.differences.length === 0
      ? 'identical: status, steps signed, QC verdict, signatures and their validity, and every order’s dispensed activity'
      : `${c.differences.length} differences:\n${c.differences.map((d) => `  ${d}`).join('\n')}`,
  );
}

let options;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
  process.exit(2);
}
const rng = seededRng(options.seed);
const delay = () => Math.floor(rng() * 25);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
console.log(`machine: ${machine}`);
const t0 = Date.now();

const day = await prepareDay(options);
try {
  if (!options.verify) {
    const { figures } = await runDay(options, day, 'production day', options.killAfter, delay);
    report(figures);
    const totalSeconds = (Date.now() - t0) / 1000;
    console.log(
      `\ntotal wall time ${totalSeconds.toFixed(1)} s (seeding, planning, the day, audit verify)`,
    );
    if (options.out) {
      writeFileSync(options.out, JSON.stringify({ machine, totalSeconds, run: figures }, null, 2));
    }
    process.exitCode = figures.audit.exitCode === 0 ? 0 : 1;
  } else {
    const first = await copyDay(day, options);
    const a = await runDay(options, first, 'uninterrupted', [], delay);
    await disposeDay(first, options);
    report(a.figures);
    const total = a.figures.successfulCalls;
    const half = Math.floor(total / 2);
    let other = 1 + Math.floor(rng() * (total - 2));
    if (Math.abs(other - half) < 10)
      other = Math.min(total - 1, half + 10 + Math.floor(rng() * 40));
    const kills = [half, other].sort((x, y) => x - y);
    console.log(
      `\nkill points (of ${total} successful calls, seed ${options.seed}): ${kills.join(', ')}`,
    );
    const second = await copyDay(day, options);
    const b = await runDay(options, second, 'killed', kills, delay);
    await disposeDay(second, options);
    report(b.figures);
    const batchComparison = compareEnds(a.ends, b.ends);
    const useDifferences = Object.keys({ ...a.figures.use.doses, ...b.figures.use.doses }).filter(
      (order) => a.figures.use.doses[order] !== b.figures.use.doses[order],
    );
    const comparison: Comparison = {
      ...batchComparison,
      differences: [
        ...batchComparison.differences,
        ...useDifferences.map(
          (order) =>
            `order ${order}: ${a.figures.use.doses[order] ?? 'absent'} vs ${b.figures.use.doses[order] ?? 'absent'}`,
        ),
      ],
    };
    printComparison(comparison);
    const same =
      comparison.differences.length === 0 &&
      a.figures.audit.exitCode === 0 &&
      b.figures.audit.exitCode === 0;
    console.log(
      `\nverify: ${same ? 'PASS' : 'FAIL'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (options.out) {
      writeFileSync(
        options.out,
        JSON.stringify(
          {
            machine,
            totalSeconds: (Date.now() - t0) / 1000,
            killPoints: kills,
            runs: [a.figures, b.figures],
            comparison,
          },
          null,
          2,
        ),
      );
    }
    process.exitCode = same ? 0 : 1;
  }
} finally {
  await disposeDay(day, options);
}
