/**
 * The browser-facing defences: security headers on every response, an Origin check on every
 * state-changing request that rides on a session cookie (CSRF), and Secure cookies whenever the
 * browser reached us over HTTPS.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { errorResponse } from './http-error.js';
import { problem } from './service-error.js';

/**
 * Content-Security-Policy: scripts, styles, fonts and data only from this origin; inline styles
 * are allowed because ECharts and Swagger UI set them; nothing may frame the product.
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin (scheme://host[:port]) the browser used to reach us. */
export function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const forwardedProto = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0] : undefined;
  const forwardedHost = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0] : undefined;
  const proto = (forwardedProto?.trim() || url.protocol.replace(':', '')).toLowerCase();
  const host = (forwardedHost?.trim() || c.req.header('host') || url.host).toLowerCase();
  return `${proto}://${host}`;
}

/** Whether the browser reached us over HTTPS (directly, or through a proxy we trust that says so). */
export function reachedOverHttps(c: Context, trustProxy: boolean): boolean {
  return publicOrigin(c, trustProxy).startsWith('https://');
}

/**
 * Refuses a state-changing request that carries the session cookie from another origin. A
 * browser always sends `Origin` (or `Sec-Fetch-Site`) with such a request; scripts and partner
 * systems that send neither are not browsers and are let through to the usual sign-in check.
 */
export const sameOriginForCookies = (options: {
  cookie: string;
  trustProxy: boolean;
}): MiddlewareHandler =>
  async function sameOrigin(c, next) {
    if (!UNSAFE.has(c.req.method) || getCookie(c, options.cookie) === undefined) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const expected = publicOrigin(c, options.trustProxy);
    const crossSite =
      origin !== undefined && origin !== 'null'
        ? origin.toLowerCase() !== expected
        : origin === 'null' || (site !== undefined && site !== 'same-origin' && site !== 'none');
    if (crossSite) {
      return errorResponse(
        c,
        problem(
          'forbidden',
          `Origin: ${origin ?? site ?? 'unknown'} may not act with this site's session; expected ${expected}`,
        ),
      );
    }
    return next();
  };

/**
 * The client's address, for the sign-in limiter: the connection's peer, or the first address of
 * X-Forwarded-For when a proxy we trust sets it. In-process requests (tests) have neither: "local".
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
