import type { Clock } from '@btg-funds/application';

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
