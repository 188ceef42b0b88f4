import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchedByTurn } from './turn-batching.js';

export interface RunningServer {
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish, and cuts what is left at the deadline. */
  close(deadlineMs: number): Promise<void>;
}

export interface ServerTimeouts {
  /** The app's own deadline; the socket gets a little more, so the app answers first. */
  readonly requestTimeoutMs: number;
  /** Complete headers by then, or 408 and the connection closed (slow loris, silent sockets). */
  readonly headersTimeoutMs?: number | undefined;
  /** An idle keep-alive connection is closed after this long. */
  readonly keepAliveTimeoutMs?: number | undefined;
}

/** Serves a fetch handler with @hono/node-server, turn by turn; resolves once listening. */
export function startHttpServer(
  options: {
    fetch: (request: Request, env: unknown) => Response | Promise<Response>;
    host: string;
    port: number;
  } & ServerTimeouts,
): Promise<RunningServer> {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: batchedByTurn(options.fetch),
        hostname: options.host,
        port: options.port,
        // Node checks header and request deadlines on this interval (30 s by default): a socket
        // that never sends a byte would live up to that long past its headers deadline.
        serverOptions: { connectionsCheckingInterval: Math.min(1_000, headersTimeout / 2) },
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({ url: `http://${host}:${info.port}`, close: (ms) => closeServer(server, ms) });
      },
    ) as Server;
    // Slow-loris and stuck-client protection at the socket level (ADR 0222); the app has its own
    // deadline, which answers a body that arrives too slowly with 408 before this one fires.
    server.headersTimeout = headersTimeout;
    server.requestTimeout = options.requestTimeoutMs + 5_000;
    server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
    server.once('error', reject);
  });
}

function closeServer(server: Server, deadlineMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
    deadline.unref();
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    // Idle keep-alive sockets would otherwise hold close() open until they time out.
    server.closeIdleConnections();
  });
}
