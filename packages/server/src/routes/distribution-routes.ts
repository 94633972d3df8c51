import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import {
  AdministerSchema,
  DelayResultSchema,
  DelaySchema,
  DeliverSchema,
  DoseResultSchema,
  LoadSchema,
  MeasureSchema,
  PackSchema,
  PickUpSchema,
  ReceiveSchema,
  ReplacementSchema,
  ShipmentDetailSchema,
  ShipmentListQuerySchema,
  ShipmentListSchema,
  WasteContainerSchema,
  WasteItemSchema,
  WasteListQuerySchema,
  WasteListSchema,
  WasteOpenSchema,
  WasteReleaseSchema,
} from '../distribution-schemas.js';
import { errorResponse } from '../http-error.js';
import { guard } from '../permission.js';
import { PlanSummarySchema } from '../plan-schemas.js';
import type { PlanningDeps } from '../services/planning-service.js';
import {
  administer,
  deliver,
  listShipmentsFor,
  load,
  measure,
  pack,
  pickUp,
  receive,
  reportDelay,
  requestReplacement,
  shipmentDetail,
} from '../services/distribution-service.js';
import { shippingPapers } from '../services/shipping-papers-service.js';
import {
  addItem,
  closeContainer,
  listWaste,
  openContainer,
  releaseContainer,
} from '../services/waste-service.js';
import {
  documentLang,
  DocumentLangQuery,
  errorResponses,
  IdParam,
  json,
  jsonBody,
  security,
} from './route-helpers.js';

const errors = () =>
  errorResponses(
    'no such shipment, package or dose',
    'the shipment cannot take this now (its status says why)',
  );
const wasteErrors = () =>
  errorResponses(
    'no such waste container',
    'the container cannot take this now (its status says why)',
  );

const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

/** From the hot cell to the patient and the waste store (issue 14). */
export function distributionRoutes(app: App, deps: AppDeps & PlanningDeps): void {
  const detailAnswer = (description: string) => ({
    200: json(ShipmentDetailSchema, description),
    ...errors(),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shipments',
      ...guard('shipments.read'),
      tags: ['distribution'],
      summary: 'Shipments: a day’s for the producer, a hospital’s own, a courier’s runs',
      description:
        'The shipments of the committed plans with their status (planned, packed, loaded, in transit, delivered), vehicle, courier and expected arrival.',
      security,
      request: { query: ShipmentListQuerySchema },
      responses: { 200: json(ShipmentListSchema, 'the shipments'), ...errors() },
    }),
    async (c) => {
      const result = await listShipmentsFor(deps, c.var.who, c.var.scope, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shipments/{id}',
      ...guard('shipments.read'),
      tags: ['distribution'],
      summary: 'One shipment: doses, packages with their transport classification, tracking',
      description:
        'Each package’s contents at dispatch and at arrival (every nuclide of the chain, from the decay engine), its category, UN number, TI and label (measured dose rates, or an estimate marked as such), and the tracking events.',
      security,
      request: { params: IdParam },
      responses: detailAnswer('the shipment'),
    }),
    async (c) => {
      const result = await shipmentDetail(deps, c.var.who, c.var.scope, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shipments/{id}/papers.pdf',
      ...guard('shipments.read'),
      tags: ['distribution'],
      summary: 'The shipping papers (PDF)',
      description:
        'UN number, proper shipping name, category, label, TI and activities of each package, the vehicle’s sum of TI and the consignor’s declaration; rendered in the worker pool.',
      security,
      request: { params: IdParam, query: DocumentLangQuery },
      responses: {
        200: { content: { 'application/pdf': { schema: z.any() } }, description: 'the PDF' },
        ...errors(),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const lang = documentLang(c.req.valid('query').lang, c.var.who);
      const result = await shippingPapers(deps, c.var.who, c.var.scope, id, lang);
      if (!result.ok) return errorResponse(c, result.error);
      return c.body(result.value as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="shipping-papers-${id.slice(0, 8)}.pdf"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shipments/{id}/packages',
      ...guard('shipments.dispatch'),
      tags: ['distribution'],
      summary: 'Pack dispensed doses of the shipment into a package',
      description:
        'The package gets a label code (scanned at loading, pick-up, delivery and receipt). Dose rates may be measured now or later; until then an estimate from the dose-rate constants is shown.',
      security,
      request: { params: IdParam, body: jsonBody(PackSchema, 'the doses and packaging') },
      responses: detailAnswer('the shipment with the new package'),
    }),
    async (c) => {
      const result = await pack(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value.detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/packages/{code}/dose-rates',
      ...guard('shipments.dispatch'),
      tags: ['distribution'],
      summary: 'Record a package’s measured dose rates (surface and 1 m)',
      security,
      request: { params: CodeParam, body: jsonBody(MeasureSchema, 'the readings') },
      responses: detailAnswer('the shipment'),
    }),
    async (c) => {
      const result = await measure(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').code,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value.detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shipments/{id}/load',
      ...guard('shipments.dispatch'),
      tags: ['distribution'],
      summary: 'Load the packages, scanned, into a vehicle for a courier',
      description:
        'Every package of the shipment must be scanned, none other; every dispensed dose must be packed; the sum of transport indexes on the vehicle (with what it carries already) may not exceed 50.',
      security,
      request: { params: IdParam, body: jsonBody(LoadSchema, 'vehicle, courier and the scans') },
      responses: detailAnswer('the shipment, loaded'),
    }),
    async (c) => {
      const result = await load(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value.detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shipments/{id}/pick-up',
      ...guard('shipments.carry'),
      tags: ['distribution'],
      summary: 'The courier takes the packages over: scans and signs',
      description:
        'The courier’s electronic signature (password; the first of a session also the ID) records the hand-over with the time. The orders become dispatched.',
      security,
      request: { params: IdParam, body: jsonBody(PickUpSchema, 'the scans and signature') },
      responses: detailAnswer('the shipment, in transit'),
    }),
    async (c) => {
      const client = c.req.header('x-forwarded-for') ?? 'direct';
      const result = await pickUp(
        { ...deps, client },
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value.detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shipments/{id}/delay',
      ...guard('shipments.carry'),
      tags: ['distribution'],
      summary: 'Report a delay: each dose’s activity at use is recomputed',
      description:
        'A dose cannot be given before it arrives: its activity at the later of its calibration time and the new arrival is decayed from the dispensed measurement; doses then outside tolerance alert the hospital and the planners with the figures.',
      security,
      request: { params: IdParam, body: jsonBody(DelaySchema, 'the new arrival and why') },
      responses: { 200: json(DelayResultSchema, 'the shipment and its doses'), ...errors() },
    }),
    async (c) => {
      const result = await reportDelay(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json({ shipment: result.value.detail, ...result.value.value }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shipments/{id}/deliver',
      ...guard('shipments.carry'),
      tags: ['distribution'],
      summary: 'Deliver at the hospital: every package scanned',
      security,
      request: { params: IdParam, body: jsonBody(DeliverSchema, 'the scans') },
      responses: detailAnswer('the shipment, delivered'),
    }),
    async (c) => {
      const result = await deliver(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value.detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/shipments/{id}/replacements',
      ...guard('plans.run'),
      tags: ['distribution'],
      summary: 'Re-plan replacements for doses a delay puts out of tolerance',
      description:
        'Creates a replacement order for each order named (accepted, same hospital, product, activity and calibration time) and re-plans the date with them; the re-plan is committed like any other.',
      security,
      request: { params: IdParam, body: jsonBody(ReplacementSchema, 'the orders to replace') },
      responses: { 202: json(PlanSummarySchema, 'the re-plan, running'), ...errors() },
    }),
    async (c) => {
      const result = await requestReplacement(
        deps,
        c.var.who,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/doses/{id}/receipt',
      ...guard('doses.receive'),
      tags: ['use'],
      summary: 'Receive a dose: the package scanned, the activity measured',
      description:
        'The measurement is compared with the dispensed activity decayed to its time; outside ±10% (two calibrators) it is flagged. The hospital may refuse a dose, with a reason.',
      security,
      request: { params: IdParam, body: jsonBody(ReceiveSchema, 'the measurement') },
      responses: { 200: json(DoseResultSchema, 'the shipment and the finding'), ...errors() },
    }),
    async (c) => {
      const result = await receive(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json({ shipment: result.value.detail, findings: result.value.value }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/doses/{id}/administration',
      ...guard('doses.administer'),
      tags: ['use'],
      summary: 'Record a dose given to a patient',
      description:
        'Before and residue are decay-corrected to the administration; the result is checked against the prescription (the label’s tolerance and the 20% rule of 10 CFR 35.63): beyond them the authorised user’s direction is required, and ≥ 20% is flagged as a possible medical event (10 CFR 35.3045). The residue may go into a waste container.',
      security,
      request: { params: IdParam, body: jsonBody(AdministerSchema, 'the administration') },
      responses: { 200: json(DoseResultSchema, 'the shipment and the findings'), ...errors() },
    }),
    async (c) => {
      const result = await administer(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json({ shipment: result.value.detail, findings: result.value.value }, 200);
    },
  );

  // --- Waste

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/waste',
      ...guard('waste.read'),
      tags: ['waste'],
      summary: 'The waste register: containers, activity now and over time, release dates',
      security,
      request: { query: WasteListQuerySchema },
      responses: { 200: json(WasteListSchema, 'the containers'), ...wasteErrors() },
    }),
    async (c) => {
      const result = await listWaste(deps, c.var.who, c.var.scope, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/waste',
      ...guard('waste.record'),
      tags: ['waste'],
      summary: 'Open a labelled waste container at a site or hospital',
      security,
      request: { body: jsonBody(WasteOpenSchema, 'the container') },
      responses: { 201: json(WasteContainerSchema, 'the container'), ...wasteErrors() },
    }),
    async (c) => {
      const result = await openContainer(deps, c.var.who, c.var.scope, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/waste/{id}/items',
      ...guard('waste.record'),
      tags: ['waste'],
      summary: 'Put an item into an open container (nuclide and activity at a time)',
      security,
      request: { params: IdParam, body: jsonBody(WasteItemSchema, 'the item') },
      responses: { 200: json(WasteContainerSchema, 'the container'), ...wasteErrors() },
    }),
    async (c) => {
      const result = await addItem(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/waste/{id}/close',
      ...guard('waste.record'),
      tags: ['waste'],
      summary: 'Close a container for decay: its earliest release date is fixed',
      security,
      request: { params: IdParam },
      responses: { 200: json(WasteContainerSchema, 'the container'), ...wasteErrors() },
    }),
    async (c) => {
      const result = await closeContainer(deps, c.var.who, c.var.scope, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/waste/{id}/release',
      ...guard('waste.record'),
      tags: ['waste'],
      summary: 'Release a container after its survey (10 CFR 35.92 / 35.2092)',
      description:
        'Refused before the release date or when the surface reads above background; the survey (background, reading, instrument, surveyor, date) is kept.',
      security,
      request: { params: IdParam, body: jsonBody(WasteReleaseSchema, 'the survey') },
      responses: { 200: json(WasteContainerSchema, 'the container'), ...wasteErrors() },
    }),
    async (c) => {
      const result = await releaseContainer(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );
}
