import { deadlineIn, type Deadline } from '@btg-funds/application';
import type { Context, Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HttpEnv } from '../http-env.js';
import { DeadlineWatch } from './deadline-watch.js';
import { HttpProblem } from '../problem/http-problem.js';
import { outcomeUnknown } from '../problem/outcome-unknown-problem.js';
import { requestHeader } from './request-header.js';

/**
 * Answers every request within `requestTimeoutMs`, and tells money use cases to start no ledger
 * attempt after half of it (ADR 0206): the other half is for the attempt in flight to finish, so
 * the use case gives the answer — its result, or a clean 409/503 when it wrote nothing.
 *
 * When the timer wins anyway, the answer depends on what was under way: the client still sending
 * its body is the client's delay (408 BODY_TIMEOUT, and the connection is closed: the rest of the
 * body may still arrive, ADR 0222); before a money use case started, nothing was written (503
 * REQUEST_TIMEOUT); after, an append may land once we have answered, so saying "try again" would
 * be false — the answer is 504 OUTCOME_UNKNOWN. The handler keeps running either way (nothing
 * can cancel a write that was sent).
 */
export function requestDeadline(
  requestTimeoutMs: number,
): (c: Context<HttpEnv>, next: Next) => Promise<void> {
  const ledgerBudgetMs = ledgerBudgetOf(requestTimeoutMs);
  const watch = new DeadlineWatch(requestTimeoutMs);
  return (c, next) => {
    c.set('deadline', deadlineIn(ledgerBudgetMs));
    c.set('outcomeAtRisk', false);
    // Settles with the rest of the chain, or rejects when the watch expires it: whichever first.
    return new Promise<void>((resolve, reject) => {
      const watched = watch.start(() => {
        reject(timeoutAnswer(c));
      });
      let rest: Promise<void>;
      try {
        // The guards after this one refuse by throwing before they return a promise; thrown in
        // here, that rejects the promise returned.
        rest = next();
      } catch (error) {
        watch.end(watched);
        throw error;
      }
      rest.then(
        () => {
          watch.end(watched);
          resolve();
        },
        (error: unknown) => {
          watch.end(watched);
          // The chain's own rejection, passed on unchanged (as Promise.race did).
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        },
      );
    });
  };
}

/** Half of a request's time is for starting ledger attempts; the rest, to finish the last one. */
const ledgerBudgetOf = (requestTimeoutMs: number): number => Math.floor(requestTimeoutMs / 2);

/**
 * When the request's answer is due: its `deadline` (the ledger's budget) plus the rest of its
 * time, the instant the watch above answers it. Work that waits its turn behind others (a login's
 * hash, ADR 0703) is worth starting only until then: past it, nobody is waiting for the result.
 * Derived from the one deadline every request already has, so other routes pay nothing for it.
 */
export function answerDeadlineOf(c: Context<HttpEnv>, requestTimeoutMs: number): Deadline {
  const ledgerDeadline = c.get('deadline');
  const restMs = requestTimeoutMs - ledgerBudgetOf(requestTimeoutMs);
  return { remainingMs: () => ledgerDeadline.remainingMs() + restMs };
}

/** What a request that ran out of time is told, by what was under way (see above). */
function timeoutAnswer(c: Context<HttpEnv>): Error {
  if (c.get('outcomeAtRisk')) return outcomeUnknown();
  if (bodyStillArriving(c)) return bodyTimeout();
  return new HTTPException(503, { message: 'request timed out' });
}

/**
 * True while the request's body has not fully arrived. Known from Node's own message
 * (@hono/node-server passes it as `env.incoming`); without it (app.request in tests) the body
 * was in memory all along.
 */
function bodyStillArriving(c: Context<HttpEnv>): boolean {
  const incoming = (c.env as { incoming?: { complete?: unknown } } | undefined)?.incoming;
  const hasBody =
    requestHeader(c, 'content-length') !== undefined ||
    requestHeader(c, 'transfer-encoding') !== undefined;
  return hasBody && incoming?.complete === false;
}

function bodyTimeout(): HttpProblem {
  return new HttpProblem(
    408,
    'BODY_TIMEOUT',
    'El cuerpo de la solicitud llegó demasiado lento. Envíelo completo de nuevo.',
    { Connection: 'close' },
  );
}
