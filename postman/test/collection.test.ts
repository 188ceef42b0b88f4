import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCollection,
  buildFiles,
  OPENAPI_JSON,
  serialize,
  type PostmanCollection,
  type PostmanRequestItem,
} from '../scripts/build.mjs';

const STALE = 'the Postman files differ from openapi.json: run `npm run postman` and commit them';
const HAND_KEPT = ['Historia BTG', 'Administración'];
const REFUSAL = 'No tiene saldo disponible para vincularse al fondo FDO-ACCIONES';

interface Operation {
  operationId: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

const documentText = readFileSync(OPENAPI_JSON, 'utf8');
const document = JSON.parse(documentText) as { paths: Record<string, Record<string, Operation>> };
let collection: PostmanCollection;

beforeAll(() => {
  collection = buildCollection(documentText);
});

const generatedItems = () =>
  collection.item.filter((f) => !HAND_KEPT.includes(f.name)).flatMap((f) => f.item);
const folder = (name: string) => collection.item.find((f) => f.name === name)!;
const script = (item: PostmanRequestItem, listen: 'test' | 'prerequest') =>
  (item.event ?? []).find((e) => e.listen === listen)?.script.exec.join('\n') ?? '';
const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
const itemFor = (method: string, path: string) => {
  const postmanPath = path.replace(/\{([^}]+)\}/g, ':$1').slice(1);
  return generatedItems().filter(
    (i) =>
      i.request.method === method.toUpperCase() && i.request.url.path.join('/') === postmanPath,
  );
};

describe('the committed Postman files', () => {
  it('are what the generator makes of the committed openapi.json, byte for byte', () => {
    for (const [file, expected] of buildFiles(documentText)) {
      expect(readFileSync(file, 'utf8'), `${file.pathname}: ${STALE}`).toBe(expected);
    }
  });

  it('notice a change of the document (the drift check is not blind)', () => {
    const changed = documentText.replace(
      '"summary": "Todos los fondos (público)"',
      '"summary": "Todos los fondos"',
    );
    expect(changed).not.toBe(documentText);
    const committed = readFileSync(
      new URL('../btg-funds.postman_collection.json', import.meta.url),
      'utf8',
    );
    expect(serialize(buildCollection(changed))).not.toBe(committed);
  });

  it('come out the same on every run (seeded faker, name-based ids) and leave Math.random alone', () => {
    const random = Math.random;
    expect(serialize(buildCollection(documentText))).toBe(serialize(collection));
    expect(Math.random).toBe(random);
  });
});

describe('the generated folders', () => {
  it('hold every operation of openapi.json exactly once', () => {
    for (const { path, method } of operations()) {
      expect(itemFor(method, path), `${method} ${path}`).toHaveLength(1);
    }
    expect(generatedItems()).toHaveLength(operations().length);
  });

  it('send the bearer {{accessToken}} exactly where the document asks for it', () => {
    expect(collection.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }],
    });
    for (const { path, method, operation } of operations()) {
      const [item] = itemFor(method, path);
      const secured = (operation.security ?? []).length > 0;
      expect(item!.request.auth?.type ?? 'inherit', operation.operationId).toBe(
        secured ? 'inherit' : 'noauth',
      );
    }
  });

  it('keep no saved example the document does not state (the faker would contradict it)', () => {
    for (const { path, method, operation } of operations()) {
      for (const saved of itemFor(method, path)[0]!.response) {
        const problem =
          operation.responses[String(saved.code)]?.content?.['application/problem+json'];
        if (problem === undefined) continue;
        expect(problem.example, `${operation.operationId} ${saved.code}`).toBeDefined();
        const body = JSON.parse(saved.body!) as { status: number };
        expect(body.status, `${operation.operationId} ${saved.code}`).toBe(saved.code);
      }
    }
  });

  it('store the session after a login or a refresh, and refresh with {{refreshToken}}', () => {
    const [login] = itemFor('post', '/api/v1/auth/login');
    const [refresh] = itemFor('post', '/api/v1/auth/refresh');
    for (const item of [login!, refresh!]) {
      expect(script(item, 'test')).toContain("store('accessToken', session.accessToken)");
      expect(script(item, 'test')).toContain("store('refreshToken', session.refreshToken)");
    }
    expect(JSON.parse(refresh!.request.body!.raw)).toEqual({ refreshToken: '{{refreshToken}}' });
  });

  it('send a fresh Idempotency-Key with every money call', () => {
    for (const [method, path] of [
      ['post', '/api/v1/subscriptions'],
      ['delete', '/api/v1/subscriptions/{id}'],
    ] as const) {
      const header = itemFor(method, path)[0]!.request.header.find(
        (h) => h.key === 'Idempotency-Key',
      );
      expect(header).toEqual(expect.objectContaining({ value: '{{$guid}}' }));
      expect(header!.disabled).toBeUndefined();
    }
  });
});

describe('the "Historia BTG" folder', () => {
  it('comes first and tells the story in order', () => {
    expect(collection.item.map((f) => f.name).slice(0, 2)).toEqual(HAND_KEPT);
    const steps = folder('Historia BTG').item.map(
      (i) => `${i.request.method} ${i.request.url.raw}`,
    );
    expect(steps).toEqual([
      'POST {{baseUrl}}/api/v1/auth/register',
      'POST {{baseUrl}}/api/v1/auth/login',
      'GET {{baseUrl}}/api/v1/funds',
      ...['1', '2', '3', '5', '4'].map(() => 'POST {{baseUrl}}/api/v1/subscriptions'),
      'DELETE {{baseUrl}}/api/v1/subscriptions/{{storySubscriptionId}}',
      'GET {{baseUrl}}/api/v1/me',
      'GET {{baseUrl}}/api/v1/transactions',
    ]);
    const funds = folder('Historia BTG')
      .item.filter((i) => i.request.url.raw === '{{baseUrl}}/api/v1/subscriptions')
      .map((i) => (JSON.parse(i.request.body!.raw) as { fundId: string }).fundId);
    expect(funds).toEqual(['1', '2', '3', '5', '4']);
  });

  it('registers a new e-mail on every run', () => {
    const [register] = folder('Historia BTG').item;
    expect(script(register!, 'prerequest')).toMatch(/store\('storyEmail', .*Date\.now\(\)/);
    expect(JSON.parse(register!.request.body!.raw)).toMatchObject({ email: '{{storyEmail}}' });
  });

  it('asserts the exact Spanish refusal for FDO-ACCIONES', () => {
    const refused = folder('Historia BTG').item.find((i) => i.name.includes('FDO-ACCIONES'))!;
    expect(script(refused, 'test')).toContain(
      `pm.expect(problem.detail).to.equal(${JSON.stringify(REFUSAL)})`,
    );
  });
});

describe('the hand-kept folders', () => {
  const handKept = () => HAND_KEPT.flatMap((name) => folder(name).item);

  it('check every request with pm.test', () => {
    for (const item of handKept()) expect(script(item, 'test'), item.name).toMatch(/pm\.test\(/);
  });

  it('carry scripts that parse as JavaScript', () => {
    const all = collection.item.flatMap((f) => f.item);
    for (const item of all) {
      for (const event of item.event ?? []) {
        const source = `(function (pm) {\n${event.script.exec.join('\n')}\n})`;
        expect(() => new Script(source), item.name).not.toThrow();
      }
    }
  });
});
