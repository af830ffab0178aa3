/**
 * Where the SDK keeps what must survive an app restart: this device's id, the session's refresh
 * token, the inbox cursor, the unread count and the offline outbox. The shape is that of the Web
 * Storage API and of React Native's AsyncStorage, so both fit as they are; each method may answer
 * at once or with a promise.
 *
 * @example
 * ```ts
 * import AsyncStorage from '@react-native-async-storage/async-storage';
 * HugMoodClient.connect({ url, auth: 'stored', storage: AsyncStorage });
 * ```
 */
export interface StorageAdapter {
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/**
 * Storage that lives as long as the process: the default, and right for servers and tests. A
 * client on it starts afresh after a restart.
 *
 * @example
 * ```ts
 * const storage = memoryStorage();
 * ```
 */
export function memoryStorage(): StorageAdapter {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** The part of the Web Storage API {@link webStorage} uses. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The browser's `localStorage` (or any Web Storage), shared by the tabs of one origin. A write the
 * browser refuses (quota, private mode) is reported to the SDK's logger, never thrown at the app.
 *
 * @example
 * ```ts
 * HugMoodClient.connect({ url, auth: { username, password }, storage: webStorage() });
 * ```
 */
export function webStorage(storage: WebStorageLike | undefined = browserLocalStorage()): StorageAdapter {
  if (!storage) throw new TypeError('webStorage(): no localStorage here; pass one, or use memoryStorage()');
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
  };
}

/** `globalThis.localStorage` where it exists and may be used (it throws in some sandboxed frames). */
export function browserLocalStorage(): WebStorageLike | undefined {
  try {
    return (globalThis as { localStorage?: WebStorageLike }).localStorage;
  } catch {
    return undefined;
  }
}
