import { describe, expect, it } from 'vitest';
import { twilioDeliveryError } from './twilio-delivery-error.js';

const rest = (status: number, code: number) =>
  Object.assign(new Error('Twilio said no'), { status, code });

describe('twilioDeliveryError', () => {
  it.each([
    [429, 20429, true],
    [500, 20500, true],
    [503, 20503, true],
    [401, 20003, true],
    [400, 21211, false],
    [400, 21610, false],
    [404, 20404, false],
  ])('HTTP %i (Twilio %i) → retryable %s', (status, code, retryable) => {
    const error = twilioDeliveryError(rest(status, code));
    expect(error.retryable).toBe(retryable);
    expect(error.message).toBe(`Twilio delivery failed (HTTP ${status}, ${code}): Twilio said no`);
  });

  it('treats a request that got no answer as retryable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(twilioDeliveryError(refused)).toMatchObject({ retryable: true });
  });
});
