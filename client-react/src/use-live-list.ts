import type { HugMoodClient, HugMoodError } from '@hugmood/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnectionState } from './use-connection-state.js';

/** One page of a list, newest first. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** What {@link useLiveList} answers. */
export interface LiveList<T> {
  /** Newest first: the pages read so far, with the items that arrived live on top (each once). */
  readonly items: readonly T[];
  readonly loading: boolean;
  readonly hasMore: boolean;
  readonly error: HugMoodError | null;
  /** Reads the next (older) page. */
  readonly loadMore: () => Promise<void>;
  /** Reads the first page again. */
  readonly refresh: () => Promise<void>;
}

/** How {@link useLiveList} reads and follows one list. */
export interface LiveListSource<T> {
  readonly load: (client: HugMoodClient, before: string | null) => Promise<ListPage<T>>;
  /** Calls `add` with each item that arrives live; answers the unsubscribe. */
  readonly follow: (client: HugMoodClient, add: (item: T) => void) => () => void;
  readonly idOf: (item: T) => string;
}

function merge<T>(items: readonly T[], extra: readonly T[], idOf: (item: T) => string, at: 'top' | 'bottom'): readonly T[] {
  const known = new Set(items.map(idOf));
  const fresh = extra.filter((item) => !known.has(idOf(item)));
  return at === 'top' ? [...fresh, ...items] : [...items, ...fresh];
}

/**
 * A paged list kept live: the first page is read on every (re)connect (what happened while
 * offline shows up), older pages on `loadMore`, and new items are put on top as they arrive.
 */
export function useLiveList<T>(client: HugMoodClient | null, source: LiveListSource<T>): LiveList<T> & { readonly setItems: (update: (items: readonly T[]) => readonly T[]) => void } {
  const state = useConnectionState();
  const [items, setItems] = useState<readonly T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<HugMoodError | null>(null);
  const sourceRef = useRef(source);
  sourceRef.current = source;

  /** Items that arrived live since the first page was last asked for: kept on top of it. */
  const arrived = useRef<T[]>([]);

  const read = useCallback(
    async (before: string | null) => {
      if (!client) return;
      if (before === null) arrived.current = [];
      setLoading(true);
      try {
        const page = await sourceRef.current.load(client, before);
        const { idOf } = sourceRef.current;
        setItems((list) => (before === null ? merge(page.items, arrived.current, idOf, 'top') : merge(list, page.items, idOf, 'bottom')));
        setNext(page.next);
        setError(null);
      } catch (caught) {
        setError(caught as HugMoodError);
      } finally {
        setLoading(false);
      }
    },
    [client],
  );

  useEffect(() => {
    if (!client) return undefined;
    return sourceRef.current.follow(client, (item) => {
      arrived.current.push(item);
      setItems((list) => merge(list, [item], sourceRef.current.idOf, 'top'));
    });
  }, [client]);

  useEffect(() => {
    if (client && state === 'connected') void read(null);
  }, [client, state, read]);

  const loadMore = useCallback(() => (next === null ? Promise.resolve() : read(next)), [next, read]);
  const refresh = useCallback(() => read(null), [read]);
  return { items, loading, hasMore: next !== null, error, loadMore, refresh, setItems };
}
