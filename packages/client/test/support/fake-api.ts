/** A scripted API behind a fetch function: what a unit test needs, with every request kept. */
export type Handler = (request: Request, body: string) => Response | Promise<Response>;

export interface FakeApi {
  readonly fetch: typeof globalThis.fetch;
  /** Every request received, in order, with its body read. */
  readonly received: { method: string; path: string; headers: Headers; body: string }[];
  count(method: string, path: string): number;
}

export function fakeApi(handler: Handler): FakeApi {
  const received: FakeApi['received'] = [];
  // As strict as a browser's fetch, which throws when called as a method of something else.
  const fetch = async function (
    this: unknown,
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    const request = new Request(input, init);
    const body = await request.text();
    const path = new URL(request.url).pathname;
    received.push({ method: request.method, path, headers: request.headers, body });
    return handler(request, body);
  };
  return {
    fetch,
    received,
    count: (method, path) => received.filter((r) => r.method === method && r.path === path).length,
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

export const problem = (
  status: number,
  code: string,
  detail: string,
  headers: Record<string, string> = {},
) =>
  new Response(JSON.stringify({ type: 'urn:x', title: 't', status, detail, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

export const pair = (n: number) => ({
  accessToken: `access-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: `refresh-${n}`,
});

/** A promise opened from outside: lets a test hold answers until it says so. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
