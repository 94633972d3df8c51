import { ServerGone, isoIn, type SimServer } from './sim-server.js';

/**
 * The simulation's HTTP client: one session per role, every call timed by the kind of action it
 * is, every refusal (4xx) and server error (5xx) kept as a finding, and the kill switch of
 * --kill-after: after N successful calls the next request is sent and the server SIGKILLed under it.
 */

export const ACTION_KINDS = [
  'sign-in',
  'plan',
  'worklist',
  'get record',
  'supply lookup',
  'elution',
  'cyclotron run',
  'lot',
  'step sign',
  'qc csv import',
  'signature',
  'dispense',
  'final results',
  'final signature',
  'shipment read',
  'pack',
  'load',
  'pick-up',
  'deliver',
  'receipt',
  'administration',
  'waste',
  'end-state read',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ROLES = {
  planner: 'planner@demo.halflife',
  radiopharmacist: 'radiopharmacist@demo.halflife',
  qc: 'qc@demo.halflife',
  qp: 'qp@demo.halflife',
  courier: 'courier@demo.halflife',
} as const;
/** A demo role, or the email of another user (a hospital's staff). */
export type Role = keyof typeof ROLES | `${string}@${string}`;
const emailOf = (role: Role): string => (role in ROLES ? ROLES[role as keyof typeof ROLES] : role);

export interface Finding {
  readonly batch: string;
  readonly action: ActionKind;
  readonly request: string;
  readonly status: number;
  readonly message: string;
  /** The server's clock when it answered. */
  readonly serverTime: string;
  readonly body?: unknown;
}

export interface Answer<T> {
  readonly status: number;
  readonly ok: boolean;
  readonly body: T;
}

export class SimApi {
  readonly latencies = new Map<ActionKind, number[]>();
  readonly findings: Finding[] = [];
  /** Answered with 2xx. */
  succeeded = 0;
  /** Whether the QP has signed once in the current session (the first signature needs the email). */
  qpSignedInSession = false;
  /** The same for the courier's signature at pick-up. */
  courierSignedInSession = false;
  private readonly cookies = new Map<Role, string>();
  private readonly killPoints: number[];

  constructor(
    private readonly server: SimServer,
    private readonly password: string,
    killAfter: readonly number[],
    private readonly killDelayMs: () => number,
    private readonly quiet = false,
  ) {
    this.killPoints = [...killAfter];
  }

  /** Forgets every session (after each start): each role signs in again at its next call. */
  newSessions(): void {
    this.cookies.clear();
    this.qpSignedInSession = false;
    this.courierSignedInSession = false;
  }

  private async session(role: Role): Promise<string> {
    const known = this.cookies.get(role);
    if (known !== undefined) return known;
    const res = await this.send('sign-in', 'POST', '/api/auth/login', {
      json: { email: emailOf(role), password: this.password },
    });
    if (res.status !== 200) {
      throw new Error(`sign-in of ${emailOf(role)} answered ${res.status}: ${res.text}`);
    }
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    this.cookies.set(role, cookie);
    if (role === 'qp') this.qpSignedInSession = false;
    if (role === 'courier') this.courierSignedInSession = false;
    return cookie;
  }

  async call<T = Record<string, unknown>>(
    action: ActionKind,
    role: Role,
    method: 'GET' | 'POST',
    path: string,
    options: { json?: unknown; csv?: string; batch?: string } = {},
  ): Promise<Answer<T>> {
    const res = await this.send(action, method, path, {
      ...options,
      cookie: await this.session(role),
    });
    let body: unknown = res.text;
    if ((res.headers.get('content-type') ?? '').includes('json') && res.text !== '') {
      body = JSON.parse(res.text) as unknown;
    }
    const ok = res.status >= 200 && res.status < 300;
    if (!ok) {
      const error = (body as { error?: { message?: string } } | undefined)?.error;
      const finding: Finding = {
        batch: options.batch ?? '',
        action,
        request: `${method} ${path}${options.json === undefined ? '' : ` ${JSON.stringify(options.json)}`}${options.csv === undefined ? '' : ` ${JSON.stringify(options.csv)}`}`,
        status: res.status,
        message: error?.message ?? res.text.slice(0, 500),
        serverTime: isoIn(this.server.now(), 'UTC'),
        body,
      };
      this.findings.push(finding);
      if (!this.quiet) {
        console.log(
          `  ! ${res.status} ${action}${finding.batch ? ` (${finding.batch})` : ''}: ${finding.message}\n      ${finding.request.slice(0, 400)}`,
        );
      }
    }
    return { status: res.status, ok, body: body as T };
  }

  private async send(
    action: ActionKind,
    method: string,
    path: string,
    options: { json?: unknown; csv?: string; cookie?: string },
  ): Promise<{ status: number; text: string; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers['cookie'] = options.cookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = options.csv;
    }
    const next = this.killPoints[0];
    if (next !== undefined && this.succeeded >= next) {
      this.killPoints.shift();
      const delay = this.killDelayMs();
      if (!this.quiet) {
        console.log(
          `  ✗ SIGKILL after ${this.succeeded} successful calls, ${delay} ms into ${method} ${path}`,
        );
      }
      this.server.scheduleKill(delay);
    }
    const t0 = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.server.base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      text = await res.text();
    } catch (e) {
      throw new ServerGone(`${method} ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const ms = performance.now() - t0;
    const list = this.latencies.get(action) ?? [];
    list.push(ms);
    this.latencies.set(action, list);
    if (res.status < 400) this.succeeded++;
    return { status: res.status, text, headers: res.headers };
  }
}
