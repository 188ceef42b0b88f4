/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access-token tampering', () => {
  let api: Api;
  let token: string;
  let clientId: string;
  let ctx: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    ctx = await createTestApp();
    api = ctx.api;
    ({ token, id: clientId } = await api.newClient());
  });
  const me = (t: string) => api.send('GET', '/me', { token: t });
  const claims = () => ({
    sub: clientId,
    role: 'client',
    iss: ctx.jwt.issuer,
    aud: ctx.jwt.audience,
    iat: Math.floor(ctx.clock.now().getTime() / 1000),
    exp: Math.floor(ctx.clock.now().getTime() / 1000) + 900,
  });

  it('accepts the genuine token', async () => {
    expect((await me(token)).status).toBe(200);
  });

  it('rejects alg none', async () => {
    const forged = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claims())}.`;
    expect((await me(forged)).status).toBe(401);
  });

  it('rejects another algorithm (HS256 keyed with the public key)', async () => {
    const publicPem = ctx.jwt.verificationKey.export({ type: 'spki', format: 'pem' });
    const head = `${b64({ alg: 'HS256', typ: 'at+jwt' })}.${b64(claims())}`;
    const sig = createHmac('sha256', publicPem).update(head).digest('base64url');
    expect((await me(`${head}.${sig}`)).status).toBe(401);
  });

  it('rejects a token signed by another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await new SignJWT({ role: 'client' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
      .setSubject(clientId)
      .setIssuer(ctx.jwt.issuer)
      .setAudience(ctx.jwt.audience)
      .setIssuedAt(claims().iat)
      .setExpirationTime(claims().exp)
      .sign(privateKey);
    expect((await me(forged)).status).toBe(401);
  });

  it('rejects an edited payload (role escalated to admin)', async () => {
    const [head, payload, sig] = token.split('.') as [string, string, string];
    const edited = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' };
    const res = await api.send('GET', '/admin/clients', { token: `${head}.${b64(edited)}.${sig}` });
    expect(res.status).toBe(401);
  });

  it('rejects an expired token', async () => {
    ctx.clock.advance(906_000);
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it.each([
    ['aud', { audience: 'another-api' }],
    ['iss', { issuer: 'someone-else' }],
  ])('rejects a wrong %s', async (_claim, change) => {
    const { JoseTokenIssuer } = await import('@btg-funds/adapters-auth');
    const other = await new JoseTokenIssuer({ ...ctx.jwt, ...change }).issue({
      clientId,
      role: 'client',
    });
    expect((await me(other.token)).status).toBe(401);
  });

  it.each([['Basic abc'], ['Bearer'], ['Bearer not.a.jwt'], ['token-without-scheme']])(
    'rejects the Authorization header %j with 401',
    async (header) => {
      const res = await api.send('GET', '/me', { headers: { Authorization: header } });
      expect(res.status).toBe(401);
    },
  );
});
