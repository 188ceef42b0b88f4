import { Writable } from 'node:stream';
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { censorSecrets, SECRET_KEYS } from '../src/runtime/censor-secrets.js';
import { createLogger } from '../src/runtime/logger.js';

/** The lines a logger writes, parsed, without the time (the only field that differs by run). */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const { time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>;
        lines.push(rest);
      }
      done();
    },
  });
  return { lines, stream };
}

/** What the logger was configured with before ADR 0702: pino's own `redact` paths. */
function redactPathsLogger(stream: Writable) {
  return pino(
    {
      base: { service: 'btg-funds-api' },
      serializers: { err: pino.stdSerializers.errWithCause },
      redact: {
        paths: [
          ...SECRET_KEYS.map((key) => `["${key}"]`),
          ...SECRET_KEYS.map((key) => `*["${key}"]`),
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    stream,
  );
}

const KEYS = [...SECRET_KEYS, 'name', 'req', 'headers', 'user', 'count', 'route', 'err'];
const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null));
const { entry } = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 3 }, leaf, tie('entry'), fc.array(leaf, { maxLength: 2 })),
  entry: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
}));

describe('censorSecrets (ADR 0702)', () => {
  it('writes exactly the lines pino redact paths wrote, for any entry', () => {
    fc.assert(
      fc.property(entry, (fields) => {
        const before = capture();
        const after = capture();
        redactPathsLogger(before.stream).info(structuredClone(fields), 'line');
        createLogger({ level: 'info' }, after.stream).info(structuredClone(fields), 'line');
        expect(after.lines).toEqual(before.lines);
      }),
      { numRuns: 500 },
    );
  });

  it('censors a secret on an error and keeps the error (message, stack, cause)', () => {
    const before = capture();
    const after = capture();
    const error = Object.assign(new Error('boom', { cause: new Error('root') }), {
      token: 't-123',
      code: 7,
    });
    redactPathsLogger(before.stream).error({ err: error }, 'failed');
    createLogger({ level: 'info' }, after.stream).error({ err: error }, 'failed');
    expect(error.token).toBe('t-123'); // the caller's error is untouched
    expect(after.lines).toEqual(before.lines);
    expect(after.lines[0]).toMatchObject({
      err: { message: 'boom', token: '[redacted]', code: 7, cause: { message: 'root' } },
    });
  });

  it('never changes the caller’s objects, and returns an entry without secrets as it is', () => {
    const clean = { method: 'GET', route: '/api/v1/funds', status: 200, user: { name: 'Ana' } };
    expect(censorSecrets(clean)).toBe(clean);
    const dirty = { user: { password: 'x' }, req: { headers: { cookie: 'c', accept: '*/*' } } };
    const copy = structuredClone(dirty);
    expect(censorSecrets(dirty)).toEqual({
      user: { password: '[redacted]' },
      req: { headers: { cookie: '[redacted]', accept: '*/*' } },
    });
    expect(dirty).toEqual(copy);
  });
});
