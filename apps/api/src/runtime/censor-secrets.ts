/** Keys whose values never reach a log line, at the top level or one object down. */
export const SECRET_KEYS: readonly string[] = [
  'password',
  'email',
  'phone',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
];

export const CENSOR = '[redacted]';

const SECRET = new Set(SECRET_KEYS);
/** Beyond one level down, only these request headers (what an HTTP library might log). */
const REQUEST_HEADERS = ['authorization', 'cookie'];

type Entry = Record<string, unknown>;

/**
 * The redaction safety net of ADR 0600, in one pass over a log entry (ADR 0702): a secret key at
 * the top level or one object down, and `req.headers.authorization` / `req.headers.cookie`, get
 * CENSOR — the same lines pino's `redact` paths gave. Those paths cost a path parse per key per
 * line (every access-log line, 7 % of `GET /funds`); here an entry without secrets costs one look
 * at each key and is returned as it is. The caller's objects are never modified (copy on write);
 * an Error stays an Error (its serializer keeps message, stack and cause).
 */
export function censorSecrets(entry: Entry): Entry {
  let out: Entry | undefined;
  for (const key in entry) {
    if (!Object.hasOwn(entry, key)) continue;
    const value = entry[key];
    if (SECRET.has(key)) {
      if (value !== undefined) (out ??= { ...entry })[key] = CENSOR;
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    let inner = censorLevel(value as Entry);
    if (key === 'req') inner = censorHeaders(inner);
    if (inner !== value) (out ??= { ...entry })[key] = inner;
  }
  return out ?? entry;
}

/** One object down: its own secret keys only. */
function censorLevel(object: Entry): Entry {
  let out: Entry | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key) || !SECRET.has(key) || object[key] === undefined) continue;
    (out ??= copyOf(object))[key] = CENSOR;
  }
  return out ?? object;
}

function censorHeaders(req: Entry): Entry {
  const headers = req.headers;
  if (headers === null || typeof headers !== 'object') return req;
  let out: Entry | undefined;
  for (const name of REQUEST_HEADERS) {
    if (!Object.hasOwn(headers, name) || (headers as Entry)[name] === undefined) continue;
    (out ??= copyOf(headers as Entry))[name] = CENSOR;
  }
  if (out === undefined) return req;
  const copy = copyOf(req);
  copy.headers = out;
  return copy;
}

/** A shallow copy that keeps the prototype (an Error stays an Error) and own properties. */
function copyOf(object: Entry): Entry {
  if (Object.getPrototypeOf(object) === Object.prototype) return { ...object };
  const copy = Object.create(
    Object.getPrototypeOf(object) as object | null,
    Object.getOwnPropertyDescriptors(object),
  ) as Entry;
  // Since V8 12 (Node 22+) an error's own `stack` is an accessor that reads the stack kept inside
  // the original object: on a copy it answers undefined. Copy the text itself.
  if (object instanceof Error) {
    Object.defineProperty(copy, 'stack', {
      value: object.stack,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return copy;
}
