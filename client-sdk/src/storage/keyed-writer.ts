import type { Logger } from '../logger.js';
import type { StorageAdapter } from './storage-adapter.js';

/**
 * Writes values to a {@link StorageAdapter} so that the last value set for a key is the one
 * stored, even on an asynchronous storage (AsyncStorage) whose writes could otherwise land out of
 * order: one write per key at a time, and only the latest value waiting behind it.
 */
export class KeyedWriter {
  private readonly latest = new Map<string, string | null>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: StorageAdapter,
    private readonly logger: Logger,
  ) {}

  /** Stores `value` under `key` (`null` removes it), after any write of the key still on its way. */
  set(key: string, value: string | null): void {
    this.latest.set(key, value);
    if (!this.running.has(key)) this.running.set(key, this.drain(key));
  }

  /** Resolves once every value set so far is stored (or failed and was logged). */
  async flush(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async drain(key: string): Promise<void> {
    try {
      while (this.latest.has(key)) {
        const value = this.latest.get(key) ?? null;
        this.latest.delete(key);
        try {
          if (value === null) await this.storage.removeItem(key);
          else await this.storage.setItem(key, value);
        } catch (error) {
          this.logger.warn('the storage adapter refused a write', { error, key });
        }
      }
    } finally {
      this.running.delete(key);
    }
  }
}
