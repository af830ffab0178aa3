import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { eachBounded } from '../each-bounded.js';
import { groupStartingDraft } from './notification-drafts.js';
import type { Notifier } from './notifier.js';

/** Notifications made at once per group hug (a 1,000-person one never floods the node). */
const AT_ONCE = 16;

/**
 * "Your group hug starts in a minute", to everyone who joined it, when its owner's clock says so.
 * Each participant hears it once per schedule: an owner that takes over after a crash may tell
 * them again, and the notifier makes the notification once.
 */
export class GroupStartingNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notifies the participants of `state` (scheduled, not yet live); resolves once all were told. */
  notify(state: GroupHugState): Promise<void> {
    const startsAt = state.startsAt ?? state.scheduledAt;
    if (startsAt === null) return Promise.resolve();
    const startsInMs = Math.max(0, startsAt - this.now());
    const scheduled = state.scheduledAt ?? startsAt;
    return eachBounded(state.participants, AT_ONCE, (userId) => this.notifier.notify(userId, groupStartingDraft(state.id, state.title, scheduled, startsInMs)));
  }
}
