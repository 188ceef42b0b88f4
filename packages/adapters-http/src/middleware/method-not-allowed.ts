import type { Context, Hono } from 'hono';
import type { HttpEnv } from '../http-env.js';
import { problem, problemResponse } from '../problem/problem.js';
import { HTTP_MESSAGES } from '../problem/problem-messages.js';

interface RoutePattern {
  readonly regex: RegExp;
  readonly methods: Set<string>;
}

/**
 * Hono answers 404 for a known path with an unknown method; HTTP says 405 with Allow.
 * Built lazily from the registered routes, so it can never drift from the router.
 */
export function notFoundOrMethodNotAllowed(app: Hono<HttpEnv>): (c: Context<HttpEnv>) => Response {
  let patterns: RoutePattern[] | undefined;
  return (c) => {
    patterns ??= collect(app);
    const path = c.req.path;
    const allowed = new Set<string>();
    for (const pattern of patterns) {
      if (pattern.regex.test(path)) for (const m of pattern.methods) allowed.add(m);
    }
    if (allowed.size === 0) {
      return problemResponse(c, problem(404, 'NOT_FOUND', HTTP_MESSAGES.notFound(path)));
    }
    if (allowed.has('GET')) allowed.add('HEAD');
    allowed.add('OPTIONS');
    const allow = [...allowed].sort().join(', ');
    return problemResponse(
      c,
      problem(405, 'METHOD_NOT_ALLOWED', `El método ${c.req.method} no está permitido en ${path}.`),
      { Allow: allow },
    );
  };
}

function collect(app: Hono<HttpEnv>): RoutePattern[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ regex: toRegex(path), methods }));
}

function toRegex(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}
