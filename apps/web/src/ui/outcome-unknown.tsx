import { problemDetail } from '../api/problems.js';

/** A money request that got no clear answer: say so, and that retrying cannot charge twice. */
export function OutcomeUnknown({
  error,
  what,
}: {
  readonly error: unknown;
  readonly what: string;
}) {
  return (
    <div className="alert alert-warning" role="alert">
      <p className="alert-title">No pudimos confirmar si {what} se realizó.</p>
      <p>{problemDetail(error)}</p>
      <p>
        Puede reintentar con tranquilidad: si ya se había realizado, no se hará de nuevo ni se
        cobrará dos veces.
      </p>
    </div>
  );
}
