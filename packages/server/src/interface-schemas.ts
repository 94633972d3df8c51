import { z } from '@hono/zod-openapi';

/** The HL7 v2 interface's administration (issue 17): facility mappings and the outbox. */

export const Hl7FacilitySchema = z
  .object({
    facility: z.string().openapi({ description: 'MSH-4 as the hospital system sends it' }),
    hospitalId: z.string().uuid(),
    hospitalName: z.string(),
    accountEmail: z.string(),
    endpoint: z.object({ host: z.string(), port: z.number().int() }).nullable(),
    updatedAt: z.string(),
  })
  .openapi('Hl7Facility');

export const Hl7FacilityListSchema = z
  .object({ facilities: z.array(Hl7FacilitySchema) })
  .openapi('Hl7FacilityList');

export const Hl7FacilitySaveSchema = z
  .object({
    facility: z
      .string()
      .trim()
      .min(1)
      .max(180)
      .regex(/^[^|^~\\&\r\n]+$/, { error: 'no HL7 delimiters (| ^ ~ \\ &) or line breaks' })
      .openapi({ example: 'PUMCH', description: 'MSH-4 (namespace id) as its messages carry it' }),
    hospitalId: z.string().uuid(),
    accountEmail: z.string().min(3).max(254).openapi({
      description: "The hospital's ordering account the interface places orders as",
    }),
    endpoint: z
      .object({
        host: z
          .string()
          .min(1)
          .max(253)
          .regex(/^[A-Za-z0-9.:-]+$/, { error: 'a host name or an IP address' }),
        port: z.number().int().min(1).max(65535),
      })
      .nullable()
      .openapi({ description: "Where the hospital's system takes RDS^O13 and RAS^O17 (MLLP)" }),
  })
  .openapi('Hl7FacilitySave');

export const Hl7OutboxEntrySchema = z
  .object({
    id: z.string().uuid(),
    orderId: z.string().uuid(),
    facility: z.string(),
    placerOrder: z.string(),
    event: z.enum(['dispense', 'administration']),
    messageType: z.enum(['RDS^O13', 'RAS^O17']),
    status: z.enum(['pending', 'sending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('Hl7OutboxEntry');

export const Hl7OutboxListSchema = z
  .object({ entries: z.array(Hl7OutboxEntrySchema) })
  .openapi('Hl7OutboxList');

export const Hl7OutboxQuerySchema = z.object({
  status: z.enum(['pending', 'sending', 'delivered', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
