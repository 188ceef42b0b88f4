type Fetch<E> = (request: Request, env: E) => Response | Promise<Response>;

/**
 * Requests read in one event-loop turn are handled together, in the next one (ADR 0706).
 *
 * A request whose answer needs no I/O (the shared fund list, a cached token, an in-memory store)
 * would otherwise be answered inside the read that brought it: the process then sleeps and wakes
 * once per request, and on a busy machine that costs more than the request. Deferring each one to
 * the turn's check phase lets the loop read every request that is ready first, answer them all,
 * and sleep once. One `setImmediate` per turn (shared by the requests of that turn), not per
 * request; under light load it delays an answer by one loop turn (microseconds).
 */
export function batchedByTurn<E>(fetch: Fetch<E>): (request: Request, env: E) => Promise<Response> {
  let turn: Promise<void> | undefined;
  const nextTurn = (): Promise<void> =>
    (turn ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        turn = undefined;
        resolve();
      });
    }));
  return (request, env) => nextTurn().then(() => fetch(request, env));
}
