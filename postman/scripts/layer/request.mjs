// Builders for the hand-kept requests and their scripts, in Postman collection v2.1 shape.

/** A script's source as Postman stores it: one string per line. */
export function lines(source) {
  return source.trim().split('\n');
}

/** `prerequest` / `test` events for an item, skipping the ones not given. */
export function events({ prerequest, tests }) {
  const made = [];
  if (prerequest)
    made.push({
      listen: 'prerequest',
      script: { type: 'text/javascript', exec: lines(prerequest) },
    });
  if (tests) made.push({ listen: 'test', script: { type: 'text/javascript', exec: lines(tests) } });
  return made;
}

/** Bearer auth from a variable; `null` for a request that sends no credentials. */
export function bearer(variable) {
  if (variable === null) return { type: 'noauth' };
  return { type: 'bearer', bearer: [{ key: 'token', value: `{{${variable}}}`, type: 'string' }] };
}

/** A raw JSON body, two-space indented like the converter's. */
export function jsonBody(value) {
  return {
    mode: 'raw',
    raw: JSON.stringify(value, null, 2),
    options: { raw: { language: 'json' } },
  };
}

/**
 * A request item. `path` is relative to {{baseUrl}}, e.g. '/api/v1/subscriptions/{{subscriptionId}}';
 * `auth` is omitted to inherit the folder's or the collection's, or a `bearer(…)` value.
 */
export function request({
  name,
  description,
  method,
  path,
  query = [],
  headers = [],
  body,
  auth,
  prerequest,
  tests,
}) {
  const [pathname] = path.split('?');
  const url = {
    raw: `{{baseUrl}}${path}${query.length ? `?${query.map((q) => `${q.key}=${q.value}`).join('&')}` : ''}`,
    host: ['{{baseUrl}}'],
    path: pathname.split('/').filter(Boolean),
  };
  if (query.length) url.query = query;
  const header = [...headers];
  if (body !== undefined) header.unshift({ key: 'Content-Type', value: 'application/json' });
  header.push({ key: 'Accept', value: 'application/json' });
  return {
    id: '',
    name,
    event: events({ prerequest, tests }),
    request: {
      ...(auth === undefined ? {} : { auth }),
      method,
      header,
      ...(body === undefined ? {} : { body: jsonBody(body) }),
      url,
      ...(description ? { description } : {}),
    },
    response: [],
  };
}

/** A folder; `auth` as for `request`. */
export function folder({ name, description, auth, items }) {
  return { name, description, ...(auth === undefined ? {} : { auth }), item: items };
}

/** Steps meant to run in order, named "1. …", "2. …". */
export function numbered(items) {
  return items.map((item, index) => ({ ...item, name: `${index + 1}. ${item.name}` }));
}
