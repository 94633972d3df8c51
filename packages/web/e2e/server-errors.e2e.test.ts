/**
 * The server's refusals in Chinese. The API writes its errors in English; the screens show them
 * through `serverText`. This suite sends every operation of the API's own OpenAPI document
 * requests that must be refused (bodies of the wrong shape, fields of the wrong type, ids that do
 * not exist or are malformed, query values of the wrong kind), as every demo role and as nobody,
 * and holds each refusal the server writes to the catalogues: in Chinese, no English word may
 * remain but the data and the values it quotes; the fields it names are named in Chinese too. A
 * new server message the catalogues do not know fails here.
 */
import { DEMO_LOGINS } from '@halflife/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../src/i18n/i18n.js';
import { serverText } from '../src/i18n/server-texts.js';
import { dataNamesIn, englishIn } from './english-words.js';
import { DEMO_PASSWORD, startProduct, type Product } from './harness.js';

type Schema = { readonly [key: string]: unknown };

/** Requests that act without a body or an id: never sent (they would sign out or start work). */
const SENT_NOTHING = /^(?:post|put|patch|delete) \/api\/(?:auth\/logout)$/;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A value of a type other than the one the schema asks for. */
function wrongFor(schema: Schema | undefined): unknown {
  switch (schema?.['type']) {
    case 'string':
      return 12345;
    case 'array':
      return 'x';
    case 'object':
      return [1];
    default:
      return 'x';
  }
}

let product: Product;
let doc: Schema;

beforeAll(async () => {
  product = await startProduct();
  doc = (await (await fetch(`${product.url}/api/openapi.json`)).json()) as Schema;
}, 300_000);
afterAll(async () => {
  await product?.close();
  await i18n.changeLanguage('en');
});

/** A `$ref` in the document, followed. */
function resolved(schema: unknown): Schema | undefined {
  const s = schema as Schema | undefined;
  const ref = s?.['$ref'];
  if (typeof ref !== 'string') return s;
  const name = ref.split('/').pop() ?? '';
  return resolved(((doc['components'] as Schema)['schemas'] as Schema)[name]);
}

interface Hostile {
  readonly path: string;
  readonly body?: unknown;
}

/** The requests an operation must refuse. */
function hostileRequests(path: string, method: string, op: Schema): Hostile[] {
  const params = (op['parameters'] as Schema[] | undefined) ?? [];
  const query = params.filter((p) => p['in'] === 'query').map((p) => String(p['name']));
  const hasIds = /\{\w+\}/.test(path);
  const withIds = (id: string) => path.replace(/\{\w+\}/g, id);
  const body = resolved(
    (
      ((op['requestBody'] as Schema | undefined)?.['content'] as Schema | undefined)?.[
        'application/json'
      ] as Schema | undefined
    )?.['schema'],
  );
  const paths = hasIds ? [withIds(UNKNOWN_ID), withIds('x')] : [path];
  if (method === 'get' || method === 'delete' || !body) {
    if (method !== 'get' && !hasIds) return [];
    const out: Hostile[] = paths.map((p) => ({ path: p }));
    if (query.length > 0) {
      const q = new URLSearchParams(query.map((name) => [name, '\u00a7x']));
      out.push(...paths.map((p) => ({ path: `${p}?${q}` })));
    }
    return out;
  }
  const properties = (body['properties'] as Schema | undefined) ?? {};
  const wrong = Object.fromEntries(
    Object.entries(properties).map(([name, s]) => [name, wrongFor(resolved(s))]),
  );
  const required = (body['required'] as string[] | undefined) ?? [];
  return paths.flatMap((p) => [
    { path: p, body: [] },
    ...(Object.keys(wrong).length > 0 ? [{ path: p, body: wrong }] : []),
    ...(required.length > 0 ? [{ path: p, body: {} }] : []),
  ]);
}

async function cookieOf(email: string): Promise<string> {
  const res = await fetch(`${product.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: product.url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status, email).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A refusal as the screen shows it, less the values it quotes (what the caller sent). */
function shownWords(chinese: string): string {
  return chinese.replace(/"[^"]*"|“[^”]*”|'[^']*'/g, ' ');
}

describe('the server’s refusals', () => {
  it(
    'are all in Chinese on a Chinese screen, for every operation and caller',
    { timeout: 600_000 },
    async () => {
      const cookies = [
        undefined,
        ...(await Promise.all(DEMO_LOGINS.map((u) => cookieOf(u.email)))),
      ];
      const refusals = new Map<string, string>();
      const note = (text: unknown, where: string) => {
        if (typeof text === 'string' && !refusals.has(text)) refusals.set(text, where);
      };
      const wrongPassword = await fetch(`${product.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: product.url },
        body: JSON.stringify({ email: DEMO_LOGINS[0]?.email, password: 'not the password' }),
      });
      const signInError = ((await wrongPassword.json()) as { error?: { message?: unknown } }).error;
      note(signInError?.message, 'POST /api/auth/login');
      const operations = Object.entries(doc['paths'] as Record<string, Record<string, Schema>>)
        .filter(([path]) => path.startsWith('/api/'))
        .flatMap(([path, ops]) =>
          Object.entries(ops)
            .filter(([method]) => !SENT_NOTHING.test(`${method} ${path}`))
            .map(([method, op]) => ({ path, method, op })),
        );
      let sent = 0;
      for (const { path, method, op } of operations) {
        for (const hostile of hostileRequests(path, method, op)) {
          for (const cookie of cookies) {
            const res = await fetch(`${product.url}${hostile.path}`, {
              method: method.toUpperCase(),
              headers: {
                origin: product.url,
                ...(cookie ? { cookie } : {}),
                ...(hostile.body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(hostile.body === undefined ? {} : { body: JSON.stringify(hostile.body) }),
            });
            sent += 1;
            expect(res.status, `${method} ${hostile.path}`).toBeLessThan(500);
            if (res.status < 400) {
              await res.arrayBuffer();
              continue;
            }
            const error = ((await res.json().catch(() => ({}))) as Schema)['error'] as
              { message?: unknown; issues?: { message?: unknown }[] } | undefined;
            const where = `${method.toUpperCase()} ${hostile.path}`;
            note(error?.message, where);
            for (const issue of error?.issues ?? []) note(issue.message, where);
          }
        }
      }
      await i18n.changeLanguage('zh-CN');
      const data = await dataNamesIn(product.db);
      const untranslated = [...refusals].flatMap(([text, where]) => {
        const chinese = serverText(text);
        const word = englishIn(shownWords(chinese), data);
        return word ? [`${where}: "${text}" → "${chinese}" ← ${word}`] : [];
      });
      console.info(
        `${sent} requests to ${operations.length} operations; ${refusals.size} distinct refusals`,
      );
      expect(untranslated).toEqual([]);
      expect(refusals.size).toBeGreaterThan(50);
    },
  );
});
