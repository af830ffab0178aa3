import type { MoodEntry } from './moods.js';

/* The friends' activity feed as client and server exchange it (zod-free; the schema is in ../schemas/feed.ts). */

interface FeedItemBase {
  /** Stable: answer an item with a hug naming it. */
  readonly id: string;
  /** The friend whose activity it is. */
  readonly userId: string;
  /** Server time, epoch ms. */
  readonly createdAt: number;
}

/**
 * One item of your friends' activity, as it is now (a mood changed since shows changed; one
 * deleted, or no longer shown to you, is left out): a mood shared with friends, a streak
 * milestone, a group hug you did together, a new friendship (when both share their moods).
 */
export type FeedItem =
  | (FeedItemBase & { readonly type: 'mood'; readonly mood: MoodEntry })
  | (FeedItemBase & { readonly type: 'streak-milestone'; readonly days: number })
  | (FeedItemBase & { readonly type: 'group-hug'; readonly groupId: string; readonly title: string; readonly participantCount: number })
  | (FeedItemBase & { readonly type: 'friendship'; readonly friendId: string });

/** The kind of a {@link FeedItem}. */
export type FeedItemType = FeedItem['type'];

/** `feed:get`: a page of the feed, newest first. */
export interface FeedPage {
  readonly items: readonly FeedItem[];
  /** Pass as `before` for the next (older) page; null at the end. */
  readonly next: string | null;
}
