import type { FeedItem } from '@hugmood/client';
import { useHugMoodClient } from './client-context.js';
import { type LiveList, type LiveListSource, useLiveList } from './use-live-list.js';

const FEED: LiveListSource<FeedItem> = {
  load: (client, before) => client.feed.page({ limit: 20, ...(before === null ? {} : { before }) }),
  follow: (client, add) => client.feed.on('new', add),
  idOf: (item) => item.id,
};

/**
 * Your friends' activity, newest first: moods, streak milestones and new friendships, with new
 * items on top as they happen.
 *
 * @example
 * ```tsx
 * const { items, hasMore, loadMore } = useFeed();
 * ```
 */
export function useFeed(): LiveList<FeedItem> {
  const { setItems: _setItems, ...list } = useLiveList(useHugMoodClient(), FEED);
  return list;
}
