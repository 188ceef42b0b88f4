import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { ObservabilityConfig } from '../config/app-config.js';

export interface Tracing {
  readonly tracer: Tracer;
  /** Flushes the spans still buffered, then stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * The OpenTelemetry SDK, started only when OTEL_EXPORTER_OTLP_ENDPOINT is set (ADR 0602): with
 * no endpoint nothing is registered and every span call is the API's no-op. Spans go out over
 * OTLP/HTTP (JSON) to `<endpoint>/v1/traces` — in AWS, the ADOT sidecar, which forwards to
 * X-Ray. Registering also installs the AsyncLocalStorage context manager, which is what lets
 * a log line find the span of its request.
 */
export function startTracing(config: ObservabilityConfig['tracing']): Tracing | null {
  if (config === null) return null;
  const exporter = new OTLPTraceExporter({
    url: `${config.endpoint.replace(/\/+$/, '')}/v1/traces`,
  });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: config.serviceName,
      [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? '0.1.0',
    }),
    // Short delay: a request's spans reach the collector within a second, not at shutdown.
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })],
  });
  provider.register();
  return {
    tracer: trace.getTracer('btg-funds-api'),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
    },
  };
}
