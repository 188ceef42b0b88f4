/** How one-time verification codes behave (ADR 0405). */
export interface VerificationPolicy {
  /** A code works this long after it was sent. */
  readonly codeTtlMs: number;
  /** Wrong tries allowed per code; then the code is dead and a new one is needed. */
  readonly maxAttempts: number;
  /** A new code for the same destination no sooner than this after the last one. */
  readonly resendAfterMs: number;
  /** Codes per client and channel per UTC day. */
  readonly maxCodesPerDay: number;
}

export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = {
  codeTtlMs: 10 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  maxCodesPerDay: 5,
};
