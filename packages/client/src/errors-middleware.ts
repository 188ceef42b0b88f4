import type { Middleware } from 'openapi-fetch';
import { ApiError } from './api-error.js';

/** Non-2xx answers and failed connections as ApiError, for calls made without a session. */
export const errorsMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  },
  onError({ error }) {
    if (error instanceof Error && error.name === 'AbortError') return error;
    return ApiError.network(error);
  },
};
