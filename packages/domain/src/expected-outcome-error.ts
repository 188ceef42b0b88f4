/** V8's knob (Node): how many frames a new Error captures. Absent on other engines. */
const engineError = Error as ErrorConstructor & { stackTraceLimit?: number };

/**
 * The base of errors that are expected outcomes (a refusal, a 404, a 409, a 401), answered to the
 * caller and never debugged: their code and details say everything, so no stack trace is captured.
 * Capturing one walks every frame, the awaited ones too, when the error is built; a refused
 * request under load spent 7 % of its CPU there (ADR 0734). `keepStack` keeps it for an outcome
 * that does mean a bug (a broken ledger invariant).
 */
export abstract class ExpectedOutcomeError extends Error {
  constructor(message: string, keepStack = false) {
    const limit = engineError.stackTraceLimit;
    const skip = !keepStack && typeof limit === 'number';
    if (skip) engineError.stackTraceLimit = 0;
    super(message);
    if (skip) engineError.stackTraceLimit = limit;
  }
}
