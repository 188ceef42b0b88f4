import type { OpenAPIHono } from '@hono/zod-openapi';
import { DOCS_CSP, docsInitScript, docsPage } from '../docs/docs-page.js';
import { SwaggerAssets } from '../docs/swagger-assets.js';
import type { HttpEnv } from '../http-env.js';
import { problem, problemResponse } from '../problem/problem.js';
import { OPENAPI_CONFIG } from './openapi-config.js';

export const API_BASE = '/api/v1';
const DOCS = `${API_BASE}/docs`;
const SPEC = `${API_BASE}/openapi.json`;

/**
 * The OpenAPI 3.1 document (generated once from the route schemas) and Swagger UI served from
 * swagger-ui-dist in node_modules: no CDN, works offline. Root aliases redirect here.
 */
export function mountDocs(app: OpenAPIHono<HttpEnv>): void {
  let spec: string | undefined;
  app.get(SPEC, (c) => {
    spec ??= JSON.stringify(app.getOpenAPI31Document(OPENAPI_CONFIG));
    return c.body(spec, 200, { 'Content-Type': 'application/json' });
  });

  const assets = new SwaggerAssets();
  const docsHeaders = { 'Content-Security-Policy': DOCS_CSP, 'Cache-Control': 'no-cache' };
  app.get(DOCS, (c) => c.html(docsPage(DOCS), 200, docsHeaders));
  app.get(`${DOCS}/init.js`, (c) =>
    c.body(docsInitScript(SPEC), 200, {
      ...docsHeaders,
      'Content-Type': 'text/javascript; charset=utf-8',
    }),
  );
  app.get(`${DOCS}/assets/:name`, (c) => {
    const asset = assets.get(c.req.param('name'));
    if (asset === undefined) {
      return problemResponse(c, problem(404, 'NOT_FOUND', 'El recurso no existe.'));
    }
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': asset.contentType,
      'Content-Security-Policy': DOCS_CSP,
      'Cache-Control': 'public, max-age=86400',
    });
  });

  app.get('/docs', (c) => c.redirect(DOCS, 302));
  app.get('/openapi.json', (c) => c.redirect(SPEC, 302));
}
