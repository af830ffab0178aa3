import { DELETED_USER_ID } from '../../protocol/ids.js';
import type { WriteOperation } from './write-operation.js';

/** The users an operation writes for or about: those whose tombstones can change it. */
export function usersOf(op: WriteOperation): string[] {
  switch (op.type) {
    case 'hug.create':
      return [op.hug.from, op.hug.to];
    case 'hug-request.create':
      return [op.request.from, op.request.to];
    case 'inbox.append':
      return [op.entry.userId, ...[op.entry.data['by'], op.entry.data['from']].filter((v): v is string => typeof v === 'string')];
    case 'group-hug.summary':
      return [op.summary.creatorId, ...op.summary.participants];
    case 'mood.create':
      return [op.mood.userId];
    case 'mood.update':
    case 'mood.delete':
    case 'mood.streak':
      return [op.userId];
    case 'notification.create':
      return [op.notification.userId, ...(op.notification.data.userId === undefined ? [] : [op.notification.data.userId])];
    case 'notification.read':
    case 'notification.read-up-to':
    case 'notification.delete':
      return [op.userId];
    case 'activity.create':
      return [op.activity.actorId, ...(op.activity.type === 'friendship' ? [op.activity.ref] : [])];
    case 'user.last-seen':
    case 'hug.delivered':
    case 'hug.read':
    case 'hug-request.answer':
      return [];
  }
}

/**
 * An operation as it must land once some of its users' accounts are deleted, or `null` when it
 * must not land at all: nothing is written for a deleted recipient (their hugs, requests, inbox,
 * notifications; nor a notification naming a deleted account),
 * a deleted sender's hug lands anonymised (no sender, no message), and a deleted user is named as
 * `DELETED_USER_ID` wherever an entry or summary names them. Both stores apply it to every write,
 * so a write queued before a deletion and applied after it changes nothing the deletion removed.
 */
export function afterDeletions(op: WriteOperation, isDeleted: (userId: string) => boolean): WriteOperation | null {
  const hide = (userId: string) => (isDeleted(userId) ? DELETED_USER_ID : userId);
  switch (op.type) {
    case 'hug.create':
      if (isDeleted(op.hug.to)) return null;
      return isDeleted(op.hug.from) ? { ...op, hug: { ...op.hug, from: DELETED_USER_ID, message: null } } : op;
    case 'hug-request.create':
      return isDeleted(op.request.to) || isDeleted(op.request.from) ? null : op;
    case 'inbox.append': {
      if (isDeleted(op.entry.userId)) return null;
      const data = { ...op.entry.data };
      for (const field of ['by', 'from'] as const) {
        const value = data[field];
        if (typeof value === 'string') data[field] = hide(value);
      }
      return { ...op, entry: { ...op.entry, data } };
    }
    case 'group-hug.summary':
      return { ...op, summary: { ...op.summary, creatorId: hide(op.summary.creatorId), participants: op.summary.participants.map(hide) } };
    // A deleted user's moods and streak are gone with them.
    case 'mood.create':
      return isDeleted(op.mood.userId) ? null : op;
    case 'mood.update':
    case 'mood.delete':
    case 'mood.streak':
      return isDeleted(op.userId) ? null : op;
    // A notification goes with its recipient, and with the account it names (its words name them).
    case 'notification.create':
      return isDeleted(op.notification.userId) || (op.notification.data.userId !== undefined && isDeleted(op.notification.data.userId)) ? null : op;
    case 'notification.read':
    case 'notification.read-up-to':
    case 'notification.delete':
      return isDeleted(op.userId) ? null : op;
    // An activity goes with its actor, and a new friendship with either friend.
    case 'activity.create':
      return usersOf(op).some(isDeleted) ? null : op;
    case 'user.last-seen':
    case 'hug.delivered':
    case 'hug.read':
    case 'hug-request.answer':
      return op;
  }
}
