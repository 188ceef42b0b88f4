import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/test-app.js';

describe('OpenAPI document and docs', () => {
  it('documents every route, every response and the bearer scheme (OpenAPI 3.1)', async () => {
    const { app } = await createTestApp({ overrides: { metrics: (c) => c.text('') } });
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; security?: unknown }>
      >;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'POST /api/v1/auth/register',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/auth/logout',
        'GET /api/v1/me',
        'PATCH /api/v1/me',
        'POST /api/v1/me/verification',
        'POST /api/v1/me/verification/confirm',
        'GET /api/v1/funds',
        'POST /api/v1/funds',
        'GET /api/v1/funds/{fundId}',
        'PATCH /api/v1/funds/{fundId}',
        'POST /api/v1/subscriptions',
        'GET /api/v1/subscriptions',
        'GET /api/v1/subscriptions/{id}',
        'DELETE /api/v1/subscriptions/{id}',
        'GET /api/v1/transactions',
        'GET /api/v1/transactions/{id}',
        'GET /api/v1/notifications',
        'GET /api/v1/admin/clients',
        'GET /api/v1/admin/clients/{id}',
        'GET /api/v1/admin/clients/{id}/transactions',
        'GET /api/v1/health',
        'GET /api/v1/health/ready',
        'GET /api/v1/metrics',
      ].sort(),
    );
    const subscribe = doc.paths['/api/v1/subscriptions']!.post!;
    expect(Object.keys(subscribe.responses).sort()).toEqual(
      [
        '201',
        '400',
        '401',
        '403',
        '404',
        '408',
        '409',
        '413',
        '415',
        '422',
        '429',
        '500',
        '503',
        '504',
      ].sort(),
    );
    expect(subscribe.security).toEqual([{ bearerAuth: [] }]);
  });

  it('serves Swagger UI from local assets only, under a CSP that allows them', async () => {
    const { app } = await createTestApp();
    const page = await app.request('/api/v1/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const res = await app.request(asset);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    expect((await app.request('/api/v1/docs/assets/package.json')).status).toBe(404);
    expect((await app.request('/api/v1/docs/assets/..%2Fpackage.json')).status).toBe(404);
    expect((await app.request('/docs')).headers.get('location')).toBe('/api/v1/docs');
  });
});
