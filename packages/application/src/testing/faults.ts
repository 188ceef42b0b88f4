import { StorageUnavailable } from '../ports/index.js';

/** Wraps one call of a port: decides whether it runs, when, and what the caller is told. */
export type Fault = (call: () => Promise<unknown>) => Promise<unknown>;

/**
 * `target` with some of its methods going through a fault; every other member is the real
 * one. Works on any adapter (memory or Mongo), so contract suites inject the same faults in both.
 */
export function withFaults<T extends object>(
  target: T,
  faults: { readonly [K in keyof T]?: Fault },
): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      const bound = (...args: unknown[]): Promise<unknown> =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
      const fault = faults[property as keyof T];
      return fault === undefined ? bound : (...args: unknown[]) => fault(() => bound(...args));
    },
  });
}

const outage = () => new StorageUnavailable('fallo inyectado por la prueba');

/** The first `times` calls run (the write lands) but report an outage: a reply lost after commit. */
export function landsThenFails(times = 1): Fault {
  let left = times;
  return async (call) => {
    const result = await call();
    if (left <= 0) return result;
    left -= 1;
    throw outage();
  };
}

/** The first `times` calls fail before reaching the store: nothing is written. */
export function failsBefore(times = 1): Fault {
  let left = times;
  return (call) => {
    if (left <= 0) return call();
    left -= 1;
    return Promise.reject(outage());
  };
}

/**
 * A stall: the first call reports an outage at once, but the write is still queued and lands
 * when `release()` is called; `landed` settles after it did.
 */
export function landsLater(): { fault: Fault; release: () => void; landed: Promise<void> } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let landed: Promise<void> = Promise.resolve();
  let used = false;
  const fault: Fault = (call) => {
    if (used) return call();
    used = true;
    landed = gate.then(call).then(() => undefined);
    return Promise.reject(outage());
  };
  return {
    fault,
    release: () => release(),
    get landed() {
      return landed;
    },
  };
}

/** The first call runs, then `after` runs before the caller gets the answer. */
export function thenRun(after: () => Promise<void>): Fault {
  let used = false;
  return async (call) => {
    const result = await call();
    if (!used) {
      used = true;
      await after();
    }
    return result;
  };
}
