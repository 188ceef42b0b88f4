import type { Deadline, Role } from '@btg-funds/application';

export interface Principal {
  readonly clientId: string;
  readonly role: Role;
  /** The session the token names (`sid`); null for tokens issued before sessions were named. */
  readonly sessionId: string | null;
}

/** Per-request values shared by middleware and handlers. */
export interface HttpEnv {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    /** When money use cases stop starting ledger attempts (request-deadline middleware). */
    deadline: Deadline;
    /** True once a money use case runs: a timeout then cannot say "nothing happened". */
    outcomeAtRisk: boolean;
    /**
     * Whether CORS applies (a preflight, or an allowed origin): decided once per request by the
     * envelope, acted on by the CORS layer (`corsAllowList`).
     */
    underCors: boolean;
    /**
     * Whether a handler may answer with every envelope header already in a plain header object
     * (`answer()`, ADR 0713): not under CORS, whose headers hono/cors prepares with `c.header()`
     * (only `c.body()` keeps those). A middleware that prepares headers so must set it false.
     */
    plainAnswer: boolean;
    /** The response `answer()` built complete; the envelope leaves exactly that one alone. */
    answered: Response | undefined;
    /**
     * The `RateLimit` and `RateLimit-Policy` headers of the limit this request counted against,
     * for every answer it gets (set by the rate-limit layer, ADR 0737).
     */
    rateLimitHeaders: Readonly<Record<string, string>> | undefined;
  };
}
