import { createBtgClient as create, unwrap, type ApiError } from '../../src/index.js';

/**
 * The README's story, runnable: the lines between the markers are the README's code block (a
 * test compares them). Only the server address and the console are swapped for the test's.
 */
export async function btgStory(baseUrl: string): Promise<unknown[]> {
  const printed: unknown[] = [];
  const console = { log: (value: unknown) => void printed.push(value) };
  const createBtgClient = (options: { baseUrl: string }) => create({ ...options, baseUrl });
  // readme:start
  const btg = createBtgClient({ baseUrl: 'http://127.0.0.1:3000' });
  const juana = { email: 'juana@example.com', password: 'una-clave-muy-segura' };
  const profile = { ...juana, fullName: 'Juana Pérez', notificationPreference: 'email' as const };
  await btg.api.POST('/api/v1/auth/register', { body: profile });
  await btg.login(juana);
  for (const fundId of ['1', '2', '3', '5']) await btg.subscribe({ fundId });
  await btg.subscribe({ fundId: '4' }).catch((e: ApiError) => console.log(e.detail)); // sin saldo
  const [latest] = (await unwrap(btg.api.GET('/api/v1/subscriptions'))).items;
  await btg.cancel(latest!.id); // the money comes back
  console.log((await unwrap(btg.api.GET('/api/v1/transactions'))).items); // newest first
  // readme:end
  return printed;
}
