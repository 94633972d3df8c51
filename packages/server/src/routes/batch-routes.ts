import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import {
  AlertListSchema,
  BatchDetailSchema,
  BatchListQuerySchema,
  BatchListSchema,
  DeviationCreateSchema,
  DispenseSchema,
  HalfLifeSchema,
  LabelQuerySchema,
  QcCsvQuerySchema,
  QcResultsSchema,
  SignSchema,
  StepSignSchema,
  TrendQuerySchema,
  TrendSchema,
} from '../batch-schemas.js';
import { errorResponse } from '../http-error.js';
import { certificatePdf, labelsPdf } from '../services/batch-documents-service.js';
import { guard } from '../permission.js';
import {
  addDeviation,
  alertsFor,
  batchDetail,
  dispense,
  enterResults,
  halfLifeOf,
  importResultsCsv,
  listBatches,
  sign,
  signStep,
  trendOf,
} from '../services/batch-service.js';
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
  errorResponses('no such batch record', 'the record cannot take this now (its status says why)');

/** The most an instrument's CSV export may carry. */
export const MAX_QC_CSV_BYTES = 64 * 1024;

/** The production day: batch records, QC, release, dispensing, quality alerts (issue 13). */
export function batchRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/batches',
      ...guard('batches.read'),
      tags: ['manufacturing'],
      summary: 'The batch records of a day: the worklist and, by status, the QP’s release queue',
      description:
        'Records of the committed plans of the date, by planned start, with what is late. The producer’s staff read; hospitals get 403.',
      security,
      request: { query: BatchListQuerySchema },
      responses: { 200: json(BatchListSchema, 'the records'), ...errors() },
    }),
    async (c) => {
      const result = await listBatches(deps, c.var.who, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/batches/{id}',
      ...guard('batches.read'),
      tags: ['manufacturing'],
      summary: 'One batch record with everything a QP needs to decide',
      description:
        'Steps and who signed them, materials, deviations, QC results against the specification, signatures with whether each still holds, and the doses.',
      security,
      request: { params: IdParam },
      responses: { 200: json(BatchDetailSchema, 'the record'), ...errors() },
    }),
    async (c) => {
      const result = await batchDetail(deps, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/batches/{id}/steps',
      ...guard('batches.record'),
      tags: ['manufacturing'],
      summary: 'Sign off a step of the master recipe, with the starting materials it draws',
      description:
        'Steps are signed in the recipe’s order (a skipped or early step is a 400). A signed step may be corrected with a reason: the correction supersedes the entry and is audited. Radiopharmacists only.',
      security,
      request: { params: IdParam, body: jsonBody(StepSignSchema, 'the step') },
      responses: { 200: json(BatchDetailSchema, 'the record after the step'), ...errors() },
    }),
    async (c) => {
      const result = await signStep(deps, c.var.who, c.req.valid('param').id, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/batches/{id}/deviations',
      ...guard('batches.record'),
      tags: ['manufacturing'],
      summary: 'Record a deviation with its classification; it is carried to the QP',
      security,
      request: { params: IdParam, body: jsonBody(DeviationCreateSchema, 'the deviation') },
      responses: { 200: json(BatchDetailSchema, 'the record'), ...errors() },
    }),
    async (c) => {
      const result = await addDeviation(
        deps,
        c.var.who,
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
      path: '/api/batches/{id}/qc-results',
      ...guard('qc.record'),
      tags: ['quality control'],
      summary: 'Enter QC results against the batch’s specification',
      description:
        'A result that replaces another needs a reason. A failure after release alerts every hospital with a dose of the batch. QC analysts only.',
      security,
      request: { params: IdParam, body: jsonBody(QcResultsSchema, 'the results') },
      responses: { 200: json(BatchDetailSchema, 'the record'), ...errors() },
    }),
    async (c) => {
      const result = await enterResults(
        deps,
        c.var.who,
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
      path: '/api/batches/{id}/qc-results/csv',
      ...guard('qc.record'),
      tags: ['quality control'],
      summary: 'Import QC results from an instrument’s CSV export',
      description: `A header row \`test,value[,unit]\` or \`test,result\`; at most ${MAX_QC_CSV_BYTES / 1024} KiB and 200 rows. Errors name the line.`,
      security,
      request: {
        params: IdParam,
        query: QcCsvQuerySchema,
        body: {
          content: {
            'text/csv': { schema: z.string().openapi({ example: 'test,value\nph,6.1\n' }) },
          },
          required: true,
          description: 'the export',
        },
      },
      responses: { 200: json(BatchDetailSchema, 'the record'), ...errors() },
    }),
    async (c) => {
      const text = await c.req.text();
      if (new TextEncoder().encode(text).length > MAX_QC_CSV_BYTES) {
        return errorResponse(c, {
          code: 'too-large',
          message: `body: a QC export may carry at most ${MAX_QC_CSV_BYTES / 1024} KiB`,
        });
      }
      const result = await importResultsCsv(
        deps,
        c.var.who,
        c.req.valid('param').id,
        text,
        c.req.valid('query').reason,
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/batches/{id}/half-life',
      ...guard('qc.record'),
      tags: ['quality control'],
      summary: 'Half-life identity from two dose-calibrator readings, with the decay engine',
      description: 'Computes; stores nothing. Enter the value as the half-life test’s result.',
      security,
      request: { params: IdParam, body: jsonBody(HalfLifeSchema, 'two readings') },
      responses: {
        200: json(
          z.object({
            measuredMinutes: z.number(),
            referenceMinutes: z.number(),
            deviation: z.number(),
          }),
          'the half-life the readings imply',
        ),
        ...errors(),
      },
    }),
    async (c) => {
      const result = await halfLifeOf(deps, c.req.valid('param').id, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/batches/{id}/signatures',
      ...guard('batches.release'),
      tags: ['release'],
      summary: 'Release conditionally, certify finally, or reject: an electronic signature',
      description:
        'The password is entered at signing; the first signature of a session also needs the ID (email) (21 CFR 11.200). The signature records printed name, time and meaning and is bound to the hash of the record’s content: any later change shows it as broken. Qualified persons only.',
      security,
      request: { params: IdParam, body: jsonBody(SignSchema, 'the signature') },
      responses: { 200: json(BatchDetailSchema, 'the record, signed'), ...errors() },
    }),
    async (c) => {
      const client = c.req.header('x-forwarded-for') ?? 'direct';
      const result = await sign(
        deps,
        c.var.who,
        c.req.valid('param').id,
        c.req.valid('json'),
        client,
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/batches/{id}/doses',
      ...guard('batches.record'),
      tags: ['manufacturing'],
      summary: 'Dispense an order’s dose from a released batch',
      description:
        'The measured activity is decayed to the order’s calibration time and checked against its tolerance; outside it the dose may not leave (a 400 with the figures).',
      security,
      request: { params: IdParam, body: jsonBody(DispenseSchema, 'the measured dose') },
      responses: { 200: json(BatchDetailSchema, 'the record'), ...errors() },
    }),
    async (c) => {
      const result = await dispense(deps, c.var.who, c.req.valid('param').id, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/qc/trends',
      ...guard('batches.read'),
      tags: ['quality control'],
      summary: 'A QC test over a product’s recent batches: an individuals control chart',
      security,
      request: { query: TrendQuerySchema },
      responses: { 200: json(TrendSchema, 'the chart'), ...errors() },
    }),
    async (c) => {
      const result = await trendOf(deps, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  const pdf = (description: string) => ({
    content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    description,
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/batches/{id}/labels.pdf',
      ...guard('batches.read'),
      tags: ['manufacturing'],
      summary: 'Labels of the batch’s dispensed doses (100 × 60 mm, one per page, with a QR code)',
      description:
        'The QR code carries the dose, batch, product, activity at calibration and the calibration and expiry times (format HL1, docs/manufacturing.md). Rendered in the worker pool.',
      security,
      request: { params: IdParam, query: LabelQuerySchema.merge(DocumentLangQuery) },
      responses: { 200: pdf('the labels'), ...errors() },
    }),
    async (c) => {
      const { orderId, lang } = c.req.valid('query');
      const result = await labelsPdf(
        deps,
        c.req.valid('param').id,
        orderId,
        documentLang(lang, c.var.who),
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.body(result.value as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="labels.pdf"',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/batches/{id}/certificate.pdf',
      ...guard('batches.read'),
      tags: ['release'],
      summary: 'The batch’s certificate of analysis: results against the specification, decisions',
      security,
      request: { params: IdParam, query: DocumentLangQuery },
      responses: { 200: pdf('the certificate'), ...errors() },
    }),
    async (c) => {
      const lang = documentLang(c.req.valid('query').lang, c.var.who);
      const result = await certificatePdf(deps, c.req.valid('param').id, lang);
      if (!result.ok) return errorResponse(c, result.error);
      return c.body(result.value as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="certificate.pdf"',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/alerts',
      ...guard('alerts.read'),
      tags: ['release'],
      summary: 'Quality alerts: post-release failures and rejected batches, newest first',
      description: 'A hospital sees its own; the producer’s staff see every one.',
      security,
      responses: { 200: json(AlertListSchema, 'the alerts'), ...errors() },
    }),
    async (c) => {
      const result = await alertsFor(deps, c.var.who, c.var.scope);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(
        {
          alerts: result.value.alerts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
        },
        200,
      );
    },
  );
}
