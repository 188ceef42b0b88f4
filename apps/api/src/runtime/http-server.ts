import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish, and cuts what is left at the deadline. */
  close(deadlineMs: number): Promise<void>;
}

/** Serves a fetch handler with @hono/node-server; resolves once listening. */
export function startHttpServer(options: {
  fetch: (request: Request) => Response | Promise<Response>;
  host: string;
  port: number;
  requestTimeoutMs: number;
}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: options.fetch, hostname: options.host, port: options.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({ url: `http://${host}:${info.port}`, close: (ms) => closeServer(server, ms) });
      },
    ) as Server;
    // Slow-loris and stuck-client protection at the socket level; the app has its own timeout.
    server.headersTimeout = 10_000;
    server.requestTimeout = options.requestTimeoutMs + 5_000;
    server.keepAliveTimeout = 5_000;
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
