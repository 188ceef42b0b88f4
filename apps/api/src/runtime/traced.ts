import {
  context,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Tracer,
} from '@opentelemetry/api';

export interface TracedOptions {
  readonly attributes?: Attributes;
  /**
   * Only trace calls made inside another span (a request): the dispatcher polls storage every
   * few seconds, and a root span per poll would drown the useful traces in X-Ray.
   */
  readonly onlyWithinSpan?: boolean;
}

/**
 * A tracing decorator over a port: every method call becomes a span `<name>.<method>` (e.g.
 * `ledger.append`, `notify.email.send`), ended when its promise settles. Built on a Proxy so
 * each port needs no hand-written wrapper; only wired when tracing is on (ADR 0602).
 */
export function traced<T extends object>(
  target: T,
  name: string,
  tracer: Tracer,
  options: TracedOptions = {},
): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (options.onlyWithinSpan === true && trace.getSpan(context.active()) === undefined) {
          return method.apply(object, args);
        }
        return tracer.startActiveSpan(
          `${name}.${property}`,
          { kind: SpanKind.CLIENT, attributes: options.attributes ?? {} },
          async (span) => {
            try {
              return await method.apply(object, args);
            } catch (error) {
              // Expected outcomes (conflicts, duplicates) are errors for the span, not for
              // the request: the status says the call failed, the request span says the rest.
              span.recordException(error instanceof Error ? error : String(error));
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          },
        );
      };
    },
  });
}
