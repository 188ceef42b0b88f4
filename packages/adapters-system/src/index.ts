/**
 * @packageDocumentation
 * The operating system behind two btg-funds ports: the wall clock and random (UUID v4) ids. The
 * production process uses them whatever its storage; tests use the fakes of
 * `@btg-funds/application/testing` instead (ADR 0009).
 */
export { SystemClock } from './system-clock.js';
export { RandomIdGenerator } from './random-id-generator.js';
