/**
 * What a friend did that shows in the activity feed, recorded per actor. (Group hugs done together
 * are read from the viewer's own group-hug history instead: one record per group hug, not one per
 * participant.)
 */
export const ACTIVITY_TYPES = ['mood', 'streak-milestone', 'friendship'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * One activity of one user, as stored: what it is about, by reference (`ref`: the mood id, the
 * milestone's days, the new friend's id), so the feed reads its current state
 * (a mood changed or deleted, a privacy changed) when it is read.
 */
export interface ActivityRecord {
  readonly id: string;
  readonly actorId: string;
  readonly type: ActivityType;
  readonly ref: string;
  readonly createdAt: number;
}

/** Where a feed page starts: strictly older than this activity. */
export interface ActivityPosition {
  readonly createdAt: number;
  readonly id: string;
}

/**
 * Users' activities, read side (fan-out on read: one record per activity, read for all of a
 * viewer's friends at once). Writes go through the write-behind queue, idempotent on the id.
 */
export interface ActivityRepository {
  /** One activity by id, or null. */
  get(id: string): Promise<ActivityRecord | null>;
  /** The activities of `actorIds`, newest first, strictly before `before`, at most `limit`. */
  byActors(actorIds: readonly string[], before: ActivityPosition | null, limit: number): Promise<ActivityRecord[]>;
}
