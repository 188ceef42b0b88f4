import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../http-env.js';
import { HEADER_COMPONENTS, ProblemCodeSchema, ProblemSchema } from './common.js';

/**
 * Components every operation refers to by `$ref`: the bearer scheme, the problem schemas (each
 * error response narrows `code` to its own enum) and the shared response headers.
 */
export function registerComponents(api: OpenAPIHono<HttpEnv>): void {
  const registry = api.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'El accessToken de /auth/login o /auth/refresh',
  });
  registry.register('ProblemCode', ProblemCodeSchema);
  registry.register('Problem', ProblemSchema);
  for (const [name, header] of Object.entries(HEADER_COMPONENTS)) {
    registry.registerComponent('headers', name, header);
  }
}
