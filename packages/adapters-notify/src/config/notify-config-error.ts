/** Invalid notification settings; lists every problem at once, never a secret's value. */
export class NotifyConfigError extends Error {
  override readonly name = 'NotifyConfigError';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid notification configuration: ${issues.join('; ')}`);
  }
}
