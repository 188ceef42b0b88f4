/** The current instant; a fixed clock in tests. */
export interface Clock {
  now(): Date;
}
