import { skipFiring } from '../../domain/notifications/daily-reminder.js';
import { reminderOf } from '../../domain/notifications/reminder-pattern.js';
import type { NotificationPreferencesRepository } from '../../persistence/store/notification-preferences-repository.js';
import type { FreshMoodReads } from '../../persistence/write-behind/fresh-mood-reads.js';
import { reminderDraft } from './notification-drafts.js';
import type { Notifier } from './notifier.js';
import type { ReminderFiring } from './reminder-schedule.js';

/** What became of one firing. */
export type ReminderOutcome = 'sent' | 'skipped' | 'stale';

/** What {@link MoodReminders} is built from. */
export interface MoodRemindersDeps {
  readonly prefs: NotificationPreferencesRepository;
  readonly moods: FreshMoodReads;
  readonly notifier: Notifier;
  readonly onFired?: (firing: ReminderFiring, outcome: ReminderOutcome) => void;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Works a daily reminder's firing: skipped when the user already recorded a mood on its date (on
 * the reminder's clocks), dropped when the reminder was changed or cleared since it was scheduled,
 * else the `mood-reminder` notification (made once per local date), pushed by the user's
 * preferences (by default a push, not an in-app item).
 */
export class MoodReminders {
  constructor(private readonly deps: MoodRemindersDeps) {}

  readonly fire = async (firing: ReminderFiring): Promise<void> => {
    const outcome = await this.outcomeOf(firing);
    if (outcome === 'sent') await this.deps.notifier.notify(firing.userId, reminderDraft(firing.date));
    this.deps.onFired?.(firing, outcome);
  };

  private async outcomeOf(firing: ReminderFiring): Promise<ReminderOutcome> {
    const [prefs, recent] = await Promise.all([this.deps.prefs.get(firing.userId), this.deps.moods.since(firing.userId, firing.at - 2 * DAY_MS)]);
    const now = prefs.dailyReminder;
    if (!now || now.time !== firing.reminder.time || now.timeZone !== firing.reminder.timeZone) return 'stale';
    const latest = recent.filter((m) => m.deletedAt === null && m.recordedAt <= firing.at).reduce<number | null>((max, m) => (max === null || m.recordedAt > max ? m.recordedAt : max), null);
    return skipFiring(firing, reminderOf(now), latest) ? 'skipped' : 'sent';
  }
}
