import { Emitter, type Unsubscribe } from '../emitter.js';

/**
 * The unread count as an observable value: the latest count the server stated, by the server time
 * it was counted at (events from several devices may arrive out of order; an older count never
 * overwrites a newer one). Built for `useSyncExternalStore`: `get` and `subscribe`.
 */
export class UnreadCount {
  private value = 0;
  private at = Number.NEGATIVE_INFINITY;
  private readonly events = new Emitter<{ change: [unread: number] }>();

  /** The current count. */
  get(): number {
    return this.value;
  }

  /** The server time the current count was made at (`-Infinity` before the first). */
  get countedAt(): number {
    return this.at;
  }

  /** Calls `listener` with each new count, until the returned function is called. */
  subscribe(listener: (unread: number) => void): Unsubscribe {
    return this.events.on('change', listener);
  }

  /** @internal Takes a count the server made at server time `at` (ignored when an later one is known). */
  set(unread: number, at: number): void {
    if (at < this.at) return;
    this.at = at;
    if (unread === this.value) return;
    this.value = unread;
    this.events.emit('change', unread);
  }
}
