import type { HugMoodClient, PresenceEntry } from '@hugmood/client';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useHugMoodClient } from './client-context.js';
import { useLatest } from './use-latest.js';
import { holdFriends, holdWatches } from './watch-counts.js';

/** Whom {@link usePresence} shows: these users, or every friend (following the list as it changes). */
export type PresenceTarget = readonly string[] | 'friends';

type Statuses = ReadonlyMap<string, PresenceEntry>;

const EMPTY: Statuses = new Map();

/** Same size and the very same entries: the SDK replaces an entry only when it changed. */
function sameStatuses(a: Statuses, b: Statuses): boolean {
  if (a.size !== b.size) return false;
  for (const [id, entry] of a) if (b.get(id) !== entry) return false;
  return true;
}

const noop = (): void => undefined;

/**
 * The presence of `target` (user ids, or `'friends'`), watched while the component is mounted
 * and re-rendered only when one of them changes. Presence entries are immutable: keep them as they
 * are. With a `selector`, the component re-renders only when the selection changes (by
 * `isEqual`, default `Object.is`).
 *
 * @example
 * ```tsx
 * const statuses = usePresence('friends');
 * const online = usePresence('friends', (s) => [...s.values()].filter((p) => p.status === 'online').length);
 * const bob = usePresence([bobId]).get(bobId)?.status ?? 'offline';
 * ```
 */
export function usePresence(target: PresenceTarget): Statuses;
export function usePresence<T>(target: PresenceTarget, selector: (statuses: Statuses) => T, isEqual?: (a: T, b: T) => boolean): T;
export function usePresence<T>(target: PresenceTarget, selector?: (statuses: Statuses) => T, isEqual: (a: T, b: T) => boolean = Object.is): T | Statuses {
  const client = useHugMoodClient();
  const key = target === 'friends' ? 'friends' : [...new Set(target)].sort().join('\n');
  const ids = useMemo(() => (key === 'friends' || key === '' ? [] : key.split('\n')), [key]);
  const select = useLatest(selector);
  const equal = useLatest(isEqual);

  useEffect(() => {
    if (!client) return undefined;
    const warn = (error: unknown) => console.warn('[hugmood] watching presence failed', error);
    return key === 'friends' ? holdFriends(client, warn) : ids.length > 0 ? holdWatches(client, ids, warn) : undefined;
  }, [client, key, ids]);

  const cache = useRef<{ source: Statuses; ids: readonly string[]; result: T | Statuses } | null>(null);
  const read = useCallback(
    (from: HugMoodClient | null): T | Statuses => {
      const source = from ? from.presence.statuses() : EMPTY;
      const wanted = key === 'friends' ? (from?.presence.friendIds() ?? []) : ids;
      const known = cache.current;
      if (known && known.source === source && known.ids === wanted) return known.result;
      const picked = new Map<string, PresenceEntry>();
      for (const id of wanted) {
        const entry = source.get(id);
        if (entry) picked.set(id, entry);
      }
      const chosen = select.current;
      let result: T | Statuses;
      if (chosen) {
        const value = chosen(picked);
        result = known && equal.current(known.result as T, value) ? known.result : value;
      } else {
        result = known && sameStatuses(known.result as Statuses, picked) ? known.result : picked;
      }
      cache.current = { source, ids: wanted, result };
      return result;
    },
    [key, ids, select, equal],
  );
  const subscribe = useCallback((onChange: () => void) => (client ? client.presence.subscribe(onChange) : noop), [client]);
  const snapshot = useCallback(() => read(client), [read, client]);
  const serverSnapshot = useCallback(() => read(null), [read]);
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot);
}
