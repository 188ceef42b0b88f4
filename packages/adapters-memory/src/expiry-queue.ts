/**
 * Keys in the order they were added, each with the instant it expires. Stores add records with
 * a fixed time to live, so that order is (nearly) expiry order, and draining the expired ones
 * from the front costs O(1) per record over the store's life, with no timer and no scan.
 */
export class ExpiryQueue<K> {
  private items: { readonly key: K; readonly expiresAt: number }[] = [];
  private head = 0;

  add(key: K, expiresAt: Date): void {
    this.items.push({ key, expiresAt: expiresAt.getTime() });
  }

  /** Hands every key expired at `now` (from the front) to `expire`. */
  drain(now: Date, expire: (key: K) => void): void {
    const at = now.getTime();
    while (this.head < this.items.length && this.items[this.head]!.expiresAt <= at) {
      expire(this.items[this.head]!.key);
      this.head += 1;
    }
    // Compact now and then, so the drained front does not stay allocated.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
