import type { Context, Hono, Next } from 'hono';
import type { HttpEnv } from '../http-env.js';
import type { HomeHandler } from '../routes/home-route.js';
import { problem, problemResponse } from '../problem/problem.js';
import { HTTP_MESSAGES } from '../problem/problem-messages.js';
import type { WebAppFile, WebAppFiles } from './web-app-files.js';
import {
  IMMUTABLE,
  isReservedPath,
  looksLikeFile,
  NO_STORE,
  REVALIDATE,
  WEB_APP_CSP,
} from './web-app-policy.js';

function send(c: Context<HttpEnv>, file: WebAppFile, cacheControl: string): Response {
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Security-Policy': WEB_APP_CSP,
    'Cache-Control': cacheControl,
    ETag: file.etag,
    Vary: 'Accept-Encoding',
  };
  if (cacheControl !== NO_STORE && c.req.header('if-none-match') === file.etag) {
    return c.body(null, 304, headers);
  }
  const gzip = file.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  if (gzip) headers['Content-Encoding'] = 'gzip';
  const body = (gzip ? file.gzip : file.body) as Uint8Array<ArrayBuffer>;
  return c.body(body, 200, headers);
}

const missing = (c: Context<HttpEnv>) =>
  problemResponse(c, problem(404, 'NOT_FOUND', HTTP_MESSAGES.notFound(c.req.path)));

/** `GET /` of a process that serves the web app: its index.html (the HomeHandler of ADR 0213). */
export function webAppIndex(site: WebAppFiles): HomeHandler {
  return (c) => send(c, site.index, NO_STORE);
}

/**
 * Serves the built web app next to the API (ADR 0213): `/assets/*` immutable, other files
 * revalidated, and every other GET that is not an API, health, metrics or docs path gets
 * index.html (the app's router draws the screen). Registered after every API route, so a known
 * route always wins; an unknown reserved path falls through to the 404/405 problem.
 */
export function mountWebApp(app: Hono<HttpEnv>, site: WebAppFiles): void {
  app.get('/assets/*', (c) => {
    const file = site.files.get(c.req.path);
    return file === undefined ? missing(c) : send(c, file, IMMUTABLE);
  });
  app.get('*', async (c: Context<HttpEnv>, next: Next) => {
    const path = c.req.path;
    if (isReservedPath(path)) return next();
    if (path === '/index.html') return send(c, site.index, NO_STORE);
    const file = site.files.get(path);
    if (file !== undefined) return send(c, file, REVALIDATE);
    if (looksLikeFile(path)) return missing(c);
    return send(c, site.index, NO_STORE);
  });
}
