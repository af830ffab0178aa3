import type { Relationship } from '../../domain/relationship.js';
import { canSeeMood } from '../../domain/moods/mood-visibility.js';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { MoodRecord } from '../../persistence/store/mood-repository.js';
import { eachBounded } from '../each-bounded.js';
import { friendMoodDraft } from './notification-drafts.js';
import type { Notifier } from './notifier.js';

/** What {@link CloseFriendMoods} is built from. */
export interface CloseFriendMoodsDeps {
  /** Who marked a user close (their preferences; the notifier checks them again). */
  readonly watchersOf: (userId: string) => Promise<string[]>;
  /** How a viewer stands to a subject (blocks either way count). */
  readonly relationship: (viewerId: string, subjectId: string) => Promise<Relationship>;
  readonly notifier: Notifier;
  /** Hears a watcher who could not be judged (their notification is then not made). */
  readonly onError?: (error: unknown, watcherId: string) => void;
}

/** Notifications made at once per mood (a user marked close by thousands never floods the node). */
const AT_ONCE = 16;

/**
 * "A friend's mood": a mood notifies each friend who marked its author close and may see it by
 * the author's privacy (checked now, on the server: a blocked or unfriended watcher, or a mood its
 * author keeps private, notifies no one). Each notification is made once (keyed by the mood).
 */
export class CloseFriendMoods {
  constructor(private readonly deps: CloseFriendMoodsDeps) {}

  /** Notifies the close watchers of `mood`, recorded under `privacy`; never throws. */
  async announce(mood: MoodRecord, privacy: PrivacySettings): Promise<void> {
    let watchers: string[];
    try {
      watchers = await this.deps.watchersOf(mood.userId);
    } catch (error) {
      return this.deps.onError?.(error, '(the close watchers)');
    }
    await eachBounded(
      watchers,
      AT_ONCE,
      async (watcher) => {
        const relationship = await this.deps.relationship(watcher, mood.userId);
        if (relationship !== 'friends' || !canSeeMood(relationship, privacy, mood.visibility)) return;
        await this.deps.notifier.notify(watcher, friendMoodDraft(mood.userId, mood.id, mood.mood));
      },
      this.deps.onError,
    );
  }
}
