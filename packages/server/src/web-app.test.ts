import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { App, AppDeps } from './app-env.js';

/** The built web app at /, next to the API; none of these requests needs the database. */
const noDatabase = new Proxy(
  {},
  {
    get() {
      throw new Error('these requests must not touch the database');
    },
  },
) as AppDeps['db'];
const deps = { db: noDatabase, now: () => new Date(0), databaseKind: 'none', secureCookies: false };
let root: string;
let app: App;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'halflife-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Halflife</title><div id="root">');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  app = createApp({ ...deps, webRoot: root });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the web app served by the API server', () => {
  it('serves index.html at / and for the app’s own paths', async () => {
    for (const path of ['/', '/orders', '/decay/x']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves its assets with their type and a long cache', async () => {
    const res = await app.request('/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('never serves a file outside its folder', async () => {
    const res = await app.request('/..%2F..%2Fetc%2Fpasswd');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('keeps /api: the document, and a JSON 404 for an unknown API path', async () => {
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    const res = await app.request('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('without a web folder, / is a JSON 404 as before', async () => {
    const res = await createApp(deps).request('/');
    expect(res.status).toBe(404);
  });
});
