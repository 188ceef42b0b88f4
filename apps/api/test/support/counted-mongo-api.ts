/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any --
   Response bodies are untyped JSON on purpose: the assertions check their shape. */
import { createMongoStorage } from '@btg-funds/adapters-mongo';
import { DEFAULT_LIVE_SESSIONS_OPTIONS } from '@btg-funds/application';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { createContainer } from '../../src/container.js';
import { mongoAppStorage } from '../../src/modules/mongo-module.js';
import { resolve, TOKENS } from '../../src/tokens.js';

/**
 * The real composition root on Mongo storage, called in process, with the driver's command
 * monitoring on: every command the process sends (find, insert, update, getMore, …) is one
 * storage round trip, counted. The dispatcher is not started, so nothing runs between requests.
 */
export async function countedMongoApi(
  uri: string,
  dbName: string,
  admin: { email: string; password: string },
) {
  const config = loadConfig({
    NODE_ENV: 'test',
    BCRYPT_COST: '4',
    RATE_LIMITS: 'off',
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  });
  const logger = pino({ level: 'silent' });
  // A session's liveness is cached for 2 s (ADR 0220): on a slow store, whether a request of the
  // second pass re-reads it would depend on timing. Cached for the whole test, each pass reads
  // each new session once, at the same request.
  const container = createContainer(config, logger);
  await container.unbindAsync(TOKENS.LiveSessionsOptions);
  container
    .bind(TOKENS.LiveSessionsOptions)
    .toConstantValue({ ...DEFAULT_LIVE_SESSIONS_OPTIONS, cacheMs: 10 * 60_000 });
  const mongo = createMongoStorage({ uri, dbName, monitorCommands: true });
  const commands: string[] = [];
  /** Each `find`: its collection and filter (is it a bounded `_id` read?). */
  const finds: { collection: string; filter: Record<string, unknown> }[] = [];
  /** Every command's start and answer, in order: how many storage waits a request made. */
  const events: ('start' | 'answer')[] = [];
  const answered = () => events.push('answer');
  mongo.client.on('commandSucceeded', answered);
  mongo.client.on('commandFailed', answered);
  mongo.client.on('commandStarted', (event) => {
    events.push('start');
    // "find clients", "insert ledger", "update ledger_heads": the command and its collection
    // (getMore names it under `collection`; ping, hello… under none).
    const command = event.command as Record<string, unknown>;
    const target = command[event.commandName] ?? command.collection;
    commands.push(
      typeof target === 'string' ? `${event.commandName} ${target}` : event.commandName,
    );
    if (event.commandName === 'find') {
      const command = event.command as { find: string; filter?: Record<string, unknown> };
      finds.push({ collection: command.find, filter: command.filter ?? {} });
    }
  });
  // Enough open connections that commands sent together go out together (opening one is I/O,
  // during which an earlier command may be answered): waits are then the code's, not the pool's.
  await Promise.all(Array.from({ length: 8 }, () => mongo.db.command({ ping: 1 })));
  const storage = mongoAppStorage(mongo, logger);
  await container.unbindAsync(TOKENS.Storage);
  container.bind(TOKENS.Storage).toConstantValue(storage);
  await storage.prepare?.();
  await resolve(container, TOKENS.SeedFunds).execute();
  await resolve(container, TOKENS.BootstrapAdmin).execute(config.admin!);
  const app = resolve(container, TOKENS.HttpApp);

  /** One request; `commands` lists what it sent to the store. */
  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const before = commands.length;
    const findsBefore = finds.length;
    const eventsBefore = events.length;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(options.token !== undefined && { Authorization: `Bearer ${options.token}` }),
        ...(payload !== undefined && {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(payload)),
        }),
        ...options.headers,
      },
      ...(payload !== undefined && { body: payload }),
    });
    const text = await res.text();
    // A request's head move goes out after its answer (ADR 0715): waited for here, so that it
    // counts as this request's command and the next request finds the head current, as it
    // would a moment later (otherwise which request sends it, and whether the next one finds
    // the head behind and repairs it, depends on timing).
    await mongo.ledger.headsSettled();
    const body: any = text === '' ? null : JSON.parse(text);
    return {
      status: res.status,
      body,
      commands: commands.slice(before),
      finds: finds.slice(findsBefore),
      waits: storageWaits(events.slice(eventsBefore)),
    };
  };

  return { container, call, close: () => storage.close(), drop: () => mongo.db.dropDatabase() };
}

/**
 * Storage waits in a row: runs of commands sent before any answer arrived. Three reads sent
 * together are one wait; a read, then (after its answer) an insert, are two.
 */
export function storageWaits(events: readonly ('start' | 'answer')[]): number {
  return events.filter((event, i) => event === 'start' && events[i - 1] !== 'start').length;
}
