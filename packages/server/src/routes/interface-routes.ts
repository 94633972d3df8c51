import { createRoute } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import {
  Hl7FacilityListSchema,
  Hl7FacilitySaveSchema,
  Hl7FacilitySchema,
  Hl7OutboxEntrySchema,
  Hl7OutboxListSchema,
  Hl7OutboxQuerySchema,
} from '../interface-schemas.js';
import { guard } from '../permission.js';
import {
  facilities,
  outbox,
  retryDeadLetter,
  saveFacility,
} from '../services/interfaces-service.js';
import { errorResponses, IdParam, json, jsonBody, security } from './route-helpers.js';

const errors = errorResponses('no such outbox entry', 'the entry is not a dead letter');

/** The HL7 v2 interface's administration (issue 17): administrators only. */
export function interfaceRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/interfaces/hl7/facilities',
      ...guard('interfaces.read'),
      tags: ['interfaces'],
      summary: 'Sending facilities (MSH-4) mapped to hospitals, with their endpoints',
      security,
      responses: { 200: json(Hl7FacilityListSchema, 'every mapping'), ...errors },
    }),
    async (c) => c.json({ facilities: await facilities(deps) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/interfaces/hl7/facilities',
      ...guard('interfaces.manage'),
      tags: ['interfaces'],
      summary: 'Map a sending facility to a hospital, its ordering account and its endpoint',
      security,
      request: { body: jsonBody(Hl7FacilitySaveSchema, 'the mapping (added, or changed)') },
      responses: { 200: json(Hl7FacilitySchema, 'the mapping as stored'), ...errors },
    }),
    async (c) => {
      const result = await saveFacility(deps, c.var.who, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/interfaces/hl7/outbox',
      ...guard('interfaces.read'),
      tags: ['interfaces'],
      summary: 'Dispense and administration messages to hospitals; status=dead: the dead letters',
      security,
      request: { query: Hl7OutboxQuerySchema },
      responses: { 200: json(Hl7OutboxListSchema, 'newest first'), ...errors },
    }),
    async (c) => c.json({ entries: await outbox(deps, c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/interfaces/hl7/outbox/{id}/retry',
      ...guard('interfaces.manage'),
      tags: ['interfaces'],
      summary: 'Send a dead letter again (due now, its attempts counted afresh)',
      security,
      request: { params: IdParam },
      responses: { 200: json(Hl7OutboxEntrySchema, 'the entry, pending again'), ...errors },
    }),
    async (c) => {
      const result = await retryDeadLetter(deps, c.var.who, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );
}
