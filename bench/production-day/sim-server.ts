import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { epochMillis, formatInstant } from '@halflife/nuclear';

/**
 * The real server as a child process (node packages/server/dist/main.js) whose clock the
 * simulation sets: every start gets HALFLIFE_NOW, and the server's clock runs on in real time
 * from there (packages/server/src/clock.ts). `now()` is the simulation's reading of that clock.
 */

const MAIN = fileURLToPath(new URL('../../packages/server/dist/main.js', import.meta.url));

/** The server went away under a request (killed, or crashed): restart it and resume. */
export class ServerGone extends Error {}

export interface ServerConfig {
  readonly databaseUrl: string;
  readonly auditKeyFile: string;
  readonly password: string;
  readonly demoDate: string;
  /** The server's output goes here (one file per run). */
  readonly logFile: string;
}

/** An ISO instant with the zone's offset, as HALFLIFE_NOW and the API take it. */
export function isoIn(epochMs: number, zone: string): string {
  return formatInstant({ epochMs: epochMillis(epochMs), zone }).replace(/\[.*\]$/, '');
}

export class SimServer {
  private child: ChildProcess | undefined;
  private port = 0;
  private clockAtSpawn = 0;
  private realAtSpawn = 0;
  private zone = 'UTC';
  /** Seconds each start took until /api/health answered. */
  readonly startSeconds: number[] = [];
  kills = 0;
  private pendingKill: Promise<void> = Promise.resolve();

  constructor(private readonly config: ServerConfig) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The simulation's reading of the server's clock (a few hundred ms ahead of it at most). */
  now(): number {
    return this.clockAtSpawn + (Date.now() - this.realAtSpawn);
  }

  alive(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** Starts the server with its clock at `clockMs` (HALFLIFE_NOW in `zone`) and waits for health. */
  async start(clockMs: number, zone: string): Promise<void> {
    if (this.alive()) await this.stop();
    this.port = await freePort();
    this.zone = zone;
    // Whole seconds, never behind the clock asked for.
    const clock = Math.ceil(clockMs / 1000) * 1000;
    const t0 = Date.now();
    appendFileSync(this.config.logFile, `\n--- start, HALFLIFE_NOW=${isoIn(clock, zone)}\n`);
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: this.config.databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        HALFLIFE_NOW: isoIn(clock, zone),
        HALFLIFE_DEMO_DATE: this.config.demoDate,
        HALFLIFE_DEMO_PASSWORD: this.config.password,
        HALFLIFE_AUDIT_KEY_FILE: this.config.auditKeyFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.clockAtSpawn = clock;
    this.realAtSpawn = Date.now();
    const log = (d: Buffer) => appendFileSync(this.config.logFile, d);
    child.stdout?.on('data', log);
    child.stderr?.on('data', log);
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      if (!this.alive()) throw new Error(`the server exited at start; see ${this.config.logFile}`);
      try {
        const res = await fetch(`${this.base}/api/health`);
        await res.arrayBuffer();
        if (res.ok) {
          this.startSeconds.push((Date.now() - t0) / 1000);
          return;
        }
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`the server did not answer within 240 s; see ${this.config.logFile}`);
  }

  /** Resolves once a scheduled kill has happened and the process is gone. */
  settle(): Promise<void> {
    return this.pendingKill;
  }

  /** Starts again on the same database with the clock where it had got to (the same window). */
  async restart(): Promise<void> {
    await this.pendingKill;
    if (this.alive()) await this.stop();
    await this.start(this.now(), this.zone);
  }

  /**
   * SIGKILLs the running process `delayMs` from now (a request sent just before is cut off in
   * flight, or just answered): no shutdown. Only that process: a restarted one is not touched.
   */
  scheduleKill(delayMs: number): void {
    const child = this.child;
    if (!child) return;
    this.pendingKill = new Promise((resolve) => {
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          this.kills++;
        }
        void exited(child).then(resolve);
      }, delayMs);
    });
  }

  /** SIGTERM: the server closes its database and exits. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive()) return;
    const done = exited(child);
    child.kill('SIGTERM');
    await done;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** A port nothing listens on now (the kernel's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
