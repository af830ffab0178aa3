import type { InboxEntry } from '../../../protocol/schemas/inbox.js';
import type { Commands } from '../commands.js';
import type { Connection } from '../connection/connection.js';
import type { Logger } from '../logger.js';
import { SeenIds } from './seen-ids.js';

/** Receives each inbox entry once. */
export type EntryHandler = (entry: InboxEntry, source: 'live' | 'sync') => void;

const PAGE = 100;
const SEEN_CAPACITY = 10_000;

/**
 * Keeps the client's inbox cursor and makes sure the app sees every entry exactly once: it syncs
 * everything after the cursor on every connect and reconnect, takes live entries as they come, and
 * drops any entry whose id it has already handled (live and sync overlap around the cursor).
 *
 * The cursor only moves over entries without a gap (sync pages, or a live entry right after it),
 * so an entry missed while disconnected is always fetched by the next sync.
 */
export class InboxSync {
  private cursorValue: number;
  private readonly seen = new SeenIds(SEEN_CAPACITY);
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

  /**
   * Takes an entry pushed live. After a gap (an entry missed, or a cursor the server skipped), a
   * sync fetches what lies between, so the cursor keeps moving.
   */
  live(entry: InboxEntry): void {
    this.take(entry, 'live');
    if (entry.cursor === this.cursorValue + 1) this.advance(entry.cursor);
    else if (entry.cursor > this.cursorValue + 1) void this.sync();
  }

  /** Fetches every entry after the cursor, page by page. Concurrent calls share one run. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.sync();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        const page = await this.commands.send('inbox:sync', { after: this.cursorValue, limit: PAGE });
        for (const entry of page.entries) this.take(entry, 'sync');
        if (page.cursor > this.cursorValue) this.advance(page.cursor);
        if (!page.hasMore) return;
      }
    } catch (error) {
      // The next connect syncs again from the same cursor; nothing is skipped.
      this.logger.warn('inbox sync failed', { error, cursor: this.cursorValue });
    }
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
