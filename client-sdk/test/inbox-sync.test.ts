import { describe, expect, it } from 'vitest';
import type { InboxEntry, InboxPage } from '../../protocol/types/inbox.js';
import type { Commands } from '../src/commands.js';
import type { Connection } from '../src/connection/connection.js';
import { Emitter } from '../src/emitter.js';
import { InboxSync } from '../src/hugs/inbox-sync.js';
import { silentLogger } from '../src/logger.js';

function receipt(cursor: number): InboxEntry {
  return { type: 'read-receipt', cursor, id: `read-receipt:h${cursor}`, createdAt: cursor, receipt: { hugId: `h${cursor}`, by: 'b', readAt: cursor } };
}

/** An inbox server stand-in answering `inbox:sync`; an answer can be held until released, or fail. */
function harness(inbox: InboxEntry[], initialCursor = 0) {
  const events = new Emitter<{ connected: [{ reconnect: boolean }] }>();
  const handled: { id: string; source: string }[] = [];
  const cursors: number[] = [];
  let release: (() => void) | null = null;
  let holdNext = false;
  let failNext = false;
  const commands = {
    send: async (_name: 'inbox:sync', { after, limit }: { after: number; limit: number }): Promise<InboxPage> => {
      if (failNext) {
        failNext = false;
        throw new Error('offline');
      }
      if (holdNext) {
        holdNext = false;
        await new Promise<void>((resolve) => (release = resolve));
      }
      const rows = inbox.filter((e) => e.cursor > after);
      const page = rows.slice(0, limit);
      return { entries: page, cursor: page.at(-1)?.cursor ?? after, hasMore: rows.length > limit };
    },
  } as unknown as Commands;
  const connection = { events } as unknown as Connection;
  const sync = new InboxSync(commands, connection, silentLogger, (e, source) => handled.push({ id: e.id, source }), (c) => cursors.push(c), initialCursor);
  return {
    sync,
    handled,
    cursors,
    connect: () => events.emit('connected', { reconnect: true }),
    holdNextPage: () => (holdNext = true),
    failNextPage: () => (failNext = true),
    releasePage: () => release?.(),
  };
}

describe('inbox sync', () => {
  it('reports an entry that came live and then again in a sync page once, in cursor order', async () => {
    const inbox = [1, 2, 3].map(receipt);
    const h = harness(inbox);
    h.holdNextPage();
    const running = h.sync.sync();
    // While the page is in flight, entry 3 (also in that page) arrives live: it waits for 1 and 2.
    h.sync.live(receipt(3));
    expect(h.handled).toEqual([]);
    expect(h.sync.waiting).toBe(1);
    h.releasePage();
    await running;
    expect(h.handled).toEqual([
      { id: 'read-receipt:h1', source: 'sync' },
      { id: 'read-receipt:h2', source: 'sync' },
      { id: 'read-receipt:h3', source: 'sync' },
    ]);
    expect(h.sync.cursor).toBe(3);
    expect(h.sync.waiting).toBe(0);
  });

  it('holds a live entry after a gap until a sync fills it, and moves the cursor without gaps', async () => {
    const inbox = [1, 2].map(receipt);
    const h = harness(inbox);
    await h.sync.sync();
    expect(h.sync.cursor).toBe(2);
    inbox.push(receipt(3), receipt(4));
    h.sync.live(receipt(3));
    expect(h.sync.cursor).toBe(3);
    // 5 and then 6 arrive live while 4 was missed: both wait, the cursor stays, a sync fetches 4.
    inbox.push(receipt(5), receipt(6));
    h.holdNextPage();
    h.sync.live(receipt(5));
    h.sync.live(receipt(6));
    expect(h.sync.cursor).toBe(3);
    expect(h.handled.map((e) => e.id).at(-1)).toBe('read-receipt:h3');
    h.releasePage();
    await h.sync.sync();
    expect(h.handled.map((e) => e.id).slice(-3)).toEqual(['read-receipt:h4', 'read-receipt:h5', 'read-receipt:h6']);
    expect(h.sync.cursor).toBe(6);
    expect(h.cursors).toEqual([2, 3, 6]);
  });

  it('reports held entries when the sync that should fill the gap fails, and fetches the gap later', async () => {
    const inbox = [1, 2, 3].map(receipt);
    const h = harness(inbox);
    h.failNextPage();
    h.sync.live(receipt(3));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Out of order beats lost: 3 is reported, the cursor stays at 0, the next sync brings 1 and 2 once.
    expect(h.handled.map((e) => e.id)).toEqual(['read-receipt:h3']);
    expect(h.sync.cursor).toBe(0);
    await h.sync.sync();
    expect(h.handled.map((e) => e.id)).toEqual(['read-receipt:h3', 'read-receipt:h1', 'read-receipt:h2']);
    expect(h.sync.cursor).toBe(3);
  });

  it('syncs on every connect from where it stopped, paging through everything', async () => {
    const inbox = Array.from({ length: 250 }, (_, i) => receipt(i + 1));
    const h = harness(inbox, 40);
    h.connect();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await h.sync.sync();
    expect(h.handled.map((e) => e.id)).toEqual(inbox.slice(40).map((e) => e.id));
    expect(h.sync.cursor).toBe(250);
  });
});
