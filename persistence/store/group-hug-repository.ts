import type { GroupHugSummary } from '../../protocol/schemas/group-hugs.js';

/** Where a group-hug history page continues: after this (endedAt, groupId). */
export interface GroupHistoryPosition {
  readonly endedAt: number;
  readonly groupId: string;
}

/** Summaries of completed group hugs, read side. Writes go through the write-behind queue. */
export interface GroupHugRepository {
  /** The summaries `userId` took part in, newest (by `endedAt`, then id) first, after `before`. */
  history(userId: string, before: GroupHistoryPosition | null, limit: number): Promise<GroupHugSummary[]>;
}
