import type { Database, Statement, Transaction } from 'better-sqlite3';
import { applyPreferencesPatch, DEFAULT_NOTIFICATION_PREFERENCES } from '../../domain/notifications/notification-preferences.js';
import { notificationPreferencesPatchSchema } from '../../protocol/schemas/notifications.js';
import type { DailyReminderSetting, NotificationPreferences, NotificationPreferencesPatch } from '../../protocol/types/notifications.js';
import type { NotificationPreferencesRepository } from '../store/notification-preferences-repository.js';

/** Stored preferences read over today's defaults (a type added later gets its default), checked as a client's patch is. */
export function preferencesOf(stored: string | undefined): NotificationPreferences {
  if (stored === undefined) return DEFAULT_NOTIFICATION_PREFERENCES;
  const parsed = notificationPreferencesPatchSchema.safeParse(JSON.parse(stored));
  if (!parsed.success) throw new Error(`stored notification preferences are malformed: ${parsed.error.message}`);
  return applyPreferencesPatch(DEFAULT_NOTIFICATION_PREFERENCES, parsed.data);
}

/** {@link NotificationPreferencesRepository} on SQLite: one JSON document per user, changed in one transaction. */
export class SqliteNotificationPreferencesRepository implements NotificationPreferencesRepository {
  private readonly read: Statement<[string], { prefs: string }>;
  private readonly write: Statement;
  private readonly reminders: Statement<[], { user_id: string; prefs: string }>;
  private readonly watchers: Statement<[string], { user_id: string }>;
  private readonly change: Transaction<(userId: string, patch: NotificationPreferencesPatch) => { before: NotificationPreferences; after: NotificationPreferences }>;

  constructor(db: Database, now: () => number = Date.now) {
    this.read = db.prepare('SELECT prefs FROM notification_preferences WHERE user_id = ?');
    this.write = db.prepare(
      `INSERT INTO notification_preferences (user_id, prefs, updated_at) VALUES (@userId, @prefs, @at)
       ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
    );
    this.reminders = db.prepare("SELECT user_id, prefs FROM notification_preferences WHERE json_extract(prefs, '$.dailyReminder') IS NOT NULL");
    this.watchers = db.prepare('SELECT user_id FROM close_friends WHERE close_user_id = ?');
    const forgetClose = db.prepare('DELETE FROM close_friends WHERE user_id = ?');
    const markClose = db.prepare('INSERT OR IGNORE INTO close_friends (close_user_id, user_id) VALUES (?, ?)');
    this.change = db.transaction((userId: string, patch: NotificationPreferencesPatch) => {
      const before = preferencesOf(this.read.get(userId)?.prefs);
      const after = applyPreferencesPatch(before, patch);
      this.write.run({ userId, prefs: JSON.stringify(after), at: now() });
      if (patch.closeUserIds !== undefined) {
        forgetClose.run(userId);
        for (const close of after.closeUserIds) markClose.run(close, userId);
      }
      return { before, after };
    });
  }

  get(userId: string): Promise<NotificationPreferences> {
    return Promise.resolve(preferencesOf(this.read.get(userId)?.prefs));
  }

  dailyReminders(): Promise<{ readonly userId: string; readonly reminder: DailyReminderSetting }[]> {
    return Promise.resolve(
      this.reminders.all().flatMap((row) => {
        const reminder = preferencesOf(row.prefs).dailyReminder;
        return reminder ? [{ userId: row.user_id, reminder }] : [];
      }),
    );
  }

  closeWatchersOf(userId: string): Promise<string[]> {
    return Promise.resolve(this.watchers.all(userId).map((row) => row.user_id));
  }

  update(userId: string, patch: NotificationPreferencesPatch): Promise<{ before: NotificationPreferences; after: NotificationPreferences }> {
    // Immediate: a read-then-write transaction that began deferred fails at once (SQLITE_BUSY) when another
    // process (a node, the writer) wrote meanwhile; one that takes the write lock first waits its turn.
    return Promise.resolve(this.change.immediate(userId, patch));
  }
}
