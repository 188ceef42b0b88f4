import type { ProblemCode } from './api-types.js';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * Codes the client itself produces when there is no problem document to read: the server could
 * not be reached, or something in between (a proxy) answered without application/problem+json.
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/**
 * The one error type of the client: every non-2xx answer, and a failed connection. `detail` is
 * the server's Spanish text, ready to show; `code` is for programs. A server newer than this
 * client may send a code it does not know yet, hence the open `string`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    readonly code: ProblemCode | ClientErrorCode | (string & {}),
    readonly detail: string,
    /** Field errors of a 400, empty otherwise. */
    readonly errors: readonly FieldError[] = [],
    /** Seconds to wait, from Retry-After (429, 503); null when absent. */
    readonly retryAfter: number | null = null,
    /** The X-Request-Id to quote to support. */
    readonly requestId: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }

  /** Reads a non-2xx response (its body is consumed). */
  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
    const requestId = response.headers.get('x-request-id');
    const body = await readProblem(response);
    if (body === null) {
      const detail = `Respuesta inesperada del servidor (${response.status}).`;
      return new ApiError(
        response.status,
        'UNEXPECTED_RESPONSE',
        detail,
        [],
        retryAfter,
        requestId,
      );
    }
    return new ApiError(
      response.status,
      body.code,
      body.detail,
      body.errors,
      retryAfter,
      requestId,
    );
  }

  static network(cause: unknown): ApiError {
    const detail = 'No fue posible conectar con el servidor. Revise su conexión.';
    return new ApiError(0, 'NETWORK_ERROR', detail, [], null, null, { cause });
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

interface ProblemBody {
  readonly code: string;
  readonly detail: string;
  readonly errors: readonly FieldError[];
}

async function readProblem(response: Response): Promise<ProblemBody | null> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    const body = (await response.json()) as Partial<Record<string, unknown>>;
    if (typeof body.code !== 'string' || typeof body.detail !== 'string') return null;
    const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    return { code: body.code, detail: body.detail, errors };
  } catch {
    return null;
  }
}

/** Retry-After as seconds: delta-seconds, or an HTTP date turned into seconds from now. */
function retryAfterSeconds(header: string | null): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
