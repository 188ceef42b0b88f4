import { put } from './map-put.js';

/** A fund as an entry names it; the name is the one it had when the entry was written. */
export interface RowFund {
  readonly id: string;
  readonly name: string;
}

/**
 * One `RowFund` per (fund id, name) seen: every entry names one of a few funds, so a row holds
 * one reference instead of two strings (ADR 0731). A renamed fund adds one more.
 */
export class RowFundsKept {
  private readonly known = new Map<string, Map<string, RowFund>>();

  of(id: string, name: string): RowFund {
    const byName = this.known.get(id) ?? put(this.known, id, new Map<string, RowFund>());
    return byName.get(name) ?? put(byName, name, Object.freeze({ id, name }));
  }
}
