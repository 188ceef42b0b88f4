import { describe, expect, it } from 'vitest';
import { messageIdFor } from './message-id.js';
import { smtpDeliveryError } from './smtp-delivery-error.js';

const failure = (fields: object) => Object.assign(new Error('server said no'), fields);

describe('smtpDeliveryError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, false],
    [{ code: 'EMESSAGE', responseCode: 554 }, false],
    [{ code: 'EENVELOPE', responseCode: 451 }, true],
    [{ code: 'EENVELOPE', responseCode: 452 }, true],
    [{ code: 'EPROTOCOL', responseCode: 503 }, true],
    [{ code: 'EAUTH', responseCode: 535 }, true],
    [{ code: 'ECONNECTION' }, true],
    [{ code: 'ETIMEDOUT' }, true],
    [{}, true],
  ])('%o → retryable %s', (fields, retryable) => {
    const error = smtpDeliveryError(failure(fields));
    expect(error.retryable).toBe(retryable);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('survives a non-Error throw', () => {
    expect(smtpDeliveryError('boom')).toMatchObject({
      retryable: true,
      message: 'SMTP delivery failed: boom',
    });
  });
});

describe('messageIdFor', () => {
  it('is stable per transaction and uses the sender domain', () => {
    expect(messageIdFor('7c9e6679-7425', 'BTG <no-reply@BTG.example>')).toBe(
      '<notification.7c9e6679-7425@btg.example>',
    );
    expect(messageIdFor('abc', 'no-reply@btg.example')).toBe('<notification.abc@btg.example>');
  });

  it('never lets odd characters into the header', () => {
    expect(messageIdFor('a>b\r\nX: y', 'nobody')).toBe('<notification.abXy@btg-funds.invalid>');
  });
});
