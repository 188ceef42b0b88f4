/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-explicit-any --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load-config.js';
import { createContainer } from '../../src/container.js';
import { createLogger } from '../../src/runtime/logger.js';
import { resolve, TOKENS } from '../../src/tokens.js';

export const PASSWORD = 'una-clave-muy-segura';

/**
 * The real composition root, in process: every object the process builds, with its pino
 * logger writing JSON lines into `lines` (what an operator would read), and the Hono app
 * called without a socket. The dispatcher is not started: tests drive the outbox themselves.
 */
export async function inProcessApi(env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', BCRYPT_COST: '4', RATE_LIMITS: 'off', ...env });
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = createLogger({ level: 'info' }, sink);
  const container = createContainer(config, logger);
  await resolve(container, TOKENS.SeedFunds).execute();
  const app = resolve(container, TOKENS.HttpApp);

  let token = '';
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    // Content-Length as Node would send it: the app detects a body by HTTP framing.
    const res = await app.request(path.startsWith('/api') ? path : `/api/v1${path}`, {
      method,
      headers: {
        ...(token !== '' && { Authorization: `Bearer ${token}` }),
        ...(payload !== undefined && {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(payload)),
        }),
        ...headers,
      },
      ...(payload !== undefined && { body: payload }),
    });
    const text = await res.text();
    const json: any = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
    return { status: res.status, headers: res.headers, text, body: json };
  };

  /**
   * The code of the last console-delivered message, read from the log as a developer on
   * `npm start` reads it (no provider configured: the console sender prints the message).
   */
  const loggedCode = (): string => {
    const line = [...lines]
      .reverse()
      .find((l) => String(l.msg).includes('console delivery') && String(l.text).includes('código'));
    const text = typeof line?.text === 'string' ? line.text : '';
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (code === undefined) throw new Error('no verification code in the log');
    return code;
  };

  /** Proves the signed-in client's e-mail with the code from the log (ADR 0405). */
  const verifyEmail = async () => {
    const sent = await call('POST', '/me/verification', { channel: 'email' });
    if (sent.status !== 202) throw new Error(`no code sent: ${sent.text}`);
    const done = await call('POST', '/me/verification/confirm', {
      channel: 'email',
      code: loggedCode(),
    });
    if (done.status !== 200) throw new Error(`not verified: ${done.text}`);
  };

  /**
   * Registers (with a phone), logs in and proves the e-mail address; later calls carry the
   * bearer token.
   */
  const signUp = async (email: string, options: { verify?: boolean } = {}) => {
    await call('POST', '/auth/register', {
      email,
      password: PASSWORD,
      fullName: 'Cliente BTG',
      phone: '+573001234567',
      notificationPreference: 'email',
    });
    const login = await call('POST', '/auth/login', { email, password: PASSWORD });
    token = login.body.accessToken as string;
    if (options.verify !== false) await verifyEmail();
    return token;
  };

  return { app, config, container, lines, raw, call, signUp, verifyEmail, loggedCode };
}
