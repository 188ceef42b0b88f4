/**
 * The body of a successful call, typed without `undefined`: `await unwrap(api.GET('/api/v1/me'))`.
 * The session middleware already turned every non-2xx into an ApiError, so only success is left.
 */
export async function unwrap<R extends { data?: unknown; response: Response }>(
  pending: Promise<R>,
): Promise<NonNullable<R['data']>> {
  const { data } = await pending;
  return data as NonNullable<R['data']>;
}
