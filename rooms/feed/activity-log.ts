import { friendsSeeMoods, showsToFriends } from '../../domain/moods/mood-visibility.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { FeedItem } from '../../protocol/types/feed.js';
import type { ActivityRecord, ActivityType } from '../../persistence/store/activity-repository.js';
import type { MoodRecord } from '../../persistence/store/mood-repository.js';
import type { UserRepository } from '../../persistence/store/user-repository.js';
import { activityCreate, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { activityIdFor } from '../command-ids.js';
import type { CommandSteps } from '../command-steps/command-step.js';
import { entryOf } from '../moods/mood-views.js';
import { moodRoom } from '../room-names.js';
import type { RoomPort } from '../room-port.js';

/** Activities a command records in its own step, and how to tell the friends once it is durable. */
export interface PendingActivities {
  readonly operations: readonly WriteOperation[];
  /** Emits `feed:new` for each (call after the step, not on a replay). */
  announce(): void;
}

/** What {@link ActivityLog} is built from. */
export interface ActivityLogDeps {
  readonly steps: CommandSteps;
  readonly rooms: RoomPort;
  readonly users: Pick<UserRepository, 'findByIds'>;
  /** How long a standalone activity's `once` marker is kept. */
  readonly replayWindowMs: number;
  readonly now?: () => number;
}

/**
 * Records what users do for their friends' feeds (one record per activity: fan-out on read) and
 * tells the friends reading their feed (`feed:new`, one emit to the author's friend-activity room,
 * the room `mood:friends` and `feed:get` join), only what they may see now.
 */
export class ActivityLog {
  private readonly now: () => number;

  constructor(private readonly deps: ActivityLogDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The activities of a mood just recorded (in the mood's step): the mood if friends see it, the milestone it reached. */
  ofMood(mood: MoodRecord, privacy: PrivacySettings, milestone: number | null): PendingActivities {
    const items: FeedItem[] = [];
    const records: ActivityRecord[] = [];
    const add = (type: ActivityType, key: string, ref: string, item: (base: { id: string; userId: string; createdAt: number }) => FeedItem) => {
      const record: ActivityRecord = { id: activityIdFor(mood.userId, key), actorId: mood.userId, type, ref, createdAt: mood.recordedAt };
      records.push(record);
      items.push(item({ id: record.id, userId: mood.userId, createdAt: mood.recordedAt }));
    };
    if (showsToFriends(mood.visibility, privacy)) add('mood', `mood:${mood.id}`, mood.id, (base) => ({ ...base, type: 'mood', mood: entryOf(mood) }));
    if (milestone !== null && friendsSeeMoods(privacy)) add('streak-milestone', `streak-milestone:${milestone}:${mood.localDate}`, String(milestone), (base) => ({ ...base, type: 'streak-milestone', days: milestone }));
    return { operations: records.map(activityCreate), announce: () => this.announce(mood.userId, items) };
  }

  /** A new friendship, in each friend's feed of activity (once each); shown while both share their moods. */
  async friendship(a: string, b: string, at: number): Promise<void> {
    const users = await this.deps.users.findByIds([a, b]);
    const shares = (id: string) => {
      const privacy = users.get(id)?.privacy;
      return privacy !== undefined && friendsSeeMoods(privacy);
    };
    for (const [actor, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const record: ActivityRecord = { id: activityIdFor(actor, `friendship:${other}:${at}`), actorId: actor, type: 'friendship', ref: other, createdAt: at };
      const step = await this.deps.steps.run({ userId: actor, append: { operations: [activityCreate(record)], once: { key: record.id, ttlMs: this.deps.replayWindowMs }, deferrable: false } });
      if (step.kind === 'done' && !step.replayed && shares(a) && shares(b)) this.announce(actor, [{ id: record.id, userId: actor, createdAt: at, type: 'friendship', friendId: other }]);
    }
  }

  private announce(actorId: string, items: readonly FeedItem[]): void {
    for (const item of items) this.deps.rooms.emit(moodRoom(actorId), 'feed:new', { item, at: this.now() });
  }
}
