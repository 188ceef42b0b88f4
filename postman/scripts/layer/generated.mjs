// The hand-kept touches on the generated folders, keyed by operationId. Everything else in those
// folders comes from openapi.json through the converter.
import { STORE, storeSession } from './snippets.mjs';
import { bearer, events } from './request.mjs';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** What each operation gets beyond the converter's output. */
export const OPERATION_LAYER = {
  register: {
    tests: `${STORE.trim()}\nif (pm.response.code === 201) store('clientId', pm.response.json().id);`,
  },
  login: { tests: storeSession() },
  refreshSession: { tests: storeSession(), body: { refreshToken: '{{refreshToken}}' } },
  logout: { body: { refreshToken: '{{refreshToken}}' } },
  subscribe: {
    idempotencyKey: true,
    tests: `${STORE.trim()}
if (pm.response.code === 201) {
  const { subscription, transaction } = pm.response.json();
  store('subscriptionId', subscription.id);
  store('transactionId', transaction.id);
}`,
  },
  cancelSubscription: { idempotencyKey: true, pathVariables: { id: '{{subscriptionId}}' } },
  getSubscription: { pathVariables: { id: '{{subscriptionId}}' } },
  getTransaction: { pathVariables: { id: '{{transactionId}}' } },
  getClient: { pathVariables: { id: '{{clientId}}' } },
  listClientTransactions: { pathVariables: { id: '{{clientId}}' } },
};

/** `POST /api/v1/subscriptions/:id` → its OpenAPI operation (with its path and method). */
export function indexOperations(document) {
  const index = new Map();
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;
      index.set(key, { ...operation, path, method });
    }
  }
  return index;
}

/** The same key for a converted request item. */
export function itemKey(item) {
  return `${item.request.method} /${item.request.url.path.join('/')}`;
}

/**
 * Applies the layer to the converter's folders, in place:
 * - an operation without `security` sends no credentials (the rest inherit the collection's
 *   bearer {{accessToken}});
 * - the saved examples keep only what the document states: a problem response it gives no
 *   example for would be invented by the converter's faker (a random code and another status's
 *   text), so that example is dropped;
 * - OPERATION_LAYER's scripts, bodies, path variables and Idempotency-Key headers.
 */
export function applyOperationLayer(folders, document) {
  const operations = indexOperations(document);
  const used = new Set();
  for (const item of folders.flatMap((folder) => folder.item)) {
    const operation = operations.get(itemKey(item));
    if (operation === undefined) throw new Error(`no OpenAPI operation for ${itemKey(item)}`);
    if (operation.security === undefined || operation.security.length === 0) {
      item.request.auth = bearer(null);
    }
    item.response = item.response.filter((saved) => statesItsExample(operation, saved.code));
    const layer = OPERATION_LAYER[operation.operationId];
    if (layer === undefined) continue;
    used.add(operation.operationId);
    applyLayer(item, layer);
  }
  const unused = Object.keys(OPERATION_LAYER).filter((id) => !used.has(id));
  if (unused.length)
    throw new Error(`OPERATION_LAYER names unknown operations: ${unused.join(', ')}`);
}

function statesItsExample(operation, code) {
  const response = operation.responses[String(code)];
  const problem = response?.content?.['application/problem+json'];
  return problem === undefined || problem.example !== undefined || problem.examples !== undefined;
}

function applyLayer(item, layer) {
  if (layer.tests) item.event = events({ tests: layer.tests });
  if (layer.body) {
    const body = { ...JSON.parse(item.request.body.raw), ...layer.body };
    item.request.body.raw = JSON.stringify(body, null, 2);
  }
  for (const [name, value] of Object.entries(layer.pathVariables ?? {})) {
    const variable = item.request.url.variable.find((v) => v.key === name);
    if (variable === undefined) throw new Error(`${itemKey(item)} has no path variable ${name}`);
    variable.value = value;
  }
  if (layer.idempotencyKey) {
    const header = item.request.header.find((h) => h.key === 'Idempotency-Key');
    if (header === undefined) throw new Error(`${itemKey(item)} has no Idempotency-Key header`);
    // A fresh key per send, as the typed client does; resending a saved key replays instead.
    delete header.disabled;
    header.value = '{{$guid}}';
  }
}
