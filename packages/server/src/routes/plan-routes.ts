import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { App, AppDeps } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import {
  PlanCommitSchema,
  PlanCreateSchema,
  PlanGetQuerySchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanRecordSchema,
  PlanSummarySchema,
  ReplanSchema,
} from '../plan-schemas.js';
import { guard } from '../permission.js';
import { errorResponses, IdParam, json, jsonBody, security } from './route-helpers.js';
import {
  type PlanningDeps,
  commitPlanFor,
  createPlan,
  getPlanFor,
  listPlansFor,
  planSummaryFor,
} from '../services/planning-service.js';
import { replanFor } from '../services/replan-service.js';

const errors = errorResponses(
  'no such plan',
  'the plan is not ready, or orders changed since it was made',
);
/** How often the event stream reads a running plan's record, and how long one stream lasts. */
const EVENT_INTERVAL_MS = 500;
const EVENT_STREAM_MS = 15 * 60_000;
const RUNS_IN_A_WORKER =
  'Answers 202 at once with the plan record (status running); the planner runs in a worker ' +
  'thread and reports progress on the record: follow GET /api/plans/{id}/events, or poll ' +
  'GET /api/plans/{id}, until it is ready or failed.';

export function planRoutes(app: App, deps: AppDeps & PlanningDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans',
      ...guard('plans.run'),
      tags: ['planning'],
      summary: 'Plan a date for the network in the database (planners and administrators)',
      description: RUNS_IN_A_WORKER,
      security,
      request: { body: jsonBody(PlanCreateSchema, 'the date and how to plan it') },
      responses: { 202: json(PlanSummarySchema, 'planning started'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await createPlan(deps, caller, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans',
      ...guard('plans.read'),
      tags: ['planning'],
      summary: "Plans, newest first, without their JSON (the producer's staff)",
      security,
      request: { query: PlanListQuerySchema },
      responses: { 200: json(PlanListSchema, 'plans'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await listPlansFor(deps, caller, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}',
      ...guard('plans.read'),
      tags: ['planning'],
      summary: 'One plan: its progress, figures and, once ready, the plan',
      security,
      request: { params: IdParam, query: PlanGetQuerySchema },
      responses: { 200: json(PlanRecordSchema, 'the plan record'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const withInstance = c.req.valid('query').instance === 'true';
      const result = await getPlanFor(deps, caller, c.req.valid('param').id, withInstance);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/events',
      ...guard('plans.read'),
      tags: ['planning'],
      summary: "A plan's progress as it happens (Server-Sent Events)",
      description:
        'Sends `progress` events (the plan summary) whenever the progress or status changes — ' +
        'whichever server process computes the plan — and one `done` event once it is ready or ' +
        'failed, then closes. A plan that is not running sends `done` at once.',
      security,
      request: { params: IdParam },
      responses: {
        200: {
          content: { 'text/event-stream': { schema: z.string() } },
          description: 'the event stream: `progress` and `done` events, each a PlanSummary',
        },
        ...errors,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const first = await planSummaryFor(deps, id);
      if (!first.ok) return errorResponse(c, first.error);
      return streamSSE(c, async (stream) => {
        let last = '';
        const started = Date.now();
        let view = first.value;
        for (;;) {
          const text = JSON.stringify(view);
          const done = view.status !== 'running';
          if (text !== last || done) {
            await stream.writeSSE({ event: done ? 'done' : 'progress', data: text });
            last = text;
          }
          if (done || stream.aborted || Date.now() - started > EVENT_STREAM_MS) return;
          await stream.sleep(EVENT_INTERVAL_MS);
          const next = await planSummaryFor(deps, id);
          if (!next.ok) return;
          view = next.value;
        }
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/{id}/commit',
      ...guard('plans.run'),
      tags: ['planning'],
      summary: 'Commit a ready plan: its served orders become planned (planners)',
      description:
        'One transaction: every served order moves to planned with its version checked and an ' +
        "audit record; the date's committed plan becomes superseded. 409 names the orders that " +
        'changed since the plan was made.',
      security,
      request: { params: IdParam },
      responses: { 200: json(PlanCommitSchema, 'committed'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await commitPlanFor(deps, caller, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/{id}/replan',
      ...guard('plans.run'),
      tags: ['planning'],
      summary: 'Re-plan after a disruption: line outages, late orders (planners)',
      description: `A new plan based on this one: batches started by \`now\` stay, nothing new starts before it, the outages are recorded. ${RUNS_IN_A_WORKER}`,
      security,
      request: { params: IdParam, body: jsonBody(ReplanSchema, 'the disruption') },
      responses: { 202: json(PlanSummarySchema, 're-planning started'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await replanFor(deps, caller, c.req.valid('param').id, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 202);
    },
  );
}
