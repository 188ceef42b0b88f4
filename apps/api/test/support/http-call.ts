/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-member-access --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** One JSON call to /api/v1 of the instance at `baseUrl`. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(options.token !== undefined && { Authorization: `Bearer ${options.token}` }),
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
}

/**
 * Registers a client with e-mail notifications and returns its access token. With `codeFor`
 * (where the test reads the code that was mailed), the address is verified too, so the client is
 * notified (ADR 0405).
 */
export async function registeredClient(
  baseUrl: string,
  email: string,
  codeFor?: (email: string) => Promise<string>,
): Promise<string> {
  const password = 'una-clave-muy-segura';
  const registered = await call(baseUrl, 'POST', '/auth/register', {
    body: { email, password, fullName: 'Cliente Flota', notificationPreference: 'email' },
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
  const login = await call(baseUrl, 'POST', '/auth/login', { body: { email, password } });
  const token = login.body.accessToken as string;
  if (codeFor !== undefined) {
    const body = { channel: 'email' };
    const sent = await call(baseUrl, 'POST', '/me/verification', { body, token });
    if (sent.status !== 202) throw new Error(`verification: ${sent.status}`);
    const code = await codeFor(email);
    const done = await call(baseUrl, 'POST', '/me/verification/confirm', {
      body: { ...body, code },
      token,
    });
    if (done.status !== 200) throw new Error(`confirm: ${done.status}`);
  }
  return token;
}
