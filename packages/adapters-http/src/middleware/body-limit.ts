import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { HttpProblem } from '../problem/http-problem.js';

/** Refuses oversize bodies with 413 without buffering them (hono counts the stream). */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpProblem(
        413,
        'PAYLOAD_TOO_LARGE',
        `El cuerpo de la solicitud excede el máximo de ${maxBytes} bytes.`,
      );
    },
  });
}
