import { join } from 'node:path';
import type { HugMoodClient } from '../../client-sdk/src/index.js';
import type { Hug } from '../../protocol/schemas/hugs.js';
import type { InboxEntry } from '../../protocol/schemas/inbox.js';
import { eventually } from './clients.js';
import { openDatabase } from '../../persistence/sqlite/open-database.js';

/** Every hug of the client's user in `direction`, through `hug:history` pages. */
export async function allHistory(client: HugMoodClient, direction: 'sent' | 'received'): Promise<Hug[]> {
  const hugs: Hug[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await client.hugs.history({ direction, limit: 200, ...(before ? { before } : {}) });
    hugs.push(...page.hugs);
    if (!page.next) return hugs;
    before = page.next;
  }
}

/** The client's whole inbox, through `inbox:sync` pages. */
export async function allInbox(client: HugMoodClient): Promise<InboxEntry[]> {
  const entries: InboxEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await client.request('inbox:sync', { after, limit: 200 });
    entries.push(...page.entries);
    if (!page.hasMore) return entries;
    after = page.cursor;
  }
}

/** What the SQLite store in `dataDir` holds for hugs sent by `from` (read straight from the file). */
export function storedHugs(dataDir: string, from: string): { readonly hugIds: string[]; readonly inboxRefs: string[] } {
  const db = openDatabase(join(dataDir, 'hugmood.db'), { readonly: true, fileMustExist: true });
  try {
    const hugIds = db.prepare('SELECT id FROM hugs WHERE from_user = ?').pluck().all(from) as string[];
    const inboxRefs = db
      .prepare("SELECT inbox.ref FROM inbox JOIN hugs ON hugs.id = inbox.ref WHERE inbox.type = 'hug' AND hugs.from_user = ?")
      .pluck()
      .all(from) as string[];
    return { hugIds, inboxRefs };
  } finally {
    db.close();
  }
}

/** `hugmood_write_queue_depth` from a node's `/metrics` (its metrics listener at `metricsUrl`). */
export async function queueDepth(metricsUrl: string): Promise<number> {
  const text = await (await fetch(`${metricsUrl}/metrics`)).text();
  const value = /^hugmood_write_queue_depth(?:\{[^}]*\})? ([\d.e+]+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error('no hugmood_write_queue_depth in /metrics');
  return Number(value);
}

/**
 * Waits until the write queue seen by the node at `metricsUrl` is empty and the SQLite store in
 * `dataDir` holds at least `expected` hugs of `from`; returns what it holds.
 */
export function storeHolds(dataDir: string, metricsUrl: string, from: string, expected: number): Promise<{ readonly hugIds: string[]; readonly inboxRefs: string[] }> {
  return eventually(async () => {
    if ((await queueDepth(metricsUrl)) > 0) return false;
    const stored = storedHugs(dataDir, from);
    return stored.hugIds.length >= expected ? stored : false;
  }, 30_000, `the store to hold ${expected} hugs`);
}
