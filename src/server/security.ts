// What keeps a running server safe to leave open: security headers on every answer, a Host check against DNS
// rebinding, the token when one is set, and same-origin checks on every write (CSRF).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { errorResponse } from './errors.js';

export const TOKEN_COOKIE = 'podsift_token';
/** Tokens are URL- and cookie-safe, and long enough not to be guessed. */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,256}$/;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' https: http:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  'frame-src https://www.youtube-nocookie.com https://www.youtube.com',
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

function hostName(hostHeader: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(hostHeader.trim());
  return (m?.[1] ?? '').toLowerCase();
}

/**
 * Without a token the server answers only to loopback names: a web page whose DNS name is re-pointed at
 * 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
 */
export function hostCheck(options: { token: string | null }): MiddlewareHandler {
  return async (c, next) => {
    if (options.token) return next();
    const name = hostName(c.req.header('host') ?? '');
    if (!LOOPBACK_NAMES.has(name) && !/^127(\.\d{1,3}){3}$/.test(name)) {
      return errorResponse(c, 403, 'host not allowed: open the app at 127.0.0.1 or localhost');
    }
    return next();
  };
}

function sameSecret(given: string, token: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function presentedToken(c: Context): string | null {
  const auth = c.req.header('authorization');
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  return bearer ?? getCookie(c, TOKEN_COOKIE) ?? null;
}

/**
 * With a token, every request carries it: `Authorization: Bearer …`, or the cookie set by visiting a page once as
 * `/?token=…` (the page then reloads without the token in its address).
 */
export function tokenAuth(options: { token: string | null }): MiddlewareHandler {
  return async (c, next) => {
    const token = options.token;
    if (!token) return next();
    const given = presentedToken(c);
    if (given !== null && sameSecret(given, token)) return next();
    const fromQuery = c.req.query('token');
    const method = c.req.method;
    if (fromQuery !== undefined && (method === 'GET' || method === 'HEAD') && !c.req.path.startsWith('/api/')) {
      if (!sameSecret(fromQuery, token)) return errorResponse(c, 401, 'wrong token');
      setCookie(c, TOKEN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Strict' });
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      return c.body(null, 303, { Location: `${url.pathname}${url.search}` });
    }
    return errorResponse(c, 401, 'this server needs its token: open the address podsift printed (it carries ?token=…) or send Authorization: Bearer <token>', {}, { 'WWW-Authenticate': 'Bearer' });
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes only from the app itself: a browser names the page that sent a request (Sec-Fetch-Site, Origin), and a
 * write from any other site is refused. Clients that are not browsers send neither and are let through (the token,
 * when set, still applies to them).
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') {
      return errorResponse(c, 403, `cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 40)})`);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const host = c.req.header('host') ?? '';
      const own = new URL(c.req.url).protocol + '//' + host;
      if (origin.toLowerCase() !== own.toLowerCase()) return errorResponse(c, 403, 'cross-origin request refused');
    }
    return next();
  };
}
