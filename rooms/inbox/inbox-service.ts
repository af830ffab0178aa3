import type { InboxEntry, InboxPage } from '../../protocol/schemas/inbox.js';
import type { InboxRecord, InboxRepository } from '../../persistence/store/inbox-repository.js';
import type { FreshNotificationReads } from '../../persistence/write-behind/fresh-notification-reads.js';
import type { FreshHugReads, FreshHugRequestReads } from '../../persistence/write-behind/read-your-writes.js';
import { NOTIFICATIONS_SINCE_VERSION } from '../../protocol/version.js';
import { toNotification } from '../notifications/notifier.js';
import { toHug, toHugRequest } from '../hugs/hug-views.js';

/** What {@link InboxService} is built from. */
export interface InboxServiceDeps {
  readonly inbox: InboxRepository;
  /** The user's own hugs and requests are read (they are in the user's inbox as its recipient). */
  readonly hugs: FreshHugReads;
  readonly requests: FreshHugRequestReads;
  readonly notifications: FreshNotificationReads;
  readonly now?: () => number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * `inbox:sync`: a user's inbox after a cursor, oldest first, with hugs and requests in their
 * current state (read, answered, expired). Every write acknowledged before the sync is in it, when
 * the repositories are the read-your-writes ones (`freshReads`). A notification shows in its current
 * read state; a deleted one, and every notification for a client older than protocol 4, is left
 * out (the page's cursor still moves past it).
 */
export class InboxService {
  private readonly now: () => number;

  constructor(private readonly deps: InboxServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async sync(userId: string, after: number, limit: number, protocolVersion: number = NOTIFICATIONS_SINCE_VERSION): Promise<InboxPage> {
    const rows = await this.deps.inbox.after(userId, after, limit + 1);
    const page = rows.slice(0, limit);
    const refs = (type: InboxRecord['type']) => page.filter((r) => r.type === type).map((r) => r.ref);
    const notificationRefs = protocolVersion >= NOTIFICATIONS_SINCE_VERSION ? refs('notification') : [];
    const [hugs, requests, notificationById] = await Promise.all([
      this.deps.hugs.getMany(refs('hug'), userId),
      this.deps.requests.getMany(refs('hug-request'), userId),
      this.deps.notifications.getMany(notificationRefs, userId),
    ]);
    const hugById = new Map(hugs.map((h) => [h.id, h]));
    const requestById = new Map(requests.map((r) => [r.id, r]));
    const now = this.now();
    const entries = page.flatMap((row): InboxEntry[] => {
      const base = { cursor: row.cursor, id: row.id, createdAt: row.createdAt };
      switch (row.type) {
        case 'hug': {
          const hug = hugById.get(row.ref);
          return hug ? [{ ...base, type: 'hug', hug: toHug(hug) }] : [];
        }
        case 'hug-request': {
          const request = requestById.get(row.ref);
          return request ? [{ ...base, type: 'hug-request', request: toHugRequest(request, now) }] : [];
        }
        case 'hug-request-answer':
          return [{ ...base, type: 'hug-request-answer', answer: { requestId: row.ref, by: str(row.data.by) ?? '', accepted: row.data.accepted === true, hugId: str(row.data.hugId) } }];
        case 'read-receipt':
          return [{ ...base, type: 'read-receipt', receipt: { hugId: row.ref, by: str(row.data.by) ?? '', readAt: Number(row.data.readAt) } }];
        case 'group-invite':
          return [{ ...base, type: 'group-invite', invite: { groupId: row.ref, title: str(row.data.title) ?? '', from: str(row.data.from) ?? '' } }];
        case 'notification': {
          const notification = notificationById.get(row.ref);
          return notification ? [{ ...base, type: 'notification', notification: toNotification(notification) }] : [];
        }
      }
    });
    return { entries, cursor: page.at(-1)?.cursor ?? after, hasMore: rows.length > limit };
  }
}
