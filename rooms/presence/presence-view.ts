import { aggregatePresence } from '../../domain/presence-status.js';
import type { UserPresence } from '../../protocol/schemas/presence.js';
import type { PresenceSnapshot } from './presence.js';

/** What a watcher may not see: the status is hidden, and so is everything that would reveal it. */
export function hiddenPresence(userId: string): UserPresence {
  return { userId, status: 'hidden', lastSeenAt: null, activity: null, devices: [] };
}

/**
 * The presence of `userId` as a watcher sees it. `storedLastSeenAt` (from the store) fills in
 * for users the presence engine no longer remembers.
 */
export function viewPresence(
  userId: string,
  snapshot: PresenceSnapshot | undefined,
  storedLastSeenAt: number | null,
  visible: boolean,
): UserPresence {
  if (!visible) return hiddenPresence(userId);
  const devices = snapshot?.devices ?? [];
  const { status, activity } = aggregatePresence(devices);
  return {
    userId,
    status,
    activity,
    lastSeenAt: status === 'offline' ? (snapshot?.lastSeenAt ?? storedLastSeenAt) : null,
    devices: devices.map((d) => ({ kind: d.kind, status: d.status, since: d.since })),
  };
}
