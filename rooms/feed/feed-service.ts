import { canSeeMood, friendsSeeMoods } from '../../domain/moods/mood-visibility.js';
import type { Relationship } from '../../domain/relationship.js';
import type { HugContext } from '../../protocol/types/hugs.js';
import type { FreshActivities } from '../../persistence/write-behind/fresh-activity-reads.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { GroupHugSummary } from '../../protocol/schemas/group-hugs.js';
import type { FeedItem, FeedPage } from '../../protocol/types/feed.js';
import type { ActivityRecord, ActivityRepository } from '../../persistence/store/activity-repository.js';
import type { GroupHugRepository } from '../../persistence/store/group-hug-repository.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import type { FreshMoodReads } from '../../persistence/write-behind/fresh-mood-reads.js';
import type { MoodRecord } from '../../persistence/store/mood-repository.js';
import { entryOf } from '../moods/mood-views.js';
import { type PagePosition, pageToken, parsePageToken } from '../page-token.js';

/** What {@link FeedService} is built from. */
export interface FeedServiceDeps {
  readonly activities: ActivityRepository;
  readonly groupHugs: GroupHugRepository;
  readonly moods: FreshMoodReads;
  readonly users: Pick<UserRepository, 'findByIds'>;
  readonly friendIds: (userId: string) => Promise<string[]>;
  /** Activities of one actor, pending ones included (a hug may answer one at once). */
  readonly fresh: Pick<FreshActivities, 'get'>;
  /** How a viewer stands to a subject (blocks either way count). */
  readonly relationship: (viewerId: string, subjectId: string) => Promise<Relationship>;
  /** Puts a connection in the rooms of the user's friends' activity (those `mood:friends` joins); answers the friends. */
  readonly listen: (userId: string, socketId: string) => Promise<string[]>;
}

/** One candidate of a page, from either stream, with where it sits. */
type Candidate = { readonly at: number; readonly id: string } & ({ readonly kind: 'activity'; readonly activity: ActivityRecord } | { readonly kind: 'group'; readonly group: GroupHugSummary });

/** Most reads of each stream one page makes before it answers with what it has (a feed of friends who hide everything ends). */
const MAX_ROUNDS = 4;

const newer = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at > b.at || (a.at === b.at && a.id > b.id);

/**
 * The friends' activity feed, read on demand (fan-out on read: an activity is one record however
 * many friends its author has). A page merges two newest-first streams, the activities of the
 * viewer's current friends and the group hugs the viewer did with at least one of them, and shows
 * each item as it is now to this viewer: a mood only while it shows to friends, a milestone or a new
 * friendship only while its users share their moods with anyone; an unfriend or a block takes the
 * friend's items out at once (they are no longer friends to read).
 */
export class FeedService {
  constructor(private readonly deps: FeedServiceDeps) {}

  /**
   * `feed:get`: a page; reading the first page (no `before`) with `socketId` makes the connection
   * hear `feed:new` from now on (a page further back only reads).
   */
  async page(viewer: string, before: string | undefined, limit: number, socketId: string | null): Promise<FeedPage> {
    const friends = socketId !== null && before === undefined ? await this.deps.listen(viewer, socketId) : await this.deps.friendIds(viewer);
    const friendSet = new Set(friends);
    let cursor: PagePosition | null = before === undefined ? null : parsePageToken(before, 'feed:get');
    const items: FeedItem[] = [];
    let more = true;
    for (let round = 0; round < MAX_ROUNDS && items.length < limit && more; round += 1) {
      const fetch = limit + 1;
      const [activities, groups] = await Promise.all([
        this.deps.activities.byActors(friends, cursor && { createdAt: cursor.at, id: cursor.id }, fetch),
        this.deps.groupHugs.history(viewer, cursor && { endedAt: cursor.at, groupId: cursor.id }, fetch),
      ]);
      // Merge up to the older of the two streams' last candidates (a stream that ran out reaches back to the start).
      const frontier = [activities.length === fetch ? activities.at(-1) : null, groups.length === fetch ? groups.at(-1) : null]
        .map((x) => (x === null || x === undefined ? null : 'groupId' in x ? { at: x.endedAt, id: x.groupId } : { at: x.createdAt, id: x.id }))
        .filter((x) => x !== null)
        .reduce<{ at: number; id: string } | null>((oldest, x) => (oldest === null || newer(oldest, x) ? x : oldest), null);
      const candidates: Candidate[] = [
        ...activities.map((activity): Candidate => ({ kind: 'activity', activity, at: activity.createdAt, id: activity.id })),
        ...groups.map((group): Candidate => ({ kind: 'group', group, at: group.endedAt, id: group.groupId })),
      ]
        .filter((c) => frontier === null || !newer(frontier, c))
        .sort((a, b) => (newer(a, b) ? -1 : newer(b, a) ? 1 : 0));
      more = frontier !== null;
      const shown = await this.visible(viewer, friendSet, candidates);
      for (const c of candidates) {
        if (items.length >= limit) {
          more = true;
          break;
        }
        cursor = { at: c.at, id: c.id };
        const item = shown.get(c.id);
        if (item) items.push(item);
      }
    }
    return { items, next: more && cursor !== null ? pageToken(cursor) : null };
  }

  /**
   * What a hug answering `authorId`'s activity `activityId` answers, when `viewer` may see that
   * activity in their feed now (a friend, by the same rules as a page); null otherwise.
   */
  async answerable(viewer: string, authorId: string, activityId: string): Promise<HugContext | null> {
    const [activity, relationship] = await Promise.all([this.deps.fresh.get(activityId, authorId), this.deps.relationship(viewer, authorId)]);
    if (!activity || relationship !== 'friends') return null;
    const shown = await this.visible(viewer, new Set([authorId]), [{ kind: 'activity', activity, at: activity.createdAt, id: activity.id }]);
    return shown.has(activity.id) ? { activityId, type: activity.type } : null;
  }

  /** The items of `candidates` this viewer may see now, by candidate id. */
  private async visible(viewer: string, friends: ReadonlySet<string>, candidates: readonly Candidate[]): Promise<Map<string, FeedItem>> {
    const people = new Set<string>();
    for (const c of candidates) {
      if (c.kind === 'group') continue;
      people.add(c.activity.actorId);
      if (c.activity.type === 'friendship') people.add(c.activity.ref);
    }
    const moodRefs = candidates.flatMap((c) => (c.kind === 'activity' && c.activity.type === 'mood' ? [{ id: c.activity.ref, userId: c.activity.actorId }] : []));
    // One read of the users and one of the moods (with their authors' pending changes) for the whole page.
    const [users, moods] = await Promise.all([this.deps.users.findByIds([...people]), this.deps.moods.getMany(moodRefs)]);
    const privacy = (id: string): PrivacySettings | undefined => users.get(id)?.privacy;
    const shares = (id: string) => {
      const p = privacy(id);
      return p !== undefined && friendsSeeMoods(p);
    };
    const shown = new Map<string, FeedItem>();
    for (const c of candidates) {
      const item = c.kind === 'group' ? groupItem(viewer, friends, c.group) : activityItem(c.activity, moods, privacy, shares);
      if (item) shown.set(c.id, item);
    }
    return shown;
  }
}

/** An activity as this viewer may see it now, or null: a mood only while it shows to friends, the rest while their users share their moods. */
function activityItem(a: ActivityRecord, moods: ReadonlyMap<string, MoodRecord>, privacy: (id: string) => PrivacySettings | undefined, shares: (id: string) => boolean): FeedItem | null {
  const base = { id: a.id, userId: a.actorId, createdAt: a.createdAt };
  switch (a.type) {
    case 'mood': {
      const p = privacy(a.actorId);
      const mood = moods.get(a.ref);
      if (!p || !mood || mood.deletedAt !== null || !canSeeMood('friends', p, mood.visibility)) return null;
      return { ...base, type: 'mood', mood: entryOf(mood) };
    }
    case 'streak-milestone':
      return shares(a.actorId) ? { ...base, type: 'streak-milestone', days: Number(a.ref) } : null;
    case 'friendship':
      return shares(a.actorId) && shares(a.ref) ? { ...base, type: 'friendship', friendId: a.ref } : null;
  }
}

/** A group hug the viewer did, shown when a friend of theirs took part (named by the first of them). */
function groupItem(viewer: string, friends: ReadonlySet<string>, g: GroupHugSummary): FeedItem | null {
  const friend = g.participants.find((p) => p !== viewer && friends.has(p));
  if (friend === undefined) return null;
  return { id: g.groupId, userId: friend, createdAt: g.endedAt, type: 'group-hug', groupId: g.groupId, title: g.title, participantCount: g.participants.length };
}
