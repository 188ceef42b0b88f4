import type { AccessTokenClaims, AccessTokenVerifier } from '@btg-funds/application';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HttpEnv } from '../src/http-env.js';
import { requireRole } from '../src/middleware/require-role.js';
import { HttpProblem } from '../src/problem/http-problem.js';

const CLIENT: AccessTokenClaims = { clientId: 'c-1', role: 'client', sessionId: 's-1' };

/** A verifier that knows one token as verified before, and counts what it is asked. */
function verifierKnowing(known: string | null) {
  const asked = { verify: 0, verifiedBefore: 0 };
  const verifier: AccessTokenVerifier = {
    verify: (token) => {
      asked.verify += 1;
      return token === 'fresh-token' || token === known
        ? Promise.resolve(CLIENT)
        : Promise.reject(new Error('invalid'));
    },
    verifiedBefore: (token) => {
      asked.verifiedBefore += 1;
      return token === known ? CLIENT : undefined;
    },
  };
  return { verifier, asked };
}

function appWith(verifier: AccessTokenVerifier) {
  const app = new Hono<HttpEnv>();
  app.get('/client', requireRole(verifier, 'client'), (c) => c.json(c.get('principal')));
  app.get('/admin', requireRole(verifier, 'admin'), (c) => c.text('admin'));
  app.onError((error) =>
    error instanceof HttpProblem
      ? new Response(error.problem.code, { status: error.problem.status })
      : new Response('boom', { status: 500 }),
  );
  const get = (path: string, authorization?: string) =>
    app.request(path, { headers: authorization === undefined ? {} : { authorization } });
  return { get };
}

describe('requireRole with a verifier that remembers (ADR 0738)', () => {
  it('admits a token verified before without verifying it again', async () => {
    const { verifier, asked } = verifierKnowing('known-token');
    const res = await appWith(verifier).get('/client', 'Bearer known-token');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ clientId: 'c-1', role: 'client', sessionId: 's-1' });
    expect(asked).toEqual({ verify: 0, verifiedBefore: 1 });
  });

  it('still refuses a remembered token on a route of another role (403)', async () => {
    const { verifier } = verifierKnowing('known-token');
    const res = await appWith(verifier).get('/admin', 'Bearer known-token');
    expect(res.status).toBe(403);
  });

  it('verifies a token it does not remember, and refuses a bad one with 401', async () => {
    const { verifier, asked } = verifierKnowing('known-token');
    const { get } = appWith(verifier);
    expect((await get('/client', 'Bearer fresh-token')).status).toBe(200);
    expect(asked.verify).toBe(1);
    expect((await get('/client', 'Bearer forged-token')).status).toBe(401);
    expect(asked.verify).toBe(2);
    // Outside the token68 alphabet: refused before anything is verified.
    expect((await get('/client', 'Bearer bad token')).status).toBe(401);
    expect((await get('/client')).status).toBe(401);
    expect((await get('/client', 'Basic known-token')).status).toBe(401);
    expect(asked.verify).toBe(2);
  });

  it('works with a verifier that remembers nothing (no verifiedBefore)', async () => {
    const { verifier, asked } = verifierKnowing(null);
    const { get } = appWith({ verify: verifier.verify });
    expect((await get('/client', 'Bearer fresh-token')).status).toBe(200);
    expect((await get('/client', 'Bearer other')).status).toBe(401);
    expect(asked).toEqual({ verify: 2, verifiedBefore: 0 });
  });
});
