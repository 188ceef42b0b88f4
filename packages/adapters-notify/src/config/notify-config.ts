/** How to reach the SMTP server: a connection URL, or its parts. */
export type SmtpConnection =
  | { readonly url: string }
  | {
      readonly host: string;
      readonly port: number;
      /** Implicit TLS from the first byte (port 465); otherwise STARTTLS when offered. */
      readonly secure: boolean;
      readonly user?: string | undefined;
      readonly password?: string | undefined;
    };

export interface SmtpConfig {
  readonly connection: SmtpConnection;
  /** The From header: `no-reply@example.com` or `BTG Pactual <no-reply@example.com>`. */
  readonly from: string;
  /** Connection, greeting and socket timeout; a stuck server must not stall the dispatcher. */
  readonly timeoutMs?: number | undefined;
}

export type TwilioAuth =
  { readonly authToken: string } | { readonly apiKeySid: string; readonly apiKeySecret: string };

export type TwilioSender = { readonly from: string } | { readonly messagingServiceSid: string };

export interface TwilioConfig {
  readonly accountSid: string;
  readonly auth: TwilioAuth;
  readonly sender: TwilioSender;
  readonly timeoutMs?: number | undefined;
  /**
   * Tests only: sends the SDK's requests to this origin (e.g. `http://127.0.0.1:4010`) instead
   * of https://api.twilio.com — the SDK itself has no base-URL option.
   */
  readonly apiBaseUrl?: string | undefined;
}

/** Which providers to use; a channel without one falls back to the console sender. */
export interface NotifyConfig {
  readonly smtp?: SmtpConfig | undefined;
  readonly twilio?: TwilioConfig | undefined;
}

export const DEFAULT_SEND_TIMEOUT_MS = 15_000;
