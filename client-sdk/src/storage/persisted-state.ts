import type { Logger } from '../logger.js';
import { KeyedWriter } from './keyed-writer.js';
import type { StorageAdapter } from './storage-adapter.js';

/** A signed-in session as the SDK keeps it between app starts (never the access token). */
export interface StoredSession {
  readonly userId: string;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: number;
}

/** A send waiting in the outbox, as data: replayed after a restart with the same `clientId`. */
export interface StoredSend {
  readonly name: string;
  readonly payload: unknown;
  /** Epoch ms after which it is not sent any more. */
  readonly deadline: number;
}

/** The unread notification count and the server time it was counted at. */
export interface StoredUnread {
  readonly unread: number;
  readonly at: number;
}

/** What one user's client resumes from. */
export interface UserState {
  readonly cursor: number | null;
  readonly outbox: readonly StoredSend[];
  readonly unread: StoredUnread | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The SDK's keys in the app's storage, under one prefix (`hugmood` unless the app says otherwise):
 * `<prefix>:device` and `<prefix>:session` for the device, and `<prefix>:<userId>:cursor |
 * outbox | unread` for each user who signed in on it. Values that do not parse (another version,
 * a hand edit) are ignored with a warning: the client then starts afresh for that value.
 */
export class PersistedState {
  private readonly writer: KeyedWriter;

  constructor(
    private readonly storage: StorageAdapter,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.writer = new KeyedWriter(storage, logger);
  }

  async deviceId(): Promise<string | null> {
    const value = await this.read('device');
    return value !== null && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : null;
  }

  saveDeviceId(deviceId: string): void {
    this.writer.set(this.key('device'), deviceId);
  }

  async session(): Promise<StoredSession | null> {
    const value = await this.readJson('session');
    if (!isRecord(value) || typeof value['userId'] !== 'string' || typeof value['refreshToken'] !== 'string' || !isCount(value['refreshTokenExpiresAt'])) return null;
    return { userId: value['userId'], refreshToken: value['refreshToken'], refreshTokenExpiresAt: value['refreshTokenExpiresAt'] };
  }

  saveSession(session: StoredSession | null): void {
    this.writer.set(this.key('session'), session === null ? null : JSON.stringify(session));
  }

  async user(userId: string): Promise<UserState> {
    const [cursor, outbox, unread] = await Promise.all([this.read(`${userId}:cursor`), this.readJson(`${userId}:outbox`), this.readJson(`${userId}:unread`)]);
    const parsedCursor = cursor === null ? null : Number(cursor);
    return {
      cursor: parsedCursor !== null && isCount(parsedCursor) ? parsedCursor : null,
      outbox: Array.isArray(outbox) ? outbox.filter(isStoredSend) : [],
      unread: isRecord(unread) && isCount(unread['unread']) && typeof unread['at'] === 'number' ? { unread: unread['unread'], at: unread['at'] } : null,
    };
  }

  saveCursor(userId: string, cursor: number): void {
    this.writer.set(this.key(`${userId}:cursor`), String(cursor));
  }

  saveOutbox(userId: string, sends: readonly StoredSend[]): void {
    this.writer.set(this.key(`${userId}:outbox`), sends.length === 0 ? null : JSON.stringify(sends));
  }

  saveUnread(userId: string, unread: StoredUnread): void {
    this.writer.set(this.key(`${userId}:unread`), JSON.stringify(unread));
  }

  /** Forgets a user's state on this device (sign-out). */
  forgetUser(userId: string): void {
    for (const name of ['cursor', 'outbox', 'unread']) this.writer.set(this.key(`${userId}:${name}`), null);
  }

  /** Resolves once everything saved so far is in the storage. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  private async read(name: string): Promise<string | null> {
    try {
      return (await this.storage.getItem(this.key(name))) ?? null;
    } catch (error) {
      this.logger.warn('the storage adapter failed to read', { error, key: this.key(name) });
      return null;
    }
  }

  private async readJson(name: string): Promise<unknown> {
    const value = await this.read(name);
    if (value === null) return null;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      this.logger.warn('ignoring a stored value that is not JSON', { key: this.key(name) });
      return null;
    }
  }
}

function isStoredSend(value: unknown): value is StoredSend {
  return isRecord(value) && typeof value['name'] === 'string' && isRecord(value['payload']) && typeof value['deadline'] === 'number';
}
