import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxCursors } from './inbox-cursors.js';

/** Builds cursors for one test; `seeded` users start after the given cursor (what the store holds). */
export type InboxCursorsFactory = (seeded: ReadonlyMap<string, number>) => Promise<InboxCursors>;

/** The behaviour every {@link InboxCursors} must show. */
export function runInboxCursorsContract(name: string, factory: InboxCursorsFactory): void {
  describe(`inbox cursors contract: ${name}`, () => {
    let cursors: InboxCursors | undefined;
    afterEach(async () => {
      await cursors?.close();
      cursors = undefined;
    });

    it('hands out strictly increasing, distinct cursors to concurrent callers', async () => {
      const c = await factory(new Map());
      cursors = c;
      const user = `u-${randomUUID()}`;
      const got = await Promise.all(Array.from({ length: 50 }, (_, i) => c.reserve(user, (i % 3) + 1)));
      const taken = got.flatMap((first, i) => Array.from({ length: (i % 3) + 1 }, (_, k) => first + k));
      expect(new Set(taken).size).toBe(taken.length);
      expect(Math.min(...taken)).toBe(1);
      expect(await c.reserve(user)).toBeGreaterThan(Math.max(...taken));
    });

    it('continues after what the store already holds, per user', async () => {
      const a = `a-${randomUUID()}`;
      const b = `b-${randomUUID()}`;
      cursors = await factory(new Map([[a, 41]]));
      expect(await cursors.reserve(a)).toBe(42);
      expect(await cursors.reserve(b)).toBe(1);
      expect(await cursors.reserve(a, 2)).toBe(43);
      expect(await cursors.reserve(a)).toBe(45);
    });
  });
}
