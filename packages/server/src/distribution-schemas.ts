import { z } from '@hono/zod-openapi';
import { MAX_TEXT, PACKAGING_CODES, RELEASE_RULES } from '@halflife/ops';
import { instant } from './generator-schemas.js';

/** Shipments, packages, courier runs, receipt, administration and waste through the API (issue 14). */

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' })
  .openapi({ example: '2026-12-05' });
const text = (max = MAX_TEXT) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const bq = (what = 'Bq') =>
  z
    .number({ error: `expected a number of ${what}` })
    .positive({ error: 'must be positive' })
    .max(1e14, { error: 'must be at most 1e14 Bq' });
const doseRate = z
  .number({ error: 'expected a dose rate in µSv/h' })
  .min(0, { error: 'must not be negative' })
  .max(1e5, { error: 'must be at most 100,000 µSv/h' });
/** The most packages a vehicle takes in one scan list (a van holds a few dozen lead pots). */
export const MAX_SCANS = 200;
const scans = z
  .array(text(64))
  .min(1, { error: 'scan at least one package' })
  .max(MAX_SCANS, { error: `at most ${MAX_SCANS} codes` })
  .openapi({ description: 'The label codes scanned, one per package' });

export const ShipmentListQuerySchema = z.object({
  date: localDate.optional().openapi({
    description: 'The local date (at the site) the shipments leave; default: today',
  }),
  siteId: z.string().uuid().optional(),
});

const NuclideBqSchema = z.object({ nuclide: z.string(), activityBq: z.number() });

const ClassificationSchema = z
  .object({
    at: z.string().openapi({ description: 'The time the contents are taken at' }),
    contents: z.array(NuclideBqSchema),
    category: z.enum(['excepted', 'type-a', 'type-b']),
    a2Fraction: z.number(),
    unlisted: z.array(z.string()),
    unNumber: z.string(),
    properShippingName: z.string(),
    transportIndex: z.number().nullable(),
    label: z.enum(['I-WHITE', 'II-YELLOW', 'III-YELLOW']).nullable(),
    exclusiveUse: z.boolean(),
    reasons: z.array(z.string()),
  })
  .openapi('PackageClassification');

export const PackageSchema = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    packaging: z.string(),
    leadMm: z.number(),
    orderIds: z.array(z.string().uuid()),
    measured: z.object({ surfaceUSvPerH: z.number(), oneMetreUSvPerH: z.number() }).nullable(),
    estimate: z.object({
      surfaceUSvPerH: z.number().nullable(),
      oneMetreUSvPerH: z.number().nullable(),
      basis: z.string(),
    }),
    atDispatch: ClassificationSchema,
    atArrival: ClassificationSchema,
    /** The classification the package travels under: the higher of the two. */
    transportIndex: z.number().nullable(),
    label: z.enum(['I-WHITE', 'II-YELLOW', 'III-YELLOW']).nullable(),
    category: z.enum(['excepted', 'type-a', 'type-b']),
    unNumber: z.string(),
  })
  .openapi('TransportPackage');

const ReceiptSchema = z.object({
  measuredBq: z.number(),
  measuredAt: z.string(),
  expectedBq: z.number(),
  deviation: z.number(),
  status: z.enum(['accepted', 'flagged', 'refused']),
  reason: z.string().nullable(),
  receivedAt: z.string(),
});

const AdministrationViewSchema = z.object({
  patientRef: z.string(),
  prescribedBq: z.number(),
  administeredBq: z.number(),
  administeredAt: z.string(),
  deviation: z.number(),
  direction: z.string().nullable(),
  possibleMedicalEvent: z.boolean(),
  findings: z.array(z.string()),
});

export const ShipmentDoseSchema = z
  .object({
    orderId: z.string().uuid(),
    orderStatus: z.string(),
    patientRef: z.string().nullable(),
    productCode: z.string(),
    productName: z.string(),
    nuclide: z.string(),
    orderedBq: z.number(),
    calibrationAt: z.string(),
    tolerancePct: z.number(),
    batchNumber: z.string().nullable(),
    doseId: z.string().uuid().nullable(),
    dispensedBq: z.number().nullable(),
    dispensedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    packageCode: z.string().nullable(),
    /** Activity when it can be used (the later of calibration and expected arrival). */
    atUse: z
      .object({ at: z.string(), activityBq: z.number(), deviation: z.number(), ok: z.boolean() })
      .nullable(),
    receipt: ReceiptSchema.nullable(),
    administration: AdministrationViewSchema.nullable(),
  })
  .openapi('ShipmentDose');

const ShipmentStatusSchema = z
  .enum(['planned', 'packed', 'loaded', 'in-transit', 'delivered'])
  .openapi('ShipmentStatus');

export const ShipmentSummarySchema = z
  .object({
    id: z.string().uuid(),
    key: z.string(),
    planDate: z.string(),
    siteId: z.string().uuid(),
    siteName: z.string(),
    siteZone: z.string(),
    hospitalId: z.string().uuid(),
    hospitalName: z.string(),
    hospitalZone: z.string(),
    mode: z.enum(['road', 'air']),
    departAt: z.string(),
    arriveAt: z.string(),
    expectedArrivalAt: z.string(),
    delayMinutes: z.number(),
    status: ShipmentStatusSchema,
    vehicle: z.string().nullable(),
    courierName: z.string().nullable(),
    doses: z.number().int(),
    dispensed: z.number().int(),
    packages: z.number().int(),
  })
  .openapi('ShipmentSummary');

export const ShipmentListSchema = z
  .object({ date: z.string().nullable(), shipments: z.array(ShipmentSummarySchema) })
  .openapi('ShipmentList');

export const ShipmentDetailSchema = z
  .object({
    shipment: ShipmentSummarySchema,
    doses: z.array(ShipmentDoseSchema),
    packages: z.array(PackageSchema),
    transportIndexSum: z.number().nullable(),
    events: z.array(
      z.object({
        kind: z.enum(['packed', 'loaded', 'picked-up', 'delayed', 'delivered']),
        at: z.string(),
        by: z.string(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
    signature: z.object({ printedName: z.string(), at: z.string() }).nullable(),
  })
  .openapi('ShipmentDetail');

export const PackSchema = z
  .object({
    orderIds: z
      .array(z.string().uuid())
      .min(1, { error: 'pack at least one dose' })
      .max(50, { error: 'at most 50 doses in one package' }),
    packaging: z.enum(PACKAGING_CODES),
    leadMm: z
      .number({ error: 'expected mm of lead' })
      .min(0, { error: 'must not be negative' })
      .max(100, { error: 'must be at most 100 mm' }),
    surfaceUSvPerH: doseRate.optional(),
    oneMetreUSvPerH: doseRate.optional(),
  })
  .openapi('Pack');

export const MeasureSchema = z
  .object({ surfaceUSvPerH: doseRate, oneMetreUSvPerH: doseRate })
  .openapi('PackageDoseRates');

export const LoadSchema = z
  .object({
    vehicle: text(40).openapi({ description: 'The vehicle’s registration' }),
    courierId: z.string().uuid().openapi({ description: 'The courier who will carry it' }),
    scannedCodes: scans,
  })
  .openapi('Load');

export const PickUpSchema = z
  .object({
    scannedCodes: scans,
    email: z
      .string()
      .max(254)
      .optional()
      .openapi({ description: 'Your ID: required at the first signature of a session' }),
    password: z.string().min(1, { error: 'the password is required to sign' }).max(200),
  })
  .openapi('PickUp');

export const DelaySchema = z
  .object({
    expectedArrivalAt: instant,
    reason: text(),
  })
  .openapi('Delay');

export const DeliverSchema = z.object({ scannedCodes: scans }).openapi('Deliver');

export const ReceiveSchema = z
  .object({
    packageCode: text(64).openapi({ description: 'The package’s label code, scanned' }),
    measuredBq: bq(),
    measuredAt: instant,
    refuse: text()
      .optional()
      .openapi({ description: 'Refuse the dose, with the reason (e.g. outside tolerance)' }),
  })
  .openapi('Receive');

export const AdministerSchema = z
  .object({
    patientRef: text(64).openapi({ description: 'The patient’s pseudonymous reference (no name)' }),
    prescribedBq: bq(),
    beforeBq: bq(),
    beforeAt: instant,
    residueBq: z
      .number({ error: 'expected a number of Bq' })
      .min(0, { error: 'must not be negative' })
      .max(1e14, { error: 'must be at most 1e14 Bq' }),
    residueAt: instant,
    administeredAt: instant,
    direction: text()
      .optional()
      .openapi({ description: 'The authorised user’s direction, when beyond the limits' }),
    wasteContainerId: z
      .string()
      .uuid()
      .optional()
      .openapi({ description: 'The waste container that takes the residue' }),
  })
  .openapi('Administer');

export const DoseResultSchema = z
  .object({ shipment: ShipmentDetailSchema, findings: z.array(z.string()) })
  .openapi('DoseResult');

export const DelayResultSchema = z
  .object({
    shipment: ShipmentDetailSchema,
    outOfTolerance: z.array(z.string().uuid()),
    alerts: z.number().int(),
  })
  .openapi('DelayResult');

export const ReplacementSchema = z
  .object({
    orderIds: z
      .array(z.string().uuid())
      .min(1, { error: 'name at least one order' })
      .max(50, { error: 'at most 50 orders' }),
  })
  .openapi('Replacement');

// --- Waste

const WasteStatusSchema = z.enum(['open', 'closed', 'released']);

export const WasteContainerSchema = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    placeName: z.string(),
    siteId: z.string().uuid().nullable(),
    hospitalId: z.string().uuid().nullable(),
    kind: z.enum(['residues', 'vials', 'syringes', 'packages', 'mixed']),
    rule: z.enum(RELEASE_RULES),
    massG: z.number().nullable(),
    status: WasteStatusSchema,
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    releaseAfter: z.string().nullable(),
    releasedAt: z.string().nullable(),
    items: z.array(
      z.object({
        description: z.string(),
        doseId: z.string().nullable(),
        referenceAt: z.string(),
        contents: z.array(NuclideBqSchema),
      }),
    ),
    now: z.array(NuclideBqSchema),
    nowBq: z.number(),
    earliest: z.object({
      at: z.string().nullable(),
      longestLived: z.string().nullable(),
      reason: z.string(),
      warnings: z.array(z.string()),
    }),
    curve: z
      .array(z.object({ at: z.string(), activityBq: z.number() }))
      .openapi({ description: 'Total activity from opening to the release date' }),
    survey: z
      .object({
        backgroundUSvPerH: z.number(),
        readingUSvPerH: z.number(),
        instrument: z.string(),
        surveyor: z.string(),
        surveyedAt: z.string(),
      })
      .nullable(),
  })
  .openapi('WasteContainer');

export const WasteListSchema = z
  .object({ containers: z.array(WasteContainerSchema) })
  .openapi('WasteList');

export const WasteListQuerySchema = z.object({
  status: WasteStatusSchema.optional(),
});

export const WasteOpenSchema = z
  .object({
    placeId: z.string().uuid().openapi({ description: 'A site of the producer or the hospital' }),
    kind: z.enum(['residues', 'vials', 'syringes', 'packages', 'mixed']),
    rule: z.enum(RELEASE_RULES),
    massG: z
      .number({ error: 'expected grams' })
      .positive({ error: 'must be positive' })
      .max(1e6, { error: 'must be at most 1,000,000 g' })
      .optional()
      .openapi({ description: 'The waste’s mass: needed by the clearance rule' }),
  })
  .openapi('WasteOpen');

export const WasteItemSchema = z
  .object({
    description: text(),
    nuclide: text(20),
    activityBq: bq(),
    at: instant,
  })
  .openapi('WasteItem');

export const WasteReleaseSchema = z
  .object({
    backgroundUSvPerH: doseRate,
    readingUSvPerH: doseRate,
    instrument: text(120),
    surveyor: text(120),
  })
  .openapi('WasteRelease');
