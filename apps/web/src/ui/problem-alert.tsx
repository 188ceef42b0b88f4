import { useEffect, useState } from 'react';
import { problemDetail, problemOf } from '../api/problems.js';

/** Seconds left before a rate-limited action may be tried again, counting down to zero. */
export function useCountdown(seconds: number | null): number | null {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    if (seconds === null || seconds <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  if (seconds === null) return null;
  return Math.max(0, seconds - Math.floor((now - startedAt) / 1000));
}

function RateLimited({
  detail,
  seconds,
}: {
  readonly detail: string;
  readonly seconds: number | null;
}) {
  const left = useCountdown(seconds);
  return (
    <>
      <p>{detail}</p>
      {left !== null && (
        <p className="alert-extra">
          {left > 0
            ? `Podrá intentarlo de nuevo en ${left} ${left === 1 ? 'segundo' : 'segundos'}.`
            : 'Ya puede intentarlo de nuevo.'}
        </p>
      )}
    </>
  );
}

/**
 * Any API problem, said in the server's Spanish words (a code this app does not know still reads
 * well); 429 adds the wait from Retry-After; server errors add the request id for support.
 */
export function ProblemAlert({
  error,
  title,
}: {
  readonly error: unknown;
  readonly title?: string;
}) {
  const problem = problemOf(error);
  const detail = problemDetail(error);
  return (
    <div className="alert alert-danger" role="alert">
      {title !== undefined && <p className="alert-title">{title}</p>}
      {problem?.status === 429 ? (
        <RateLimited
          key={`${problem.requestId ?? ''}${detail}`}
          detail={detail}
          seconds={problem.retryAfter}
        />
      ) : (
        <p>{detail}</p>
      )}
      {problem !== null && problem.status >= 500 && problem.requestId !== null && (
        <p className="alert-extra">Código de soporte: {problem.requestId}</p>
      )}
    </div>
  );
}
