import type { InboxEntry } from '../../../protocol/types/inbox.js';
import type { Commands } from '../commands.js';
import type { Connection } from '../connection/connection.js';
import type { Logger } from '../logger.js';
import { SeenIds } from './seen-ids.js';

/** Receives each inbox entry once. */
export type EntryHandler = (entry: InboxEntry, source: 'live' | 'sync') => void;

const PAGE = 100;
const SEEN_CAPACITY = 10_000;

/**
 * Keeps the client's inbox cursor and makes sure the app sees every entry exactly once and in
 * cursor order: it syncs everything after the cursor on every connect and reconnect, takes live
 * entries as they come, and drops any entry whose id it has already handled (live and sync
 * overlap around the cursor).
 *
 * A live entry that arrives after a gap (an entry missed while disconnected, or one pushed while
 * a sync is still on its way) waits until a sync has filled the gap, so a recipient sees two hugs
 * in the order they were sent. Should that sync fail, the waiting entries are reported anyway:
 * late order beats a lost hug, and the next sync still fetches the gap.
 */
export class InboxSync {
  private cursorValue: number;
  private readonly seen = new SeenIds(SEEN_CAPACITY);
  /** Live entries past a gap, by cursor, with when they arrived. */
  private readonly held = new Map<number, { readonly entry: InboxEntry; readonly at: number }>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly commands: Commands,
    connection: Connection,
    private readonly logger: Logger,
    private readonly handle: EntryHandler,
    private readonly onCursor: (cursor: number) => void,
    initialCursor: number,
  ) {
    this.cursorValue = initialCursor;
    connection.events.on('connected', () => void this.sync());
  }

  /** The last cursor handled without a gap. */
  get cursor(): number {
    return this.cursorValue;
  }

  /** Moves the cursor to one a previous start persisted (before the first sync; never backwards). */
  resumeFrom(cursor: number): void {
    if (cursor > this.cursorValue) this.cursorValue = cursor;
  }

  /** Live entries waiting for a sync to fill the gap before them. */
  get waiting(): number {
    return this.held.size;
  }

  /** Takes an entry pushed live: at once when it follows the cursor, else after a sync fills the gap. */
  live(entry: InboxEntry): void {
    if (entry.cursor <= this.cursorValue + 1) {
      this.take(entry, 'live');
      if (entry.cursor === this.cursorValue + 1) this.advance(entry.cursor);
      this.releaseContiguous();
      return;
    }
    if (!this.held.has(entry.cursor)) this.held.set(entry.cursor, { entry, at: Date.now() });
    void this.sync();
  }

  /** Fetches every entry after the cursor, page by page. Concurrent calls share one run. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const started = Date.now();
    this.running = this.run(started).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.sync();
      }
    });
    return this.running;
  }

  private async run(started: number): Promise<void> {
    try {
      for (;;) {
        const page = await this.commands.send('inbox:sync', { after: this.cursorValue, limit: PAGE });
        for (const entry of page.entries) this.take(entry, 'sync');
        if (page.cursor > this.cursorValue) this.advance(page.cursor);
        this.releaseContiguous();
        if (!page.hasMore) break;
      }
    } catch (error) {
      // The next connect syncs again from the same cursor; nothing is skipped.
      this.logger.warn('inbox sync failed', { error, cursor: this.cursorValue });
      this.releaseAll();
      return;
    }
    // A sync that began after an entry arrived saw everything before it: a gap that remains is
    // one the server skipped, so the entry waits no longer. Younger entries get one more sync.
    for (const cursor of this.heldCursors()) if ((this.held.get(cursor)?.at ?? started) <= started) this.release(cursor);
    if (this.held.size > 0) this.again = true;
  }

  /** Reports held entries the cursor has reached, and those that now follow it without a gap. */
  private releaseContiguous(): void {
    for (const cursor of this.heldCursors()) {
      if (cursor > this.cursorValue + 1) return;
      this.release(cursor);
    }
  }

  /** Reports every held entry in cursor order, gap or not (the cursor stays where it was). */
  private releaseAll(): void {
    for (const cursor of this.heldCursors()) this.release(cursor);
  }

  private heldCursors(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  private release(cursor: number): void {
    const held = this.held.get(cursor);
    if (!held) return;
    this.held.delete(cursor);
    this.take(held.entry, 'live');
    if (cursor === this.cursorValue + 1) this.advance(cursor);
  }

  private take(entry: InboxEntry, source: 'live' | 'sync'): void {
    if (!this.seen.add(entry.id)) return;
    this.handle(entry, source);
  }

  private advance(cursor: number): void {
    this.cursorValue = cursor;
    this.onCursor(cursor);
  }
}
