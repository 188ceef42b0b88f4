/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-explicit-any --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import {
  type NotificationSender,
  type OutgoingNotification,
  BootstrapAdmin,
  LiveSessions,
  LoginThrottle,
  RegisterClient,
  SeedFunds,
  type LoginThrottlePolicy,
  type RateLimitStore,
} from '@btg-funds/application';
import {
  createInMemoryStorage,
  FixedClock,
  SequentialIdGenerator,
} from '@btg-funds/adapters-memory';
import {
  BcryptPasswordHasher,
  BundledBreachedPasswords,
  createHttpApp,
  CryptoOneTimeCodes,
  CryptoSecretTokens,
  ephemeralJwtKeys,
  JoseTokenIssuer,
  JoseTokenVerifier,
  type HttpConfig,
  type HttpDeps,
  type HttpUseCases,
  type JwtSettings,
} from '../../src/index.js';
import { ContractCheck } from './contract-check.js';
import { wireUseCases } from './wire-use-cases.js';

export const PASSWORD = 'una-clave-muy-segura';
export const ADMIN = { email: 'admin@btg.example', password: 'clave-del-admin-123' };
const RATE_LIMITS_OFF = {
  enabled: false,
  authPerIp: { limit: 0, windowMs: 60_000 },
  moneyPerClient: { limit: 0, windowMs: 60_000 },
};

export interface TestAppOptions {
  readonly config?: Partial<HttpConfig>;
  readonly overrides?: Partial<HttpDeps>;
  /** Replaces some use cases (e.g. one that fails) and keeps the rest real. */
  readonly useCases?: Partial<HttpUseCases>;
  /** Off only where a test forces outcomes the route cannot produce (e.g. every code). */
  readonly contractCheck?: boolean;
  /** Failed-login throttling (off by default, like the other limits). */
  readonly loginThrottle?: LoginThrottlePolicy;
  /** Where the login throttle counts (default: this app's memory store). */
  readonly loginThrottleStore?: RateLimitStore;
}

/** Loaded once for every test app: reading and checking the list takes a moment. */
let breached: BundledBreachedPasswords | undefined;

/** The real app on the memory adapters: fixed clock, bcrypt cost 4, rate limits off. */
export async function createTestApp(options: TestAppOptions = {}) {
  const storage = createInMemoryStorage();
  const clock = new FixedClock('2026-01-15T15:00:00.000Z');
  const ids = new SequentialIdGenerator();
  const hasher = new BcryptPasswordHasher(4);
  const jwt: JwtSettings = {
    ...ephemeralJwtKeys(),
    issuer: 'btg-funds-test',
    audience: 'btg-funds-api',
    accessTtlSeconds: 900,
    clockToleranceSeconds: 5,
    now: () => clock.now(),
  };
  const issuer = new JoseTokenIssuer(jwt);
  const sessions = new LiveSessions({ refreshTokens: storage.refreshTokens, clock });
  // What the verification senders were given: the test reads codes here, as a person reads mail.
  const outbox = new SentMessages();
  breached ??= BundledBreachedPasswords.load();
  const throttle =
    options.loginThrottle === undefined
      ? undefined
      : new LoginThrottle(
          options.loginThrottleStore ?? storage.rateLimits,
          clock,
          options.loginThrottle,
        );
  const useCases = wireUseCases({
    storage,
    clock,
    ids,
    hasher,
    issuer,
    secrets: new CryptoSecretTokens(),
    sessions,
    throttle,
    breached,
    codes: new CryptoOneTimeCodes(),
    senders: { email: outbox, sms: outbox },
  });
  await new SeedFunds(storage.funds).execute();
  const register = new RegisterClient({ ...storage, hasher, ids, clock });
  await new BootstrapAdmin(storage.clients, register).execute(ADMIN);
  const app = createHttpApp({
    useCases: { ...useCases, ...options.useCases },
    tokens: new JoseTokenVerifier(jwt),
    sessions,
    config: { rateLimits: RATE_LIMITS_OFF, ...options.config },
    ...options.overrides,
  });
  const api = new Api(app, options.contractCheck ?? true, outbox);
  return { app, storage, clock, jwt, issuer, api, outbox };
}

/** A sender that keeps every message it was given. */
export class SentMessages implements NotificationSender {
  readonly messages: OutgoingNotification[] = [];
  send(message: OutgoingNotification): Promise<void> {
    this.messages.push(message);
    return Promise.resolve();
  }
  /** The six-digit code in the last message to `destination`. */
  codeFor(destination: string): string {
    const message = this.messages.filter((m) => m.destination === destination).at(-1);
    const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
    if (code === undefined) throw new Error(`no code was sent to ${destination}`);
    return code;
  }
}

type App = ReturnType<typeof createHttpApp>;

export interface Sent {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** A tiny client over app.request(): JSON in, parsed JSON out, each answer held to the docs. */
export class Api {
  private counter = 0;
  private readonly contract: ContractCheck | null;

  constructor(
    readonly app: App,
    checkContract = true,
    private readonly sent?: SentMessages,
  ) {
    this.contract = checkContract
      ? new ContractCheck(async () => {
          const res = await app.request('/api/v1/openapi.json');
          return (await res.json()) as never;
        })
      : null;
  }

  async send(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<Sent> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) {
      const text = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      init.body = text;
      headers['Content-Type'] ??= 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(text));
    }
    const res = await this.app.request(`/api/v1${path}`, init);
    const text = await res.text();
    const body = text === '' ? null : safeJson(text);
    await this.contract?.verify(method, `/api/v1${path}`, res.status, body);
    return { status: res.status, headers: res.headers, body };
  }

  /** Registers a fresh client and logs in; returns its id and tokens. */
  async newClient(extra: Record<string, unknown> = {}) {
    this.counter += 1;
    const email = `cliente${this.counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const reg = await this.send('POST', '/auth/register', {
      body: {
        email,
        password: PASSWORD,
        fullName: 'Cliente de Prueba',
        notificationPreference: 'email',
        ...extra,
      },
    });
    if (reg.status !== 201) throw new Error(`register failed: ${JSON.stringify(reg.body)}`);
    const login = await this.send('POST', '/auth/login', { body: { email, password: PASSWORD } });
    return {
      id: reg.body.id as string,
      email,
      token: login.body.accessToken as string,
      refreshToken: login.body.refreshToken as string,
    };
  }

  /** Proves the client's e-mail (and phone, when given) with the codes that were sent. */
  async verify(client: { token: string; email: string }, phone?: string): Promise<void> {
    const channels: ['email' | 'sms', string][] = [['email', client.email.toLowerCase()]];
    if (phone !== undefined) channels.push(['sms', phone]);
    for (const [channel, destination] of channels) {
      const sent = await this.send('POST', '/me/verification', {
        body: { channel },
        token: client.token,
      });
      if (sent.status !== 202) throw new Error(`no code: ${JSON.stringify(sent.body)}`);
      const code = this.sent?.codeFor(destination) ?? '';
      const done = await this.send('POST', '/me/verification/confirm', {
        body: { channel, code },
        token: client.token,
      });
      if (done.status !== 200) throw new Error(`not verified: ${JSON.stringify(done.body)}`);
    }
  }

  async adminToken(): Promise<string> {
    const login = await this.send('POST', '/auth/login', { body: ADMIN });
    return login.body.accessToken as string;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
