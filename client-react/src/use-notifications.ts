import type { HugMoodClient, Notification } from '@hugmood/client';
import { useCallback, useEffect } from 'react';
import { useHugMoodClient } from './client-context.js';
import { useClientStore } from './client-store.js';
import { type LiveList, type LiveListSource, useLiveList } from './use-live-list.js';

const onUnread = (client: HugMoodClient, onChange: () => void) => client.notifications.unread.subscribe(onChange);
const readUnread = (client: HugMoodClient) => client.notifications.unread.get();

const NOTIFICATIONS: LiveListSource<Notification> = {
  load: async (client, before) => {
    const page = await client.notifications.list({ limit: 20, ...(before === null ? {} : { before }) });
    return { items: page.notifications, next: page.next };
  },
  follow: (client, add) => client.notifications.on('new', ({ cursor: _cursor, source: _source, ...notification }) => add(notification)),
  idOf: (n) => n.id,
};

/** What {@link useNotifications} answers. */
export interface NotificationsState extends LiveList<Notification> {
  /** How many are unread, right across your devices. */
  readonly unread: number;
  readonly markRead: (ids: readonly string[]) => Promise<void>;
  /** Marks everything up to the newest shown read. */
  readonly markAllRead: () => Promise<void>;
}

/**
 * The notification centre: the latest notifications (new ones on top as they come), the unread
 * count, and marking them read (on one device, read on all).
 *
 * @example
 * ```tsx
 * const { items, unread, markAllRead } = useNotifications();
 * <Bell count={unread} onOpen={() => void markAllRead()} />
 * ```
 */
export function useNotifications(): NotificationsState {
  const client = useHugMoodClient();
  const unread = useClientStore(client, onUnread, readUnread, 0);
  const list = useLiveList(client, NOTIFICATIONS);
  const { setItems } = list;

  useEffect(() => {
    if (!client) return undefined;
    return client.notifications.on('read-state', (event) => {
      const read = new Set(event.readIds);
      const deleted = new Set(event.deletedIds);
      setItems((items) => {
        const upTo = event.readUpTo === null ? -1 : items.findIndex((n) => n.id === event.readUpTo);
        return items.filter((n) => !deleted.has(n.id)).map((n, i) => (n.readAt === null && (read.has(n.id) || (upTo >= 0 && i >= upTo)) ? { ...n, readAt: event.at } : n));
      });
    });
  }, [client, setItems]);

  const markRead = useCallback(
    async (ids: readonly string[]) => {
      if (!client || ids.length === 0) return;
      const { readAt } = await client.notifications.read(ids);
      const read = new Set(ids);
      setItems((items) => items.map((n) => (n.readAt === null && read.has(n.id) ? { ...n, readAt } : n)));
    },
    [client, setItems],
  );
  const newest = list.items[0]?.id;
  const markAllRead = useCallback(async () => {
    if (!client || newest === undefined) return;
    const { readAt } = await client.notifications.readUpTo(newest);
    setItems((items) => items.map((n) => (n.readAt === null ? { ...n, readAt } : n)));
  }, [client, newest, setItems]);

  return { items: list.items, loading: list.loading, hasMore: list.hasMore, error: list.error, loadMore: list.loadMore, refresh: list.refresh, unread, markRead, markAllRead };
}
