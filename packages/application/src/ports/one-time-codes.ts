/** Short numeric codes a person types back (6 digits), from a cryptographic source. */
export interface OneTimeCodes {
  generate(): string;
}
