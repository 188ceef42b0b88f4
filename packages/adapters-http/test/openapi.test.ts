/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any --
   The document is untyped JSON on purpose: the assertions check its shape. */
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../src/index.js';
import { PROTOCOL_STATUS } from '../src/problem/error-status.js';
import { createTestApp } from './support/test-app.js';

const STATUS: Record<string, number> = { ...ERROR_STATUS, ...PROTOCOL_STATUS };

async function documentOf(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const res = await app.request('/api/v1/openapi.json');
  return (await res.json()) as any;
}

function operationsOf(doc: any): [string, any][] {
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): [string, any] => [`${method} ${path}`, op]),
  );
}

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId and a summary', async () => {
    const { app } = await createTestApp({ overrides: { metrics: (c) => c.text('') } });
    const operations = operationsOf(await documentOf(app));
    const ids = operations.map(([, op]) => op.operationId as unknown);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(operations.length);
    for (const [name, op] of operations) expect(op.summary, name).toMatch(/\S/);
  });

  it('lists, for every error response, the codes it may carry, each with that status', async () => {
    const { app } = await createTestApp({ overrides: { metrics: (c) => c.text('') } });
    const doc = await documentOf(app);
    expect(doc.components.schemas.ProblemCode.enum.sort()).toEqual(Object.keys(STATUS).sort());
    let checked = 0;
    for (const [name, op] of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        const problem = response.content?.['application/problem+json'];
        if (Number(status) < 400) continue;
        expect(problem, `${name} ${status}`).toBeDefined();
        const codes: string[] = problem.schema.allOf[1].properties.code.enum;
        expect(codes.length, `${name} ${status}`).toBeGreaterThan(0);
        for (const code of codes) expect(STATUS[code], `${name} ${status} ${code}`).toBe(+status);
        if (problem.example !== undefined) {
          expect(codes, `${name} ${status} example`).toContain(problem.example.code);
          expect(problem.example.status, `${name} ${status} example`).toBe(+status);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('documents 503 on every operation, 408 wherever a body is read, 429 and RateLimit wherever a limit applies', async () => {
    const { app } = await createTestApp({ overrides: { metrics: (c) => c.text('') } });
    const doc = await documentOf(app);
    const limited = [
      'post /api/v1/auth/register',
      'post /api/v1/auth/login',
      'post /api/v1/auth/refresh',
      'post /api/v1/subscriptions',
      'delete /api/v1/subscriptions/{id}',
    ];
    for (const [name, op] of operationsOf(doc)) {
      const statuses = Object.keys(op.responses as Record<string, unknown>);
      expect(statuses, name).toContain('503');
      expect(op.responses['503'].headers, name).toHaveProperty('Retry-After');
      if (op.requestBody !== undefined) {
        expect(statuses, name).toContain('408');
        const codes = op.responses['408'].content['application/problem+json'].schema.allOf[1];
        expect(codes.properties.code.enum, name).toEqual(['BODY_TIMEOUT']);
      }
      if (limited.includes(name)) {
        expect(statuses, name).toContain('429');
        expect(op.responses['429'].headers, name).toHaveProperty('Retry-After');
      }
      // The limit's own headers on every answer of a limited route (ADR 0737), and nowhere else.
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        const headers = Object.keys((response.headers ?? {}) as object);
        const announced = ['RateLimit', 'RateLimit-Policy'].filter((h) => headers.includes(h));
        expect(announced, `${name} ${status}`).toEqual(
          limited.includes(name) ? ['RateLimit', 'RateLimit-Policy'] : [],
        );
      }
    }
    expect(doc.components.headers.RateLimit.schema.example).toMatch(
      /^limit=\d+, remaining=\d+, reset=\d+$/,
    );
  });

  it('names the servers and says in Spanish what each tag is', async () => {
    const { app } = await createTestApp();
    const doc = await documentOf(app);
    expect(doc.servers.map((s: { url: string }) => s.url)).toEqual(['/', 'http://127.0.0.1:3000']);
    const used = new Set(operationsOf(doc).flatMap(([, op]) => op.tags as string[]));
    expect(doc.tags.map((t: { name: string }) => t.name).sort()).toEqual([...used].sort());
  });
});
