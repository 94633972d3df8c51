import type { Database } from '@halflife/db';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Caller } from './caller.js';
import type { DesignJobs } from './services/design-execution.js';
import type { PlanJobs } from './services/plan-execution.js';

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
  /** Label of the database for /api/health: "pglite", "postgres"… */
  readonly databaseKind: string;
  /** Whether the session cookie is marked Secure (behind HTTPS). */
  readonly secureCookies: boolean;
  /**
   * Whether a reverse proxy in front sets X-Forwarded-Proto/-Host that we may believe (HTTPS
   * cookies and the same-origin check then follow what the browser used). Default: no.
   */
  readonly trustProxy?: boolean | undefined;
  /** The built web app's folder (packages/web/dist), served at /; none: the API only. */
  readonly webRoot?: string | undefined;
  /** The plan job runner (main.ts makes one that also polls); by default one for this app. */
  readonly planJobs?: PlanJobs | undefined;
  /** The design job runner (main.ts makes one that also polls); by default one for this app. */
  readonly designJobs?: DesignJobs | undefined;
}

export interface AppEnv {
  Variables: { caller: Caller | undefined };
}

export type App = OpenAPIHono<AppEnv>;
