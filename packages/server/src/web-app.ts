import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { App } from './app-env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * The web app (packages/web/dist) at /: its files as they are, and index.html for any other
 * path outside /api so that the app's own routes (/orders, /decay…) survive a reload.
 */
export function webAppRoutes(app: App, root: string): void {
  const base = normalize(root) + sep;
  const index = join(base, 'index.html');
  app.get('*', (c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.notFound();
    const file = normalize(join(base, decodeURIComponent(c.req.path)));
    if (file.startsWith(base) && existsSync(file) && statSync(file).isFile()) {
      const hashed = file.startsWith(join(base, 'assets') + sep);
      return new Response(readFileSync(file), {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    }
    if (!existsSync(index)) return c.notFound();
    return c.html(readFileSync(index, 'utf8'), 200, { 'cache-control': 'no-cache' });
  });
}
