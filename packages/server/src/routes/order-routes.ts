import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { guard } from '../permission.js';
import { errorResponse } from '../http-error.js';
import {
  ErrorSchema,
  OrderAssessmentSchema,
  OrderCreateSchema,
  OrderListQuerySchema,
  OrderListSchema,
  OrderSchema,
  StatusChangeSchema,
} from '../schemas.js';
import { errorResponses, IdParam, json, jsonBody, security } from './route-helpers.js';
import { assessOrderInput } from '../services/order-assessment-service.js';
import {
  changeOrderStatus,
  createOrder,
  getOrderFor,
  listOrdersFor,
} from '../services/orders-service.js';

const errors = errorResponses(
  'no such order of yours',
  'stale version or a status that does not allow this',
);

export function orderRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders',
      ...guard('orders.place'),
      tags: ['orders'],
      summary: 'Place an order (hospital orderers for their hospital; planners on behalf of one)',
      security,
      request: {
        headers: z.object({
          'idempotency-key': z.string().min(1).max(200).optional().openapi({
            description:
              'Retrying with the same key returns the first order instead of a second one.',
          }),
        }),
        body: jsonBody(OrderCreateSchema, 'the order'),
      },
      responses: {
        201: json(OrderSchema, 'created'),
        200: json(OrderSchema, 'the earlier order for this key'),
        ...errors,
        422: json(ErrorSchema, 'the key was used before for a different order'),
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await createOrder(
        deps,
        caller,
        c.var.scope,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value.order, result.value.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/orders/assess',
      ...guard('orders.place'),
      tags: ['orders'],
      summary:
        'Check an order before placing it: the activity at injection and whether a site can serve that time',
      security,
      request: { body: jsonBody(OrderCreateSchema, 'the order as it would be placed') },
      responses: {
        200: json(OrderAssessmentSchema, 'the assessment; nothing is stored'),
        ...errors,
      },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await assessOrderInput(deps, caller, c.var.scope, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders',
      ...guard('orders.read'),
      tags: ['orders'],
      summary: "List orders: a hospital sees its own, the producer's staff the whole network",
      security,
      request: { query: OrderListQuerySchema },
      responses: { 200: json(OrderListSchema, 'orders by calibration time'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await listOrdersFor(deps, caller, c.var.scope, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orders/{id}',
      ...guard('orders.read'),
      tags: ['orders'],
      summary: 'One order',
      security,
      request: { params: IdParam },
      responses: { 200: json(OrderSchema, 'the order'), ...errors },
    }),
    async (c) => {
      const caller = c.var.who;
      const result = await getOrderFor(deps, caller, c.var.scope, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  for (const action of ['accept', 'reject', 'cancel'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/orders/{id}/${action}`,
        ...guard(action === 'cancel' ? 'orders.cancel' : 'orders.decide'),
        tags: ['orders'],
        summary:
          action === 'cancel'
            ? 'Cancel an order (its hospital or a planner)'
            : `${action === 'accept' ? 'Accept' : 'Reject, with a reason,'} an order (planners)`,
        security,
        request: {
          params: IdParam,
          body: jsonBody(StatusChangeSchema, 'the version you saw, and a reason'),
        },
        responses: { 200: json(OrderSchema, 'the changed order'), ...errors },
      }),
      async (c) => {
        const caller = c.var.who;
        const body = c.req.valid('json');
        const result = await changeOrderStatus(
          deps,
          caller,
          c.var.scope,
          c.req.valid('param').id,
          action,
          body,
        );
        if (!result.ok) return errorResponse(c, result.error);
        return c.json(result.value, 200);
      },
    );
  }
}
