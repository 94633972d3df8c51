import { type Db } from '@halflife/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App } from './app-env.js';
import { seededTestDb } from '../test/seeded-db.js';

/**
 * A property-based fuzzer over the API's own OpenAPI document: every operation gets bodies,
 * query strings and path ids made from its schemas, bent towards what breaks servers (NUL
 * characters, 1e308, 5e-324, -0, huge strings, wrong types, missing and extra fields), from every
 * kind of caller. Nothing may answer 5xx, and every answer is JSON or the page it should be.
 */
const NOW = new Date('2026-11-23T00:00:00Z');
const PASSWORD = 'fuzz-password';
const RUNS_PER_OPERATION = Number(process.env['HALFLIFE_FUZZ_RUNS'] ?? 25);

type Schema = Record<string, unknown>;
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly op: Schema;
}

let db: Db;
let app: App;
let doc: Schema;
const cookies: (string | undefined)[] = [undefined];
const realIds: string[] = [];

beforeAll(async () => {
  db = await seededTestDb({ now: NOW, password: PASSWORD });
  app = createApp({ db: db.kysely, now: () => NOW, databaseKind: db.kind, secureCookies: false });
  doc = (await (await app.request('/api/openapi.json')).json()) as Schema;
  for (const email of [
    'admin@demo.halflife',
    'planner@demo.halflife',
    'radiopharmacist@demo.halflife',
    'qc@demo.halflife',
    'qp@demo.halflife',
    'hospital1.orderer@demo.halflife',
    'hospital1.physician@demo.halflife',
    'study@demo.halflife',
    'analyst@demo.halflife',
  ]) {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0]);
  }
  for (const table of [
    'orders',
    'generators',
    'isotope_lots',
    'sites',
    'hospitals',
    'patients',
  ] as const) {
    const rows = await db.kysely.selectFrom(table).select('id').limit(2).execute();
    realIds.push(...rows.map((r) => r.id));
  }
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const HOSTILE_STRINGS = [
  '',
  '\u0000',
  'a\u0000b',
  '\uD800',
  ' ',
  'x'.repeat(5000),
  '../../etc/passwd',
  "'; DROP TABLE orders; --",
  '2026-11-24',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '2026-11-24T10:00+08:00',
  '2026-11-24T10:00[Mars/Olympus]',
  'Lu-177',
  '1e308',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
];
const HOSTILE_NUMBERS = [0, -0, -1, 1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 1e21, 0.1, 400, 401];

const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], { '': null }),
);

function resolve(schema: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const name = ref.split('/').at(-1) ?? '';
  const components = (doc['components'] as { schemas: Record<string, Schema> }).schemas;
  return resolve(components[name] ?? {});
}

/** A value shaped by `schema`, bent towards trouble; `depth` bounds nesting. */
function valueFor(schemaIn: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(schemaIn);
  const variants = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (variants && depth < 4) return fc.oneof(weird, ...variants.map((v) => valueFor(v, depth + 1)));
  if (Array.isArray(schema['enum'])) {
    return fc.oneof(fc.constantFrom(...(schema['enum'] as unknown[])), weird);
  }
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[])[0] : schema['type'];
  let typed: fc.Arbitrary<unknown>;
  switch (type) {
    case 'object': {
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      if (depth > 4) return weird;
      const entries = Object.entries(props).map(
        ([k, v]) => [k, fc.option(valueFor(v, depth + 1), { nil: undefined })] as const,
      );
      typed = fc
        .record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>)
        .map((o) => JSON.parse(JSON.stringify(o)) as unknown);
      break;
    }
    case 'array':
      typed = fc.array(valueFor((schema['items'] ?? {}) as Schema, depth + 1), { maxLength: 3 });
      break;
    case 'string':
      typed = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...HOSTILE_STRINGS));
      break;
    case 'number':
    case 'integer':
      typed = fc.oneof(
        fc.constantFrom(...HOSTILE_NUMBERS),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
      );
      break;
    case 'boolean':
      typed = fc.boolean();
      break;
    default:
      typed = weird;
  }
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: weird });
}

function operations(): Operation[] {
  const paths = doc['paths'] as Record<string, Record<string, Schema>>;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

// A lone surrogate cannot be written in a URL at all (encodeURIComponent throws): bodies only.
const idArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...realIds),
    fc.uuid(),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== '\uD800')),
  );

/** One request of an operation: path ids, query, body and caller. */
function requestFor(o: Operation): fc.Arbitrary<{ url: string; init: RequestInit }> {
  const params = (o.op['parameters'] ?? []) as Schema[];
  const query = params.filter((p) => p['in'] === 'query');
  const body = (o.op['requestBody'] as { content?: Record<string, { schema: Schema }> } | undefined)
    ?.content?.['application/json']?.schema;
  // Signing out would end the session the other cases use: it is fuzzed without a session.
  const callers = o.path === '/api/auth/logout' ? [undefined] : cookies;
  return fc
    .record({
      id: idArb(),
      query: fc.record(
        Object.fromEntries(
          query.map((p) => [
            p['name'] as string,
            fc.option(valueFor((p['schema'] ?? {}) as Schema), { nil: undefined }),
          ]),
        ) as Record<string, fc.Arbitrary<unknown>>,
      ),
      body: body ? fc.option(valueFor(body), { nil: undefined }) : fc.constant(undefined),
      // A GET carries no body (fetch refuses one); other methods sometimes get a broken one.
      raw:
        o.method === 'GET'
          ? fc.constant(undefined)
          : fc.option(fc.constantFrom('{', '[1,', '"\u0000"', 'null', 'x'.repeat(300)), {
              freq: 8,
              nil: undefined,
            }),
      cookie: fc.constantFrom(...callers),
    })
    .map(({ id, query, body, raw, cookie }) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v !== undefined) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      }
      const url = `${o.path.replace('{id}', encodeURIComponent(id))}${search.size ? `?${search.toString()}` : ''}`;
      const headers: Record<string, string> = {};
      if (cookie) headers['cookie'] = cookie;
      let payload: string | undefined;
      if (raw !== undefined) payload = raw;
      else if (body !== undefined) payload = JSON.stringify(body);
      if (payload !== undefined) headers['content-type'] = 'application/json';
      return { url, init: { method: o.method, headers, body: payload } };
    });
}

describe('the API under hostile input', () => {
  it('answers every operation of its OpenAPI document without a 5xx', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(35);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const o of ops) {
      await fc
        .assert(
          fc.asyncProperty(requestFor(o), async ({ url, init }) => {
            const res = await app.request(url, init);
            const text = await res.text();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500) {
              failures.push(
                `${o.method} ${url} ${typeof init.body === 'string' ? init.body.slice(0, 200) : ''} → ${res.status}`,
              );
              return false;
            }
            if (res.headers.get('content-type')?.includes('json')) JSON.parse(text);
            return true;
          }),
          { numRuns: RUNS_PER_OPERATION, seed: 20261205, endOnFailure: true },
        )
        .catch((e: unknown) => failures.push(`${o.method} ${o.path}: ${String(e).slice(0, 300)}`));
    }
    console.info(
      `fuzzed ${ops.length} operations: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    // The fuzzer reached past validation too, not only into 400s.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(ops.length);
  });
});
