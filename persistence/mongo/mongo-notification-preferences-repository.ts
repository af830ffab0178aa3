import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { applyPreferencesPatch, DEFAULT_NOTIFICATION_PREFERENCES } from '../../domain/notifications/notification-preferences.js';
import { notificationPreferencesPatchSchema } from '../../protocol/schemas/notifications.js';
import type { DailyReminderSetting, NotificationPreferences, NotificationPreferencesPatch } from '../../protocol/types/notifications.js';
import type { NotificationPreferencesRepository } from '../store/notification-preferences-repository.js';
import type { NotificationPreferenceDoc } from './mongo-documents.js';

const OTHER_FIELDS = ['quietHours', 'mutedUserIds', 'closeUserIds', 'previews', 'pushWhileConnected', 'dailyReminder'] as const;

/** A patch as settings: one path (`channels.hug.push`, `quietHours`, …) per value it sets. */
function settingsOf(patch: NotificationPreferencesPatch): [path: string, value: unknown][] {
  const settings: [string, unknown][] = [];
  for (const [type, channels] of Object.entries(patch.channels ?? {})) {
    for (const [channel, on] of Object.entries(channels ?? {})) settings.push([`channels.${type}.${channel}`, on]);
  }
  for (const field of OTHER_FIELDS) if (patch[field] !== undefined) settings.push([field, patch[field]]);
  return settings;
}

/** Settings back into a patch (unknown paths, from a later version, are left out), checked as a client's patch is. */
function patchOf(docs: readonly NotificationPreferenceDoc[]): NotificationPreferencesPatch {
  const channels: Record<string, Record<string, boolean>> = {};
  const rest: Record<string, unknown> = {};
  for (const { path, value } of docs) {
    const [head, type, channel] = path.split('.');
    if (head === 'channels' && type && channel && typeof value === 'boolean') (channels[type] ??= {})[channel] = value;
    else if ((OTHER_FIELDS as readonly string[]).includes(path)) rest[path] = value;
  }
  const parsed = notificationPreferencesPatchSchema.safeParse({ ...rest, channels });
  if (!parsed.success) throw new Error(`stored notification preferences are malformed: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * {@link NotificationPreferencesRepository} on MongoDB: one small document per setting a user
 * changed (`userId|path`), so changes of different settings never touch the same document and none
 * is lost however many nodes make them at once (the last change of one setting wins). `before` is
 * what was read just before the change.
 */
export class MongoNotificationPreferencesRepository implements NotificationPreferencesRepository {
  constructor(
    private readonly docs: Collection<NotificationPreferenceDoc>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(userId: string): Promise<NotificationPreferences> {
    return applyPreferencesPatch(DEFAULT_NOTIFICATION_PREFERENCES, patchOf(await this.docs.find({ userId }).toArray()));
  }

  async dailyReminders(): Promise<{ readonly userId: string; readonly reminder: DailyReminderSetting }[]> {
    const docs = await this.docs.find({ path: 'dailyReminder', value: { $ne: null } }).toArray();
    return docs.flatMap((doc) => {
      const reminder = patchOf([doc]).dailyReminder;
      return reminder ? [{ userId: doc.userId, reminder }] : [];
    });
  }

  async closeWatchersOf(userId: string): Promise<string[]> {
    // The setting's value is the list: a match on one of its elements (index `close_watchers`).
    const docs = await this.docs.find({ path: 'closeUserIds', value: userId }, { projection: { userId: 1 } }).toArray();
    return docs.map((doc) => doc.userId);
  }

  async update(userId: string, patch: NotificationPreferencesPatch): Promise<{ before: NotificationPreferences; after: NotificationPreferences }> {
    const before = await this.get(userId);
    const at = this.now();
    const writes: AnyBulkWriteOperation<NotificationPreferenceDoc>[] = settingsOf(patch).map(([path, value]) => ({
      updateOne: { filter: { _id: `${userId}|${path}` }, update: { $set: { userId, path, value, updatedAt: at } }, upsert: true },
    }));
    for (let attempt = 1; writes.length > 0; attempt += 1) {
      try {
        await this.docs.bulkWrite(writes, { ordered: false });
        break;
      } catch (error) {
        // Two first changes of one setting raced to create its document: the retry finds it.
        if ((error as { code?: number }).code !== 11000 || attempt >= 3) throw error;
      }
    }
    return { before, after: applyPreferencesPatch(before, patch) };
  }
}
