import type { JwtSettings } from '@btg-funds/adapters-auth';
import type { createHttpApp } from '@btg-funds/adapters-http';
import type {
  AccessTokenVerifier,
  BootstrapAdmin,
  BreachedPasswords,
  Clock,
  DispatchNotifications,
  IdGenerator,
  LiveSessionsOptions,
  NotificationSender,
  OneTimeCodes,
  PasswordHasher,
  RecoverOutbox,
  SecretTokens,
  SeedFunds,
  TokenIssuer,
  UseCases,
} from '@btg-funds/application';
import type { NotificationChannel } from '@btg-funds/domain';
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import type { AppStorage } from './runtime/app-storage.js';
import type { AppMetrics } from './runtime/app-metrics.js';
import type { NotificationDispatcher } from './runtime/notification-dispatcher.js';
import type { OutboxRecoveryLoop } from './runtime/outbox-recovery-loop.js';
import type { WakeSignal } from './runtime/wake-signal.js';

/** A symbol that remembers what it resolves to, so `resolve(container, token)` is typed. */
export type Token<T> = symbol & { readonly __resolves?: T };
const token = <T>(name: string): Token<T> => Symbol.for(`btg-funds:${name}`);

/** Every binding of the container, in one place (ADR 0205). */
export const TOKENS = {
  Config: token<AppConfig>('Config'),
  Logger: token<Logger>('Logger'),
  Storage: token<AppStorage>('Storage'),
  Clock: token<Clock>('Clock'),
  Ids: token<IdGenerator>('Ids'),
  PasswordHasher: token<PasswordHasher>('PasswordHasher'),
  JwtSettings: token<JwtSettings>('JwtSettings'),
  TokenIssuer: token<TokenIssuer>('TokenIssuer'),
  TokenVerifier: token<AccessTokenVerifier>('TokenVerifier'),
  SecretTokens: token<SecretTokens>('SecretTokens'),
  BreachedPasswords: token<BreachedPasswords>('BreachedPasswords'),
  OneTimeCodes: token<OneTimeCodes>('OneTimeCodes'),
  WakeSignal: token<WakeSignal>('WakeSignal'),
  Senders: token<Readonly<Record<NotificationChannel, NotificationSender>>>('Senders'),
  /**
   * How long a session's liveness is trusted (ADR 0220): the application's default, bound by the
   * use-cases module; no environment variable. Tests that count store commands rebind it.
   */
  LiveSessionsOptions: token<LiveSessionsOptions>('LiveSessionsOptions'),
  UseCases: token<UseCases>('UseCases'),
  SeedFunds: token<SeedFunds>('SeedFunds'),
  BootstrapAdmin: token<BootstrapAdmin>('BootstrapAdmin'),
  RecoverOutbox: token<RecoverOutbox>('RecoverOutbox'),
  OutboxRecovery: token<OutboxRecoveryLoop>('OutboxRecovery'),
  DispatchNotifications: token<DispatchNotifications>('DispatchNotifications'),
  Dispatcher: token<NotificationDispatcher>('Dispatcher'),
  Metrics: token<AppMetrics>('Metrics'),
  /** null when tracing is off (no OTEL_EXPORTER_OTLP_ENDPOINT). */
  Tracer: token<Tracer | null>('Tracer'),
  HttpApp: token<ReturnType<typeof createHttpApp>>('HttpApp'),
} as const;

/** Typed lookup: the token carries its type, the container API does not. */
export function resolve<T>(from: { get<U>(id: symbol): U }, id: Token<T>): T {
  return from.get<T>(id);
}
