import type { Database } from 'better-sqlite3';
import { afterDeletions, usersOf } from '../write-behind/deleted-accounts.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import type { BatchOutcome } from '../write-behind/write-queue.js';
import type { SqliteAccountRepository } from './sqlite-account-repository.js';
import type { SqliteActivityRepository } from './sqlite-activity-repository.js';
import type { SqliteGroupHugRepository } from './sqlite-group-hug-repository.js';
import type { SqliteHugRepository } from './sqlite-hug-repository.js';
import type { SqliteHugRequestRepository } from './sqlite-hug-request-repository.js';
import type { SqliteInboxRepository } from './sqlite-inbox-repository.js';
import type { SqliteMoodRepository } from './sqlite-mood-repository.js';
import type { SqliteNotificationRepository } from './sqlite-notification-repository.js';
import type { SqliteUserRepository } from './sqlite-user-repository.js';

/** The repositories a batch writes through. */
export interface SqliteWriteTargets {
  readonly users: SqliteUserRepository;
  readonly hugs: SqliteHugRepository;
  readonly hugRequests: SqliteHugRequestRepository;
  readonly inbox: SqliteInboxRepository;
  readonly groupHugs: SqliteGroupHugRepository;
  readonly moods: SqliteMoodRepository;
  readonly notifications: SqliteNotificationRepository;
  readonly activities: SqliteActivityRepository;
  readonly accounts: SqliteAccountRepository;
}

function applyOne(t: SqliteWriteTargets, given: WriteOperation, anyDeleted: boolean): void {
  // Tombstones are looked up only once some account was deleted, and only for writes that name users.
  const op = anyDeleted && usersOf(given).length > 0 ? afterDeletions(given, (userId) => t.accounts.isDeletedNow(userId)) : given;
  if (op === null) return;
  switch (op.type) {
    case 'user.last-seen':
      return t.users.applyLastSeen(op.userId, op.at);
    case 'hug.create':
      return t.hugs.applyCreate(op.hug);
    case 'hug.delivered':
      return t.hugs.applyDelivered(op.hugId, op.at);
    case 'hug.read':
      return t.hugs.applyRead(op.hugId, op.at);
    case 'hug-request.create':
      return t.hugRequests.applyCreate(op.request);
    case 'hug-request.answer':
      return t.hugRequests.applyAnswer(op.requestId, op.status, op.at, op.hugId);
    case 'inbox.append':
      return t.inbox.applyAppend(op.entry);
    case 'group-hug.summary':
      return t.groupHugs.applySummary(op.summary);
    case 'mood.create':
      return t.moods.applyCreate(op.mood);
    case 'mood.update':
      return t.moods.applyUpdate(op.moodId, op.userId, op.changes, op.at);
    case 'mood.delete':
      return t.moods.applyDelete(op.moodId, op.userId, op.at);
    case 'mood.streak':
      return t.moods.applyStreak(op.userId, op.streak, op.at);
    case 'notification.create':
      return t.notifications.applyCreate(op.notification);
    case 'notification.read':
      return t.notifications.applyRead(op.userId, op.ids, op.at);
    case 'notification.read-up-to':
      return t.notifications.applyReadUpTo(op.userId, op.createdAt, op.notificationId, op.at);
    case 'notification.delete':
      return t.notifications.applyDelete(op.userId, op.ids, op.at);
    case 'activity.create':
      return t.activities.applyCreate(op.activity);
    default:
      return assertNever(op);
  }
}

function assertNever(op: never): never {
  throw new Error(`unknown write operation ${JSON.stringify(op)}`);
}

/**
 * Writes a batch in one immediate transaction. Each operation runs in its own savepoint, so a
 * failing one is rolled back alone and reported, and its batch-mates commit together. After a
 * failure, later operations of the same key are held back (reported failed) to keep key order.
 */
export function sqliteApplyWrites(db: Database, targets: SqliteWriteTargets, batch: readonly WriteOperation[]): BatchOutcome {
  const failed = new Map<string, Error>();
  const one = db.transaction((op: WriteOperation, anyDeleted: boolean) => applyOne(targets, op, anyDeleted));
  const all = db.transaction(() => {
    const anyDeleted = targets.accounts.anyDeletedNow();
    const failedKeys = new Set<string>();
    for (const op of batch) {
      if (failedKeys.has(op.key)) {
        failed.set(op.id, new Error(`held back: an earlier operation on ${op.key} failed`));
        continue;
      }
      try {
        one(op, anyDeleted);
      } catch (error) {
        failed.set(op.id, error instanceof Error ? error : new Error(String(error)));
        failedKeys.add(op.key);
      }
    }
  });
  all.immediate();
  return { failed };
}
