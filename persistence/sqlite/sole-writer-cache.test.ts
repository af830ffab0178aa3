import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { openSqliteStore } from './sqlite-store.js';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-sole-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = (id: string) => ({ id, username: id, passwordHash: 'scrypt$test', displayName: id, privacy: DEFAULT_PRIVACY, createdAt: 1 });

describe('the sole-writer store (embedded shape)', () => {
  it('keeps privacy and friendships until its own connection writes, and only then reads what others wrote', async () => {
    const file = join(dir, 'store.db');
    const sole = openSqliteStore({ file, soleWriter: true });
    const plain = openSqliteStore({ file });
    // A writer the shape rules out (another process, an operator's sqlite3): it shows that reads are cached.
    const outside = openDatabase(file);
    try {
      await sole.users.create(user('amy'));
      await sole.users.create(user('bo'));
      expect(await sole.users.privacyOf('bo')).toEqual(DEFAULT_PRIVACY);
      expect((await sole.friendships.relation('amy', 'bo')).friendship).toBeNull();

      outside.prepare('UPDATE users SET privacy = ? WHERE id = ?').run(JSON.stringify({ ...DEFAULT_PRIVACY, allowHugsFrom: 'none' }), 'bo');
      outside.prepare("INSERT INTO friendships (user_low, user_high, status, requested_by, since) VALUES ('amy', 'bo', 'friends', 'amy', 5)").run();

      // Cached: the sole writer has not written since it read.
      expect(await sole.users.privacyOf('bo')).toEqual(DEFAULT_PRIVACY);
      expect((await sole.friendships.relation('amy', 'bo')).friendship).toBeNull();
      // Uncached, the same file says otherwise.
      expect((await plain.users.privacyOf('bo'))?.allowHugsFrom).toBe('none');
      expect((await plain.friendships.relation('amy', 'bo')).friendship).toEqual({ status: 'friends', since: 5 });

      // Any write on the sole writer's connection, whatever it touches, empties the cache.
      await sole.users.recordLastSeen('amy', 10);
      expect((await sole.users.privacyOf('bo'))?.allowHugsFrom).toBe('none');
      expect((await sole.friendships.relation('amy', 'bo')).friendship).toEqual({ status: 'friends', since: 5 });
    } finally {
      outside.close();
      await plain.close();
      await sole.close();
    }
  });

  it('sees its own changes at once: a block, an unblock and a privacy change between two reads', async () => {
    const sole = openSqliteStore({ file: join(dir, 'own.db'), soleWriter: true });
    try {
      await sole.users.create(user('cy'));
      await sole.users.create(user('di'));
      expect((await sole.friendships.relation('cy', 'di')).actorBlockedOther).toBe(false);
      await sole.friendships.block('cy', 'di', 7);
      expect((await sole.friendships.relation('cy', 'di')).actorBlockedOther).toBe(true);
      expect((await sole.friendships.relation('di', 'cy')).otherBlockedActor).toBe(true);
      await sole.friendships.unblock('cy', 'di');
      expect((await sole.friendships.relation('cy', 'di')).actorBlockedOther).toBe(false);
      expect((await sole.users.privacyOf('di'))?.allowHugsFrom).toBe('friends');
      await sole.users.updatePrivacy('di', { allowHugsFrom: 'anyone' });
      expect((await sole.users.privacyOf('di'))?.allowHugsFrom).toBe('anyone');
    } finally {
      await sole.close();
    }
  });
});
