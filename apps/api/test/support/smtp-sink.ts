import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/runtime/logger.js';
import { start, type RunningApp } from '../../src/start.js';

export interface SmtpSink {
  readonly port: number;
  readonly received: ReadonlyArray<{ readonly mail: ParsedMail; readonly rcptTo: string[] }>;
  /** SMTP connections open now (a pooled sender keeps its idle ones open until closed). */
  openConnections(): number;
  close(): Promise<void>;
}

/** An in-process SMTP server on 127.0.0.1 that keeps what it receives, parsed. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: Array<{ mail: ParsedMail; rcptTo: string[] }> = [];
  let open = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 1_000,
    onConnect(_session, callback) {
      open += 1;
      callback();
    },
    onClose() {
      open -= 1;
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, received, openConnections: () => open, close };
}

export const CODE_SUBJECT = 'Su código de verificación de BTG Pactual';

/** The verification code mailed to `address` (waits for it), read as a person reads it. */
export async function mailedCode(sink: SmtpSink, address: string): Promise<string> {
  const mail = await eventually(() =>
    sink.received.find((r) => r.rcptTo.includes(address) && r.mail.subject === CODE_SUBJECT),
  );
  const code = /\b(\d{6})\b/.exec(mail.mail.text ?? '')?.[1];
  if (code === undefined) throw new Error(`no code in the mail to ${address}`);
  return code;
}

/** Polls until `probe` gives a value, at most `timeoutMs`: delivery happens after the answer. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The whole app (`start`, memory storage, a random port) mailing through SMTP to a new sink;
 * `env` adds or overrides settings. `stop` stops the app, then the sink.
 */
export async function startAppMailingToSink(env: Record<string, string> = {}): Promise<{
  readonly app: RunningApp;
  readonly smtp: SmtpSink;
  stop(): Promise<void>;
}> {
  const smtp = await startSmtpSink();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    BCRYPT_COST: '4',
    RATE_LIMITS: 'off',
    NOTIFY_INTERVAL_MS: '200',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMTP_FROM: 'BTG Pactual <notificaciones@btg.example>',
    ...env,
  });
  const app = await start(config, createLogger({ level: config.logLevel }));
  const stop = async () => {
    await app.stop();
    await smtp.close();
  };
  return { app, smtp, stop };
}
