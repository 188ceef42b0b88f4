import type { Context, Next } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { HttpEnv } from '../http-env.js';
import { HttpProblem } from '../problem/http-problem.js';
import { requestHeader } from './request-header.js';

/**
 * Refuses oversize bodies with 413 without buffering them.
 *
 * Whether there is a body, and how big, is decided from the HTTP/1.1 framing headers alone
 * (RFC 9112 §6.3), never by touching `c.req.raw.body`: on @hono/node-server that access builds a
 * full WHATWG Request and a stream from the socket for every request, GETs included.
 * - no Content-Length and no Transfer-Encoding: no body, nothing to limit;
 * - Content-Length only: the declared size is checked (Node refuses a body longer than it);
 * - Transfer-Encoding (chunked): the size is unknown, so hono counts the stream as it arrives.
 */
export function bodyLimit(
  maxBytes: number,
): (c: Context<HttpEnv, string>, next: Next) => Promise<void> {
  const tooLarge = (): never => {
    throw new HttpProblem(
      413,
      'PAYLOAD_TOO_LARGE',
      `El cuerpo de la solicitud excede el máximo de ${maxBytes} bytes.`,
    );
  };
  const streamed = honoBodyLimit({ maxSize: maxBytes, onError: tooLarge });
  // Not async: a refusal throws before anything is awaited, and a pass costs no extra promise.
  return (c, next) => {
    if (requestHeader(c, 'transfer-encoding') !== undefined) {
      return streamed(c, next) as Promise<void>;
    }
    const length = requestHeader(c, 'content-length');
    if (length !== undefined && Number.parseInt(length, 10) > maxBytes) tooLarge();
    return next();
  };
}
