import { deadlineIn } from '@btg-funds/application';
import type { Context, Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HttpEnv } from '../http-env.js';
import { HttpProblem } from '../problem/http-problem.js';
import { outcomeUnknown } from '../problem/outcome-unknown-problem.js';

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
  const ledgerBudgetMs = Math.floor(requestTimeoutMs / 2);
  return async (c, next) => {
    c.set('deadline', deadlineIn(ledgerBudgetMs));
    c.set('outcomeAtRisk', false);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          c.get('outcomeAtRisk')
            ? outcomeUnknown()
            : bodyStillArriving(c)
              ? bodyTimeout()
              : new HTTPException(503, { message: 'request timed out' }),
        );
      }, requestTimeoutMs);
    });
    try {
      await Promise.race([next(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * True while the request's body has not fully arrived. Known from Node's own message
 * (@hono/node-server passes it as `env.incoming`); without it (app.request in tests) the body
 * was in memory all along.
 */
function bodyStillArriving(c: Context<HttpEnv>): boolean {
  const incoming = (c.env as { incoming?: { complete?: unknown } } | undefined)?.incoming;
  const hasBody =
    c.req.header('content-length') !== undefined || c.req.header('transfer-encoding') !== undefined;
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
