import { z } from '@hono/zod-openapi';
import type { Caller } from '../caller.js';
import { DOCUMENT_LANGS, type DocumentLang } from '../documents/document-lang.js';
import { ErrorSchema } from '../schemas.js';

/** The pieces every documented route shares. */

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/**
 * A JSON request body, required: a request without one (or without its Content-Type) is validated
 * like any other and refused naming the field, never let through unchecked.
 */
export const jsonBody = <T extends z.ZodType>(schema: T, description: string) => ({
  ...json(schema, description),
  required: true,
});

export const security: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/**
 * The error answers of a route: every status the one error mapping (`errorResponse`) can give, so
 * that a handler returns a service's error as it is; what "not found" and "conflict" mean for it.
 */
export const errorResponses = (
  notFound = 'no such record',
  conflict = 'conflicts with what the server holds',
) => ({
  400: json(ErrorSchema, 'invalid input, naming the field'),
  401: json(ErrorSchema, 'not signed in'),
  403: json(ErrorSchema, 'not allowed for your role (the permission matrix)'),
  404: json(ErrorSchema, notFound),
  409: json(ErrorSchema, conflict),
  413: json(ErrorSchema, 'the body is larger than the limit'),
  422: json(ErrorSchema, 'contradicts what the server holds (e.g. a reused Idempotency-Key)'),
  429: json(ErrorSchema, 'too many attempts; try again later'),
});

export const supplyErrors = (missing: string) =>
  errorResponses(`no such ${missing}`, 'the record cannot change (a retired generator)');

export const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** The language of a printed document (PDF): `lang`, else the caller's chosen one, else English. */
export const DocumentLangQuery = z.object({
  lang: z.enum(DOCUMENT_LANGS).optional().openapi({
    description: "The document's language; default the user's chosen language, else English",
  }),
});

export const documentLang = (lang: DocumentLang | undefined, who: Caller): DocumentLang =>
  lang ?? who.locale ?? 'en';
