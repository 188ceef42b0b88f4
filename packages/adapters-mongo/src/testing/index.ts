/** Test helpers for suites that need a MongoDB-wire server (not part of the runtime API). */
export { WireProxy, type CommandMatcher, type SeenCommand } from './wire-proxy.js';
