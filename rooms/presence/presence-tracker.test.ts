import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { openSqliteStore, type SqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import type { LogPort } from '../log-port.js';
import { RecordingRoomPort } from '../test-support/recording-room-port.js';
import { MemoryPresence } from './memory-presence.js';
import { type DeviceConnection, PresenceTracker } from './presence-tracker.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-tracker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet: LogPort = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('presence tracker', () => {
  let store: SqliteStore;
  let rooms: RecordingRoomPort;
  let queue: SqliteWriteQueue;
  let userId: string;

  const tracker = (graceMs: number) => new PresenceTracker({ presence: new MemoryPresence(), rooms, users: store.users, queue, graceMs, log: quiet });
  const conn = (deviceId: string, connId = randomUUID()): DeviceConnection => ({ userId, connId, deviceId, kind: 'web' });

  beforeEach(async () => {
    store = openSqliteStore({ file: join(dir, `${randomUUID()}.db`) });
    rooms = new RecordingRoomPort();
    queue = new SqliteWriteQueue({ file: ':memory:', lingerMs: 1 });
    queue.start((batch) => store.applyWrites(batch));
    userId = randomUUID();
    await store.users.create({ id: userId, username: `u${userId.slice(0, 8)}`, passwordHash: 'x', displayName: 'U', privacy: DEFAULT_PRIVACY, createdAt: 1 });
  });

  afterEach(async () => {
    await queue.close();
    await store.close();
  });

  it('announces each change of the aggregate once, to the friends room', async () => {
    const t = tracker(0);
    const phone = conn('phone');
    const laptop = conn('laptop');
    await t.connected(phone);
    await t.connected(laptop);
    await t.setStatus(phone, 'away', null);
    await t.setStatus(laptop, 'away', 'reading');
    const updates = rooms.emitted('presence:update');
    expect(updates.map((u) => u.payload.status)).toEqual(['online', 'away']);
    expect(updates[1]?.payload.activity).toBe('reading');
    expect(updates.every((u) => u.rooms.join() === `presence:${userId}:friends`)).toBe(true);
  });

  it('goes offline only after the grace period, then records lastSeenAt in the store', async () => {
    const t = tracker(100);
    const phone = conn('phone');
    await t.connected(phone);
    const left = Date.now();
    t.disconnected(phone);
    await sleep(50);
    expect(rooms.emitted('presence:update').map((u) => u.payload.status)).toEqual(['online']);
    const offline = await vi.waitFor(
      () => {
        const last = rooms.emitted('presence:update').at(-1)?.payload;
        expect(last?.status).toBe('offline');
        return last;
      },
      { timeout: 3000, interval: 10 },
    );
    expect(offline?.lastSeenAt).toBeGreaterThanOrEqual(left);
    await queue.drain();
    expect((await store.users.findById(userId))?.lastSeenAt).toBe(offline?.lastSeenAt);
  });

  it('absorbs a reconnect of the same device within the grace period', async () => {
    const t = tracker(100);
    const first = conn('phone');
    await t.connected(first);
    t.disconnected(first);
    await t.connected(conn('phone'));
    await sleep(150);
    expect(rooms.emitted('presence:update').map((u) => u.payload.status)).toEqual(['online']);
  });

  it('announces the status a lingering device was hiding once its grace period ends', async () => {
    const t = tracker(80);
    const old = conn('old');
    await t.connected(old);
    t.disconnected(old);
    const current = conn('new');
    await t.connected(current);
    await t.setStatus(current, 'away', null);
    expect(rooms.emitted('presence:update').map((u) => u.payload.status)).toEqual(['online']);
    await sleep(150);
    expect(rooms.emitted('presence:update').map((u) => u.payload.status)).toEqual(['online', 'away']);
  });

  it('announces to no room while the user hides their status, and to both when public', async () => {
    await store.users.updatePrivacy(userId, { showOnlineStatus: 'none' });
    const t = tracker(0);
    const a = conn('a');
    await t.connected(a);
    expect(rooms.emitted('presence:update')).toEqual([]);
    await store.users.updatePrivacy(userId, { showOnlineStatus: 'public' });
    await t.setStatus(a, 'away', null);
    expect(rooms.emitted('presence:update').map((u) => u.rooms)).toEqual([[`presence:${userId}:friends`, `presence:${userId}:public`]]);
  });

  it('refuses a status change from a connection that was replaced', async () => {
    const t = tracker(0);
    const old = conn('phone');
    await t.connected(old);
    await t.connected(conn('phone'));
    await expect(t.setStatus(old, 'away', null)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('flushes pending removals at shutdown', async () => {
    const t = tracker(60_000);
    const phone = conn('phone');
    await t.connected(phone);
    t.disconnected(phone);
    await t.flush();
    expect(rooms.emitted('presence:update').at(-1)?.payload.status).toBe('offline');
  });
});
