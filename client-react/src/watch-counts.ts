import type { HugMoodClient } from '@hugmood/client';

/** How many mounted hooks want each user watched, and the friends list followed, per client. */
interface Wants {
  readonly users: Map<string, number>;
  friends: number;
}

const wantsByClient = new WeakMap<HugMoodClient, Wants>();

function wantsOf(client: HugMoodClient): Wants {
  let wants = wantsByClient.get(client);
  if (!wants) {
    wants = { users: new Map(), friends: 0 };
    wantsByClient.set(client, wants);
  }
  return wants;
}

/**
 * Watches `userIds` for one mounted hook: the first hook to want a user watches it, the last to
 * let go unwatches it, so two components showing the same friend never cancel each other.
 * Returns the release.
 */
export function holdWatches(client: HugMoodClient, userIds: readonly string[], onError: (error: unknown) => void): () => void {
  const { users } = wantsOf(client);
  const fresh = userIds.filter((id) => {
    const count = users.get(id) ?? 0;
    users.set(id, count + 1);
    return count === 0;
  });
  if (fresh.length > 0) client.presence.watch(fresh).catch(onError);
  return () => {
    const gone = userIds.filter((id) => {
      const count = (users.get(id) ?? 1) - 1;
      if (count > 0) users.set(id, count);
      else users.delete(id);
      return count <= 0;
    });
    if (gone.length > 0 && client.state !== 'closed') client.presence.unwatch(gone).catch(onError);
  };
}

/** Follows the friends list for one mounted hook (see {@link holdWatches}). Returns the release. */
export function holdFriends(client: HugMoodClient, onError: (error: unknown) => void): () => void {
  const wants = wantsOf(client);
  wants.friends += 1;
  if (wants.friends === 1) client.presence.watchFriends().catch(onError);
  return () => {
    wants.friends -= 1;
    if (wants.friends === 0) client.presence.stopWatchingFriends();
  };
}
