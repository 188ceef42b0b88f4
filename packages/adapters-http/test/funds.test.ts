/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Api } from './support/test-app.js';

describe('funds', () => {
  let api: Api;
  beforeEach(async () => {
    ({ api } = await createTestApp());
  });

  it('lists the five seeded funds publicly, money as decimal strings', async () => {
    const res = await api.send('GET', '/funds');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items[0]).toEqual({
      id: '1',
      name: 'FPV_BTG_PACTUAL_RECAUDADORA',
      minimumAmount: '75000.00',
      category: 'FPV',
      active: true,
    });
    expect(res.body.items.map((f: { id: string }) => f.id)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('gets one fund, or 404 FUND_NOT_FOUND', async () => {
    expect((await api.send('GET', '/funds/4')).body.name).toBe('FDO-ACCIONES');
    const missing = await api.send('GET', '/funds/99');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, code: 'FUND_NOT_FOUND' });
  });

  it('lets only an admin create a fund; a duplicate id is 409', async () => {
    const fund = { id: '6', name: 'FIC_RENTA_FIJA', minimumAmount: 20000, category: 'FIC' };
    expect((await api.send('POST', '/funds', { body: fund })).status).toBe(401);
    const client = await api.newClient();
    expect((await api.send('POST', '/funds', { body: fund, token: client.token })).status).toBe(
      403,
    );
    const admin = await api.adminToken();
    const created = await api.send('POST', '/funds', { body: fund, token: admin });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...fund, minimumAmount: '20000.00', active: true });
    const again = await api.send('POST', '/funds', { body: fund, token: admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FUND_ALREADY_EXISTS');
  });

  it('rejects an invalid fund with 400 (schema and domain rules)', async () => {
    const admin = await api.adminToken();
    const bad = { id: '7', name: '<script>', minimumAmount: '1000', category: 'FIC' };
    const res = await api.send('POST', '/funds', { body: bad, token: admin });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_FUND');
    const badCategory = { ...bad, name: 'OK', category: 'XYZ' };
    expect((await api.send('POST', '/funds', { body: badCategory, token: admin })).body.code).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('lets an admin patch a fund; unknown fund 404; unknown field 400', async () => {
    const admin = await api.adminToken();
    const res = await api.send('PATCH', '/funds/3', {
      body: { minimumAmount: '60000.50', active: false },
      token: admin,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: '3', minimumAmount: '60000.50', active: false });
    expect(
      (await api.send('PATCH', '/funds/99', { body: { active: true }, token: admin })).status,
    ).toBe(404);
    const extra = await api.send('PATCH', '/funds/3', { body: { category: 'FPV' }, token: admin });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].path).toBeDefined();
  });
});
