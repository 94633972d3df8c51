/**
 * The outcomes registry's statistics at study sizes: `npm run bench:outcomes`. For synthetic
 * cohorts of 300 to 20,000 patients (the most a dashboard takes, MAX_COHORT), the time to derive
 * every patient's endpoints and the cohort's figures (`summariseCohort`: exact intervals, two
 * Kaplan–Meier curves per group, log-rank, Cox) and the swimmer rows, as the worker pool runs
 * them; then the dashboard through the API on the seeded demo database (embedded). Prints a table;
 * not a timed test.
 */
import { performance } from 'node:perf_hooks';
import {
  LU_PSMA_STUDY,
  summariseCohort,
  swimmerRows,
  syntheticCohort,
  type Grouping,
} from '@halflife/clinical';
import { createDb, migrate } from '@halflife/db';
import { createApp, seedDemoNetwork } from '@halflife/server';

const SIZES = [300, 1_000, 5_000, 20_000];
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, repeats = REPEATS): number {
  run(); // warm
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const rows = SIZES.map((patients) => {
  const members = syntheticCohort({ ...LU_PSMA_STUDY, patients });
  const by = (grouping: Grouping) => time(() => summariseCohort(members, grouping));
  return {
    patients,
    'summary by arm, ms': by('arm').toFixed(1),
    'summary by volume, ms': by('diseaseVolume').toFixed(1),
    'swimmer rows, ms': time(() => swimmerRows(members)).toFixed(1),
  };
});
console.log('Cohort figures (one thread, median of 5):');
console.table(rows);

const NOW = new Date('2026-11-23T00:00:00Z');
const db = await createDb('memory://');
await migrate(db);
const seedStart = performance.now();
await seedDemoNetwork(db, { now: NOW, password: 'bench-password' });
const seedMs = performance.now() - seedStart;
const app = createApp({
  db: db.kysely,
  now: () => NOW,
  databaseKind: db.kind,
  secureCookies: false,
});
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'study@demo.halflife', password: 'bench-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const api: Record<string, string>[] = [];
for (const path of [
  '/api/studies/SYN-LUPSMA/dashboard?groupBy=arm',
  '/api/studies/SYN-ACPSMA/dashboard?groupBy=priorLu177',
  '/api/studies/SYN-LUPSMA/export.csv',
  '/api/studies/SYN-LUPSMA/export.fhir',
  '/api/patients?study=SYN-LUPSMA&limit=500',
]) {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < 12; i++) {
    const start = performance.now();
    const res = await app.request(path, { headers: { cookie } });
    await res.arrayBuffer();
    status = res.status;
    if (i > 1) times.push(performance.now() - start);
  }
  api.push({
    request: `GET ${path}`,
    status: String(status),
    'median ms': median(times).toFixed(1),
  });
}
console.log(
  `\nThrough the API (embedded database; demo seed with its three synthetic studies: ${(seedMs / 1000).toFixed(1)} s):`,
);
console.table(api);
await db.close();
process.exit(0);
