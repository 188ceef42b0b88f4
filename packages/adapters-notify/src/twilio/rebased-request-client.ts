import type RequestClient from 'twilio/lib/base/RequestClient.js';
// A CommonJS `export default` seen from ESM: the class is the namespace's `default`.
import type * as TwilioHttpResponse from 'twilio/lib/http/response.js';
import { twilioSdk } from '../sdks.js';

type RebasedClient = new (
  baseUrl: string,
  options?: RequestClient.RequestClientOptions,
) => RequestClient;

/** Defined on first use: its base class is the SDK's, which is loaded only then (sdks.ts). */
let RebasedRequestClient: RebasedClient | undefined;

/**
 * The Twilio SDK always calls https://api.twilio.com (or a regional host) and has no base-URL
 * option; this client keeps the SDK's own request building, auth and error handling and only
 * rewrites the origin — so tests exercise the real SDK against a local server.
 */
export function rebasedRequestClient(
  baseUrl: string,
  options: RequestClient.RequestClientOptions = {},
): RequestClient {
  RebasedRequestClient ??= defineRebasedRequestClient();
  return new RebasedRequestClient(baseUrl, options);
}

function defineRebasedRequestClient(): RebasedClient {
  return class extends twilioSdk().RequestClient {
    private readonly origin: string;

    constructor(baseUrl: string, options: RequestClient.RequestClientOptions = {}) {
      super(options);
      this.origin = new URL(baseUrl).origin;
    }

    override request<TData>(
      options: RequestClient.RequestOptions<TData>,
    ): Promise<TwilioHttpResponse.default<TData>> {
      const target = new URL(options.uri);
      return super.request<TData>({
        ...options,
        uri: `${this.origin}${target.pathname}${target.search}`,
      });
    }
  };
}
