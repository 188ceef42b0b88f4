import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { HttpEnv } from '../http-env.js';

type Served<R extends RouteConfig> = Omit<R, 'request'> & {
  readonly request: Omit<NonNullable<R['request']>, 'headers'>;
  readonly hide: true;
};

/**
 * Registers `route` in the OpenAPI document as declared, request headers included, and returns it
 * for serving without @hono/zod-openapi's header validator (ADR 0704, 0719): that validator asks
 * for every header of the request, which on @hono/node-server builds a WHATWG `Headers` object.
 * The route reads the headers it needs by name instead (`declaredHeaders`, or `c.req.header`).
 */
export function servedWithoutHeaderValidator<R extends RouteConfig>(
  router: OpenAPIHono<HttpEnv>,
  route: R,
): Served<R> {
  return servedWithout(router, route, ['headers']) as Served<R>;
}

type ServedBare<R extends RouteConfig> = Omit<R, 'request'> & {
  readonly request: Omit<NonNullable<R['request']>, 'headers' | 'body' | 'params'>;
  readonly hide: true;
};

/**
 * As `servedWithoutHeaderValidator`, and without @hono/zod-openapi's body and path validators
 * either (ADR 0727): the route validates them with `declaredJsonBody` and `declaredParams`, in
 * its own middleware, against the same schemas the document shows.
 */
export function servedWithDeclaredValidators<R extends RouteConfig>(
  router: OpenAPIHono<HttpEnv>,
  route: R,
): ServedBare<R> {
  return servedWithout(router, route, ['headers', 'body', 'params']) as ServedBare<R>;
}

/** Registers `route` in the document as declared; serves it without the validators of `parts`. */
function servedWithout(
  router: OpenAPIHono<HttpEnv>,
  route: RouteConfig,
  parts: readonly ('headers' | 'body' | 'params')[],
): RouteConfig & { readonly hide: true } {
  router.openAPIRegistry.registerPath(route);
  const request = { ...route.request };
  for (const part of parts) delete request[part];
  return { ...route, request, hide: true };
}
