import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDeps } from '../app-env.js';
import { errorResponse } from '../http-error.js';
import { guard } from '../permission.js';
import { exportCohort, listStudiesFor, studyDashboard } from '../services/cohort-service.js';
import {
  catalogue,
  changeTherapy,
  enrolPatient,
  listPatientsFor,
  orderDueCycles,
  patientDetail,
  recordPetScan,
  recordVisit,
  recordVitalStatus,
  startTherapy,
  therapyDemand,
} from '../services/pathway-service.js';
import {
  CatalogueSchema,
  CodeParam,
  DashboardQuerySchema,
  DashboardSchema,
  PatientCreateSchema,
  PatientDetailSchema,
  PatientListQuerySchema,
  PatientListSchema,
  PetScanCreateSchema,
  StudyListSchema,
  TherapyChangeSchema,
  TherapyDemandQuerySchema,
  TherapyDemandSchema,
  TherapyStartSchema,
  VisitCreateSchema,
  VitalStatusSchema,
} from '../theranostics-schemas.js';
import { errorResponses, IdParam, json, jsonBody, security } from './route-helpers.js';

const errors = () =>
  errorResponses(
    'no such patient or study (or not one of yours)',
    'the pathway cannot take this now (the message says why)',
  );

const SweepSchema = z
  .object({
    ordered: z.number(),
    failed: z.array(z.object({ patient: z.string(), cycle: z.number(), reason: z.string() })),
    patient: PatientDetailSchema,
  })
  .openapi('CycleOrdering');

/** Theranostic pathways, therapy cycles and the outcomes registry (issue 15). */
export function theranosticsRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/therapy/catalogue',
      ...guard('regimens.read'),
      tags: ['theranostics'],
      summary: 'Regimens, theranostic pairs and programmes, with their sources',
      security,
      responses: { 200: json(CatalogueSchema, 'the catalogue'), ...errors() },
    }),
    (c) => c.json(catalogue(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/therapy/demand',
      ...guard('supply.read'),
      tags: ['theranostics'],
      summary: 'Isotope demand from the scheduled therapy cycles, by product and week',
      description:
        'The known future for supply strategy: every active plan’s cycles not yet given, summed by product and ISO week. No patients.',
      security,
      request: { query: TherapyDemandQuerySchema },
      responses: { 200: json(TherapyDemandSchema, 'the demand'), ...errors() },
    }),
    async (c) => {
      const result = await therapyDemand(deps, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/patients',
      ...guard('patients.read'),
      tags: ['theranostics'],
      summary: 'Patients on a pathway: a hospital’s own, a study team’s study',
      security,
      request: { query: PatientListQuerySchema },
      responses: { 200: json(PatientListSchema, 'the patients'), ...errors() },
    }),
    async (c) => {
      const result = await listPatientsFor(deps, c.var.who, c.var.scope, c.req.valid('query'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/patients',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Enrol a patient under a pseudonymous reference (no name)',
      security,
      request: { body: jsonBody(PatientCreateSchema, 'the patient') },
      responses: { 201: json(PatientDetailSchema, 'the patient’s pathway'), ...errors() },
    }),
    async (c) => {
      const result = await enrolPatient(deps, c.var.who, c.var.scope, c.req.valid('json'));
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/patients/{id}',
      ...guard('patients.read'),
      tags: ['theranostics'],
      summary: 'A patient’s pathway: PET, therapy cycles and their orders, visits, endpoints',
      security,
      request: { params: IdParam },
      responses: { 200: json(PatientDetailSchema, 'the pathway'), ...errors() },
    }),
    async (c) => {
      const result = await patientDetail(deps, c.var.who, c.var.scope, c.req.valid('param').id);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/patients/{id}/pet-scans',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Record a PET scan and whether it selects the patient (e.g. PSMA-positive)',
      description:
        'The tracer is one of the catalogue’s theranostic pairs; the scan’s order, when the network made the tracer, is linked.',
      security,
      request: { params: IdParam, body: jsonBody(PetScanCreateSchema, 'the record') },
      responses: { 200: json(PatientDetailSchema, 'the pathway'), ...errors() },
    }),
    async (c) => {
      const result = await recordPetScan(
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
      path: '/api/patients/{id}/therapy',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Start a therapy plan of cycles from a regimen',
      description:
        'Needs a positive PET of the regimen’s target (diagnose, then treat). Each cycle orders its dose 14 days before its day.',
      security,
      request: { params: IdParam, body: jsonBody(TherapyStartSchema, 'the record') },
      responses: { 200: json(PatientDetailSchema, 'the pathway'), ...errors() },
    }),
    async (c) => {
      const result = await startTherapy(
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
      path: '/api/patients/{id}/therapy/changes',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Delay, reduce or stop a cycle, with the reason',
      description:
        'A delay moves its cycle and every later one; an ordered, not yet made dose of the cycle is cancelled and ordered again.',
      security,
      request: { params: IdParam, body: jsonBody(TherapyChangeSchema, 'the record') },
      responses: { 200: json(PatientDetailSchema, 'the pathway'), ...errors() },
    }),
    async (c) => {
      const result = await changeTherapy(
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
      path: '/api/patients/{id}/visits',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Record a visit: PSA, weight, RECIST target lesions, new lesions, adverse events',
      description: 'Lesions are the baseline’s target lesions measured again (RECIST 1.1).',
      security,
      request: { params: IdParam, body: jsonBody(VisitCreateSchema, 'the record') },
      responses: { 200: json(PatientDetailSchema, 'the pathway'), ...errors() },
    }),
    async (c) => {
      const result = await recordVisit(
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
      path: '/api/patients/{id}/vital-status',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Record the last contact or the death',
      description: 'For overall survival: a patient alive is censored at the last contact.',
      security,
      request: { params: IdParam, body: jsonBody(VitalStatusSchema, 'the record') },
      responses: { 200: json(PatientDetailSchema, 'the pathway'), ...errors() },
    }),
    async (c) => {
      const result = await recordVitalStatus(
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
      path: '/api/patients/{id}/therapy/order-due',
      ...guard('patients.record'),
      tags: ['theranostics'],
      summary: 'Order the cycles due now (the server also does this on its own)',
      security,
      request: { params: IdParam },
      responses: { 200: json(SweepSchema, 'what was ordered'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const before = await patientDetail(deps, c.var.who, c.var.scope, id);
      if (!before.ok) return errorResponse(c, before.error);
      const report = await orderDueCycles(deps, { patientId: id });
      const after = await patientDetail(deps, c.var.who, c.var.scope, id);
      if (!after.ok) return errorResponse(c, after.error);
      return c.json(
        { ordered: report.ordered, failed: [...report.failed], patient: after.value },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies',
      ...guard('cohorts.read'),
      tags: ['outcomes'],
      summary: 'Studies with their patient counts',
      security,
      responses: { 200: json(StudyListSchema, 'the studies'), ...errors() },
    }),
    async (c) => {
      const result = await listStudiesFor(deps, c.var.who, c.var.scope);
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{code}/dashboard',
      ...guard('cohorts.read'),
      tags: ['outcomes'],
      summary: 'A study’s endpoints: PSA50/90, ORR/DCR, rPFS and OS curves, hazard ratios',
      description:
        'Exact 95% intervals (Clopper–Pearson), Kaplan–Meier medians with Brookmeyer–Crowley intervals, numbers at risk, log-rank and Cox (Efron) between groups. Swimmer rows (patient-level) only for the study’s team.',
      security,
      request: { params: CodeParam, query: DashboardQuerySchema },
      responses: { 200: json(DashboardSchema, 'the dashboard'), ...errors() },
    }),
    async (c) => {
      const result = await studyDashboard(
        deps,
        c.var.who,
        c.var.scope,
        c.req.valid('param').code,
        c.req.valid('query').groupBy,
      );
      if (!result.ok) return errorResponse(c, result.error);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{code}/export.csv',
      ...guard('cohorts.export'),
      tags: ['outcomes'],
      summary: 'The cohort, one pseudonymous row per patient (CSV)',
      security,
      request: { params: CodeParam },
      responses: {
        200: { content: { 'text/csv': { schema: z.string() } }, description: 'the CSV' },
        ...errors(),
      },
    }),
    async (c) => {
      const code = c.req.valid('param').code;
      const result = await exportCohort(deps, c.var.who, c.var.scope, code, 'csv');
      if (!result.ok) return errorResponse(c, result.error);
      return c.body(result.value, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${code}.csv"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/studies/{code}/export.fhir',
      ...guard('cohorts.export'),
      tags: ['outcomes'],
      summary: 'The cohort as a FHIR R4 Bundle (pseudonymous)',
      security,
      request: { params: CodeParam },
      responses: {
        200: {
          content: { 'application/fhir+json': { schema: z.any() } },
          description: 'the Bundle',
        },
        ...errors(),
      },
    }),
    async (c) => {
      const code = c.req.valid('param').code;
      const result = await exportCohort(deps, c.var.who, c.var.scope, code, 'fhir');
      if (!result.ok) return errorResponse(c, result.error);
      // The Bundle comes serialised from the worker pool; the typed router expects c.json for a
      // JSON media type, so the same response is declared as one.
      const bundle = c.body(result.value, 200, {
        'content-type': 'application/fhir+json; charset=utf-8',
        'content-disposition': `attachment; filename="${code}.fhir.json"`,
      });
      return bundle as unknown as ReturnType<typeof c.json<Record<string, unknown>, 200>>;
    },
  );
}
