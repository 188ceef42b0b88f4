import { describe, expect, it } from 'vitest';
import { alreadySubscribed, ledgerInvariantBroken } from './domain-errors.js';
import { DomainError } from './errors.js';
import { ExpectedOutcomeError } from './expected-outcome-error.js';

/** Frames ("    at …" lines) in an error's stack. */
const framesOf = (error: Error): number =>
  (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).length;

class Outcome extends ExpectedOutcomeError {}

describe('expected outcomes carry no stack trace (ADR 0734)', () => {
  it('a refusal is an Error with its message and no frames', () => {
    const refusal = alreadySubscribed({ id: '1', name: 'FPV_BTG_PACTUAL_RECAUDADORA' }, 'sub-1');
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.code).toBe('ALREADY_SUBSCRIBED');
    expect(refusal.message).toMatch(/suscri/i);
    expect(framesOf(refusal)).toBe(0);
  });

  it('a broken ledger invariant (a bug) keeps its stack', () => {
    expect(framesOf(ledgerInvariantBroken({ clientId: 'c' }))).toBeGreaterThan(0);
  });

  it('leaves the engine limit as it found it, for every other error', () => {
    const before = Error.stackTraceLimit;
    new Outcome('x');
    new Outcome('y', true);
    expect(Error.stackTraceLimit).toBe(before);
    expect(framesOf(new Error('an ordinary error'))).toBeGreaterThan(0);
    expect(framesOf(new Outcome('kept', true))).toBeGreaterThan(0);
  });
});
