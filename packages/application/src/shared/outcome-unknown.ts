/**
 * A money operation whose result cannot be known: a ledger append was sent and then the store
 * failed or did not answer in time, so the entry may or may not have been written. Never a
 * business outcome and never "not applied": the caller must say so (HTTP 504 OUTCOME_UNKNOWN,
 * ADR 0206), and a retry with the same Idempotency-Key resumes the same transaction id, which
 * the ledger applies at most once.
 */
export class OutcomeUnknown extends Error {
  /** What the caller is told (the `detail` of the HTTP 504). */
  static readonly MESSAGE =
    'La operación puede haberse aplicado; consulte su historial o reintente con la misma Idempotency-Key.';

  override readonly name = 'OutcomeUnknown';

  constructor(options?: { cause?: unknown }) {
    super(OutcomeUnknown.MESSAGE, options);
  }
}
