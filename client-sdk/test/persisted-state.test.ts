import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger.js';
import { PersistedState } from '../src/storage/persisted-state.js';
import { memoryStorage, type StorageAdapter } from '../src/storage/storage-adapter.js';

/** An AsyncStorage stand-in whose writes finish in reverse order of their start. */
function slowStorage(): StorageAdapter & { readonly items: Map<string, string>; release(): void } {
  const items = new Map<string, string>();
  const waiting: (() => void)[] = [];
  return {
    items,
    getItem: (key) => Promise.resolve(items.get(key) ?? null),
    setItem: (key, value) => new Promise<void>((resolve) => waiting.push(() => (items.set(key, value), resolve()))),
    removeItem: (key) => new Promise<void>((resolve) => waiting.push(() => (items.delete(key), resolve()))),
    release() {
      for (const done of waiting.splice(0).reverse()) done();
    },
  };
}

describe('persisted client state', () => {
  it('stores the last value of a key even when an asynchronous storage would finish its writes out of order', async () => {
    const storage = slowStorage();
    const state = new PersistedState(storage, 'hm', silentLogger);
    for (const cursor of [1, 2, 3, 4]) state.saveCursor('u1', cursor);
    const flushed = state.flush();
    while (storage.items.get('hm:u1:cursor') !== '4') {
      storage.release();
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await flushed;
    expect((await state.user('u1')).cursor).toBe(4);
  });

  it('ignores values that do not parse, and keeps each user apart', async () => {
    const storage = memoryStorage();
    const state = new PersistedState(storage, 'hm', silentLogger);
    await storage.setItem('hm:u1:cursor', 'NaN');
    await storage.setItem('hm:u1:outbox', '{not json');
    await storage.setItem('hm:u1:unread', JSON.stringify({ unread: -1, at: 1 }));
    await storage.setItem('hm:session', JSON.stringify({ userId: 'u1' }));
    await storage.setItem('hm:device', 'short');
    expect(await state.user('u1')).toEqual({ cursor: null, outbox: [], unread: null });
    expect(await state.session()).toBeNull();
    expect(await state.deviceId()).toBeNull();

    state.saveCursor('u2', 7);
    state.saveOutbox('u2', [{ name: 'hug:send', payload: { clientId: 'c_1' }, deadline: 5 }, { name: 'x', payload: 'not an object', deadline: 1 }]);
    state.saveUnread('u2', { unread: 3, at: 10 });
    await state.flush();
    expect(await state.user('u2')).toEqual({ cursor: 7, outbox: [{ name: 'hug:send', payload: { clientId: 'c_1' }, deadline: 5 }], unread: { unread: 3, at: 10 } });
    state.forgetUser('u2');
    await state.flush();
    expect(await state.user('u2')).toEqual({ cursor: null, outbox: [], unread: null });
  });
});
