import { describe, expect, it } from 'vitest';
import { maskDestination } from './mask-destination.js';

describe('maskDestination', () => {
  it.each([
    ['juan.perez@example.com', 'j***z@example.com'],
    ['ana@example.co', 'a***@example.co'],
    ['a@b.co', 'a***@b.co'],
    ['  maria@example.com ', 'm***a@example.com'],
  ])('masks the local part of the email %s', (email, masked) => {
    expect(maskDestination(email)).toBe(masked);
  });

  it.each([
    ['+573001234567', '+57******4567'],
    ['+12025550123', '+12*****0123'],
    ['+442071838750', '+44******8750'],
  ])('keeps only the country code and the last four digits of %s', (phone, masked) => {
    expect(maskDestination(phone)).toBe(masked);
  });

  it('never reveals a short value', () => {
    expect(maskDestination('+5730012')).toBe('********');
    expect(maskDestination('')).toBe('');
  });

  it('never shows the full local part or the middle digits', () => {
    const masked = maskDestination('juan.perez@example.com');
    expect(masked).not.toContain('juan');
    expect(maskDestination('+573001234567')).not.toContain('300123');
  });
});
