import { describe, expect, it } from 'vitest';
import { SharedJson, type SharedBody } from '../src/cache/shared-json.js';

/** The shared body as text. */
const textOf = (shared: SharedBody): string => new TextDecoder().decode(shared.bytes);

/** A load the test resolves by hand, counting calls. */
function manualLoad() {
  const calls: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<unknown>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { load, calls };
}

describe('SharedJson (ADR 0704)', () => {
  it('serves one body until it is maxAgeMs old, then loads again', async () => {
    let now = 1_000;
    let version = 1;
    const shared = new SharedJson(
      () => Promise.resolve({ version }),
      500,
      () => now,
    );
    const first = await shared.current();
    expect(textOf(first)).toBe('{"version":1}');
    version = 2;
    now += 499;
    expect(textOf(await shared.current())).toBe('{"version":1}');
    now += 1;
    const second = await shared.current();
    expect(textOf(second)).toBe('{"version":2}');
    expect(second.etag).not.toBe(first.etag);
  });

  it('holds the JSON encoded once as UTF-8, byte for byte, as the answer writes it', async () => {
    const value = { name: 'Acción — Colombia ñ €' };
    const { bytes } = await new SharedJson(() => Promise.resolve(value), 0).current();
    const json = JSON.stringify(value);
    expect(Buffer.from(bytes).equals(Buffer.from(json, 'utf8'))).toBe(true);
    expect(bytes.byteLength).toBeGreaterThan(json.length); // multi-byte characters counted
  });

  it('gives the same ETag to the same body', async () => {
    const a = await new SharedJson(() => Promise.resolve({ items: [1] }), 0).current();
    const b = await new SharedJson(() => Promise.resolve({ items: [1] }), 0).current();
    expect(a.etag).toBe(b.etag);
  });

  it('never keeps what a load read before an invalidation', async () => {
    const { load, calls } = manualLoad();
    const shared = new SharedJson(load, 60_000);
    const early = shared.current();
    shared.invalidate(); // the data changes while the first load is on its way
    const late = shared.current();
    expect(calls).toHaveLength(2);
    calls[0]!.resolve({ v: 'old' });
    calls[1]!.resolve({ v: 'new' });
    expect(textOf(await early)).toBe('{"v":"old"}');
    expect(textOf(await late)).toBe('{"v":"new"}');
    expect(textOf(await shared.current())).toBe('{"v":"new"}');
    expect(calls).toHaveLength(2);
  });

  it('shares one load among concurrent callers and keeps no failure', async () => {
    const { load, calls } = manualLoad();
    const shared = new SharedJson(load, 60_000);
    const both = Promise.allSettled([shared.current(), shared.current()]);
    expect(calls).toHaveLength(1);
    calls[0]!.reject(new Error('store down'));
    expect((await both).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const retry = shared.current();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve([]);
    expect(textOf(await retry)).toBe('[]');
  });
});
