import { randomDeviceId } from '../device-id.js';
import type { HugsApi } from '../hugs/hugs.js';
import type { QueuedCommands } from '../hugs/queued-commands.js';
import type { Logger } from '../logger.js';
import type { NotificationsApi } from '../notifications/notifications.js';
import type { PersistedState, StoredSend } from '../storage/persisted-state.js';

/** The parts of the client whose state survives a restart. */
export interface PersistentParts {
  readonly hugs: HugsApi;
  readonly notifications: NotificationsApi;
  readonly queued: QueuedCommands;
}

/**
 * Restores a client from the storage adapter and keeps the storage current: the device id at
 * once; once the user is known, their inbox cursor, unread count and outbox, saved again on every
 * change. A restarted app therefore resumes the inbox where it stopped and sends what it had
 * left to send, with the same idempotency keys (the server keeps each send once).
 */
export class ClientPersistence {
  private userId: string | null = null;
  private loading: Promise<void> | null = null;
  /** Outbox changes made before the user was known. */
  private earlyOutbox: readonly StoredSend[] | null = null;

  constructor(
    private readonly state: PersistedState,
    private readonly logger: Logger,
  ) {}

  /** The device id: the app's, else the stored one, else a new one (stored). */
  async deviceId(given: string | undefined): Promise<string> {
    if (given !== undefined) return given;
    const stored = await this.state.deviceId();
    if (stored !== null) return stored;
    const fresh = randomDeviceId();
    this.state.saveDeviceId(fresh);
    return fresh;
  }

  /** The outbox changed: persisted under the user, once known. */
  outboxChanged(sends: readonly StoredSend[]): void {
    if (this.userId === null) this.earlyOutbox = sends;
    else this.state.saveOutbox(this.userId, sends);
  }

  /** Loads `userId`'s stored state into the client (once; a later call for another user is refused in the log). */
  loadUser(userId: string, parts: PersistentParts): Promise<void> {
    if (this.userId !== null && this.userId !== userId) {
      this.logger.warn('the access token names another user than the one this client started for; its stored state stays', { userId, startedFor: this.userId });
    }
    this.loading ??= this.load(userId, parts);
    return this.loading;
  }

  /** Forgets the signed-in user's stored state (sign-out). */
  forgetUser(): void {
    if (this.userId !== null) this.state.forgetUser(this.userId);
  }

  flush(): Promise<void> {
    return this.state.flush();
  }

  private async load(userId: string, parts: PersistentParts): Promise<void> {
    this.userId = userId;
    const stored = await this.state.user(userId);
    if (stored.cursor !== null) parts.hugs.resumeFrom(stored.cursor);
    if (stored.unread !== null) parts.notifications.unread.set(stored.unread.unread, stored.unread.at);
    parts.hugs.on('cursor', (cursor) => this.state.saveCursor(userId, cursor));
    parts.notifications.unread.subscribe((unread) => this.state.saveUnread(userId, { unread, at: parts.notifications.unread.countedAt }));
    if (this.earlyOutbox !== null) this.state.saveOutbox(userId, this.earlyOutbox);
    if (stored.outbox.length === 0) return;
    this.logger.info('sending what the previous start left in the outbox', { sends: stored.outbox.length });
    void parts.queued.resume(stored.outbox).then((failed) => {
      if (failed.length > 0) this.logger.warn('sends left by the previous start failed', { failed });
    });
  }
}
