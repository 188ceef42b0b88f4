// The rate limits the bench's servers run with (issue 16: nothing switched off to win).
//
// In memory they are ON, as `npm start` and production run, at a ceiling no scenario reaches
// (1,000,000 a window, the configuration's maximum): every request pays the check and carries
// its RateLimit headers, and none is refused. On MongoDB they are off: each hit is a document the
// store counts, and FerretDB, which uses no index, counts by scanning — that would measure
// FerretDB, not us — and the stand-in of the seed's stack limits nothing either.
//
// The per-client cap on pending money operations (MONEY_MAX_PENDING_PER_CLIENT, 10 in production)
// only applies with the limits on; the hot account's 64 connections on one client would meet it
// and be answered 429 at once, which measures the refusal instead of the contention on one
// ledger. So it is raised to the configuration's maximum (10,000) with them: checked, never met.
//
// RATE_LIMITS=off in the environment turns them off everywhere (e.g. an A/B against a build before
// ADR 0737, whose answers under a limit took a slower path).
const CEILING = '1000000';
const PENDING_CEILING = '10000';

/** The rate-limit part of a bench server's environment. */
export function benchRateLimits({ mongo = false } = {}) {
  const on = process.env.RATE_LIMITS !== 'off' && !mongo;
  return on
    ? {
        RATE_LIMITS: 'on',
        RATE_LIMIT_MONEY_PER_CLIENT: CEILING,
        RATE_LIMIT_AUTH_PER_IP: CEILING,
        MONEY_MAX_PENDING_PER_CLIENT: PENDING_CEILING,
      }
    : { RATE_LIMITS: 'off' };
}
