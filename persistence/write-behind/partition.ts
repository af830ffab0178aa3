import type { WriteOperation } from './write-operation.js';

/** The partition of `key` among `partitions` (FNV-1a): the same key always lands on the same one. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

/**
 * What an operation's partition is chosen by: the user whose state it belongs to where there is
 * one (so a command step, which runs in that user's state, appends to the same partition as a
 * plain enqueue would), else its key. Every operation of one key routes the same way.
 */
export function routeOf(op: WriteOperation): string {
  switch (op.type) {
    case 'hug.create':
      return userRoute(op.hug.to);
    case 'inbox.append':
      return userRoute(op.entry.userId);
    case 'hug-request.create':
      return userRoute(op.request.to);
    case 'user.last-seen':
      return userRoute(op.userId);
    case 'hug.delivered':
    case 'hug.read':
    case 'hug-request.answer':
      return op.to === undefined ? op.key : userRoute(op.to);
    case 'group-hug.summary':
      return op.key;
    case 'mood.create':
      return userRoute(op.mood.userId);
    case 'mood.update':
    case 'mood.delete':
    case 'mood.streak':
      return userRoute(op.userId);
    case 'notification.create':
      return userRoute(op.notification.userId);
    case 'notification.read':
    case 'notification.read-up-to':
    case 'notification.delete':
      return userRoute(op.userId);
    case 'activity.create':
      return userRoute(op.activity.actorId);
  }
}

/** The route of a user's operations. */
export const userRoute = (userId: string) => `user:${userId}`;
