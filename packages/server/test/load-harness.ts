import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Drives a real `halflife` server process over HTTP: start it, sign in, create orders at a given
 * concurrency, kill it with SIGKILL mid-load, start it again. Shared by the durability test and
 * `npm run bench:api`. Traffic goes to 127.0.0.1 only.
 */

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const DEMO_PASSWORD = 'load-test-password';

export interface ServerProcess {
  readonly base: string;
  readonly child: ChildProcess;
  readonly output: () => string;
}

/** The load's clock (HALFLIFE_NOW): a Saturday noon in Shanghai; orders go three days later. */
export const LOAD_NOW = '2026-12-05T12:00+08:00';
export const LOAD_CALIBRATION_TIME = '2026-12-08T10:00+08:00';

export async function startServer(
  databaseUrl: string,
  port: number,
  timeoutMs = 180_000,
  now = LOAD_NOW,
  env: Readonly<Record<string, string>> = {},
): Promise<ServerProcess> {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HALFLIFE_DEMO_PASSWORD: DEMO_PASSWORD,
      HALFLIFE_NOW: now,
      HALFLIFE_AUDIT_KEY_FILE: join(tmpdir(), `halflife-load-${port}.audit.key`),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, child, output: () => output };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not come up in ${timeoutMs} ms:\n${output}`);
}

/** Resolves when the process has exited (a signalled process has exitCode null but a signalCode). */
export function exited(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((r) => child.once('exit', () => r()));
}

export async function stopServer(
  server: ServerProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  const done = exited(server);
  server.child.kill(signal);
  await done;
}

export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface Acknowledged {
  readonly key: string;
  readonly id: string;
}

export interface LoadResult {
  readonly acknowledged: Acknowledged[];
  readonly latenciesMs: number[];
  readonly failures: number;
  readonly seconds: number;
}

/**
 * Creates `total` orders from `concurrency` parallel clients, each with its own idempotency key.
 * With `killAfter`, SIGKILLs the server once that many orders were acknowledged; requests in flight
 * then fail, and only the acknowledged ones (201/200 with an id) count. The clients are plain
 * `node:http` requests on kept-alive connections (one per client): the load generator shares the
 * machine with the server and the database, and `fetch` costs it several times the CPU per request.
 */
export async function createOrders(options: {
  server: ServerProcess;
  cookies: readonly string[];
  total: number;
  concurrency: number;
  keyPrefix: string;
  calibrationTime: string;
  killAfter?: number;
}): Promise<LoadResult> {
  const acknowledged: Acknowledged[] = [];
  const latenciesMs: number[] = [];
  let failures = 0;
  let next = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const url = new URL(`${options.server.base}/api/orders`);
  const start = performance.now();
  const worker = async (): Promise<void> => {
    for (;;) {
      const n = next++;
      if (n >= options.total) return;
      const key = `${options.keyPrefix}-${n}`;
      const t0 = performance.now();
      try {
        const res = await postJson(url, agent, {
          headers: {
            'idempotency-key': key,
            // A key belongs to one organisation: the same n always signs in as the same hospital.
            cookie: options.cookies[n % options.cookies.length] ?? '',
          },
          body: {
            productCode: 'F18-FDG',
            calibrationTime: options.calibrationTime,
            amount: { kind: 'fixed', activityBq: 3.7e8 },
            patientRef: `LOAD-${options.keyPrefix}-${n}`,
          },
        });
        const body = JSON.parse(res.text) as { id?: string };
        if ((res.status === 201 || res.status === 200) && body.id) {
          acknowledged.push({ key, id: body.id });
          latenciesMs.push(performance.now() - t0);
          if (options.killAfter !== undefined && acknowledged.length === options.killAfter) {
            options.server.child.kill('SIGKILL');
          }
        } else {
          failures++;
        }
      } catch {
        failures++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  } finally {
    agent.destroy();
  }
  return { acknowledged, latenciesMs, failures, seconds: (performance.now() - start) / 1000 };
}

/** A JSON POST on a kept-alive connection: the status and the body as text. */
function postJson(
  url: URL,
  agent: Agent,
  options: { headers: Record<string, string>; body: unknown },
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Every acknowledged order exactly once: fetched by id, and no second order under its key. */
export async function checkAcknowledged(
  base: string,
  cookie: string,
  acknowledged: readonly Acknowledged[],
  keyPrefix: string,
): Promise<{ missing: string[]; duplicates: number; total: number }> {
  const res = await fetch(`${base}/api/orders?limit=10000&product=F18-FDG`, {
    headers: { cookie },
  });
  const list = (await res.json()) as { orders: { id: string; patientRef: string | null }[] };
  const ids = new Set(list.orders.map((o) => o.id));
  const missing = acknowledged.filter((a) => !ids.has(a.id)).map((a) => a.key);
  const prefix = `LOAD-${keyPrefix}-`;
  const refs = list.orders
    .map((o) => o.patientRef)
    .filter((r): r is string => r?.startsWith(prefix) ?? false);
  const duplicates = refs.length - new Set(refs).size;
  return { missing, duplicates, total: refs.length };
}
