import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { HttpEnv } from '../src/http-env.js';
import { requireJsonBody } from '../src/middleware/content-type.js';
import { declaredJsonBody, declaredParams } from '../src/middleware/declared-request.js';
import { requestId } from '../src/middleware/request-id.js';
import { handleError } from '../src/problem/error-handler.js';
import { validationHook } from '../src/problem/validation-hook.js';
import { servedWithDeclaredValidators } from '../src/routes/served-without-header-validator.js';
import { SubscribeBody, SubscriptionIdParam } from '../src/schemas/subscription-schemas.js';
import { jsonBody } from '../src/schemas/responses.js';

const subscribe = createRoute({
  method: 'post',
  path: '/subscriptions',
  request: { body: jsonBody(SubscribeBody) },
  responses: { 200: { description: 'ok' } },
});
const cancel = createRoute({
  method: 'delete',
  path: '/subscriptions/{id}',
  request: { params: SubscriptionIdParam },
  responses: { 200: { description: 'ok' } },
});

/** The two routes behind the global body guard and the error handler, validated either way. */
function appValidatedBy(validators: 'zod-openapi' | 'declared'): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });
  app.use('*', requestId());
  app.use('*', requireJsonBody());
  app.onError((error, c) => handleError(error, c, () => undefined));
  if (validators === 'zod-openapi') {
    app.openapi(subscribe, (c) => c.json({ got: c.req.valid('json') }, 200));
    app.openapi(cancel, (c) => c.json({ got: c.req.valid('param') }, 200));
  } else {
    const body = declaredJsonBody(SubscribeBody);
    const params = declaredParams(SubscriptionIdParam);
    app.openapi(
      { ...servedWithDeclaredValidators(app, subscribe), middleware: [body.validate] },
      (c) => c.json({ got: body.read(c) }, 200),
    );
    app.openapi(
      { ...servedWithDeclaredValidators(app, cancel), middleware: [params.validate] },
      (c) => c.json({ got: params.read(c) }, 200),
    );
  }
  return app;
}

interface Sent {
  readonly method: 'POST' | 'DELETE';
  readonly path: string;
  readonly contentType?: string;
  readonly body?: string;
}

const POSTS: readonly Sent[] = [
  { body: '{"fundId":"3"}' },
  { body: '{"fundId":"3","amount":"75000.50","notify":"sms"}' },
  { body: '{"fundId":"3","amount":75000}' },
  { body: '{"fundId":""}' },
  { body: '{"fundId":3}' },
  { body: '{"fundId":"3","extra":true}' },
  { body: '{"amount":"-1"}' },
  { body: '{"fundId":"3","amount":"1e5"}' },
  { body: '{"fundId":"3","notify":"fax"}' },
  { body: '[]' },
  { body: 'null' },
  { body: '"texto"' },
  { body: '{"fundId":' },
  { body: '{"fundId":"3"} basura' },
  { body: '' },
  { body: '{"fundId":"3"}', contentType: 'application/json; charset=utf-8' },
  { body: '{"fundId":"3"}', contentType: 'APPLICATION/JSON' },
  { body: '{"fundId":"3"}', contentType: 'application/vnd.btg+json' },
  { body: '{"fundId":"3"}', contentType: 'application/vnd1+json' },
  { body: '{"fundId":"3"}', contentType: 'application/json; charset' },
  { body: '{"fundId":"3"}', contentType: 'application/json;charset=utf-8;q=1' },
  { body: '{"fundId":"3"}', contentType: 'text/plain' },
  { body: '{"fundId":"3"}', contentType: 'application/jsonx' },
  { body: 'fundId=3', contentType: 'application/x-www-form-urlencoded' },
].map((sent) => ({
  method: 'POST',
  path: '/subscriptions',
  contentType: 'application/json',
  ...sent,
}));

const DELETES: readonly Sent[] = [
  { method: 'DELETE', path: '/subscriptions/0b8f4c3e-8a1f-4c9e-9d2a-1f2e3d4c5b6a' },
  { method: 'DELETE', path: `/subscriptions/${'x'.repeat(129)}` },
  { method: 'DELETE', path: `/subscriptions/${'x'.repeat(128)}` },
  { method: 'DELETE', path: '/subscriptions/%E2%9C%93%20y%2Fz' },
  { method: 'DELETE', path: '/subscriptions/a', contentType: 'application/json', body: '{}' },
  { method: 'DELETE', path: '/subscriptions/a', contentType: 'text/plain', body: 'x' },
];

async function answer(app: OpenAPIHono<HttpEnv>, sent: Sent) {
  const headers: Record<string, string> = {};
  if (sent.contentType !== undefined) headers['content-type'] = sent.contentType;
  if (sent.body !== undefined) headers['content-length'] = String(Buffer.byteLength(sent.body));
  const res = await app.request(sent.path, {
    method: sent.method,
    headers,
    ...(sent.body !== undefined && { body: sent.body }),
  });
  const body = (await res.json()) as Record<string, unknown>;
  // Each answer carries its own request id; everything else must match.
  delete body.requestId;
  return { status: res.status, contentType: res.headers.get('content-type'), body };
}

describe('body and path validated by our own middleware (ADR 0727)', () => {
  const theirs = appValidatedBy('zod-openapi');
  const ours = appValidatedBy('declared');

  it.each(
    [...POSTS, ...DELETES].map(
      (sent) =>
        [
          `${sent.method} ${sent.path.slice(0, 40)} ${sent.contentType ?? '-'} ${sent.body ?? '-'}`,
          sent,
        ] as const,
    ),
  )('answers %s exactly as @hono/zod-openapi does', async (_name, sent) => {
    expect(await answer(ours, sent)).toEqual(await answer(theirs, sent));
  });

  it('covers accepted, refused and malformed requests alike (the comparison is not vacuous)', async () => {
    const statuses = new Set<number>();
    for (const sent of [...POSTS, ...DELETES]) statuses.add((await answer(ours, sent)).status);
    expect([...statuses].sort()).toEqual([200, 400, 415]);
    const valid = await answer(ours, POSTS[1]!);
    expect(valid.body.got).toEqual({ fundId: '3', amount: '75000.50', notify: 'sms' });
  });

  it('keeps the OpenAPI document as declared: body, path and their schemas', () => {
    const paths = ours.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    }).paths!;
    const documented = paths['/subscriptions']!.post!;
    expect(documented.requestBody).toEqual(
      theirs.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } }).paths![
        '/subscriptions'
      ]!.post!.requestBody,
    );
    expect(paths['/subscriptions/{id}']!.delete!.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
  });
});
