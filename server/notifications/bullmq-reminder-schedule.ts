import { Queue, type RepeatStrategy, Worker } from 'bullmq';
import { localDateOf } from '../../domain/local-time.js';
import { nextRealFiring, reminderPattern, settingOfPattern } from '../../domain/notifications/reminder-pattern.js';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import type { DailyReminderSetting } from '../../protocol/types/notifications.js';
import type { ReminderHandler, ReminderSchedule } from '../../rooms/notifications/reminder-schedule.js';

/** The queue's name and key prefix (one hash tag: the keys share a Redis Cluster slot). */
export const REMINDER_QUEUE_NAME = 'reminders';
export const REMINDER_QUEUE_PREFIX = '{hm-reminders}';

/** A firing's job: whose reminder, and the reminder as it was set. */
interface ReminderJob {
  readonly userId: string;
  readonly reminder: DailyReminderSetting;
}

/** What {@link BullmqReminderSchedule} is built from. */
export interface BullmqReminderScheduleOptions {
  readonly commands: RedisClient;
  /** For the worker (blocking; must not fail fast). */
  readonly worker: RedisClient;
  /** The clock of moods (a test may shift it). */
  readonly now?: () => number;
  readonly prefix?: string;
}

/**
 * A cluster's reminders: one BullMQ job scheduler per user (`reminder-{userId}`), its pattern the
 * reminder (`HH:MM Zone`), its next time computed by our own DST-safe rule (a custom repeat
 * strategy, on the queue and on every worker). BullMQ makes each firing one job with an id of its
 * own, so it is worked once however many nodes run; setting a reminder again replaces the
 * scheduler, clearing it removes it.
 */
export class BullmqReminderSchedule implements ReminderSchedule {
  private readonly queue: Queue<ReminderJob>;
  private worker: Worker<ReminderJob> | null = null;
  private readonly repeatStrategy: RepeatStrategy;
  private readonly now: () => number;

  constructor(private readonly options: BullmqReminderScheduleOptions) {
    this.now = options.now ?? Date.now;
    this.repeatStrategy = (millis, repeat) => {
      const setting = repeat.pattern ? settingOfPattern(repeat.pattern) : null;
      return setting ? nextRealFiring(setting, millis, this.now() - Date.now()).realAt : undefined;
    };
    this.queue = new Queue(REMINDER_QUEUE_NAME, { connection: options.commands, prefix: options.prefix ?? REMINDER_QUEUE_PREFIX, settings: { repeatStrategy: this.repeatStrategy } });
  }

  async set(userId: string, reminder: DailyReminderSetting | null): Promise<void> {
    const id = `reminder-${userId}`;
    if (!reminder) {
      await this.queue.removeJobScheduler(id);
      return;
    }
    await this.queue.upsertJobScheduler(id, { pattern: reminderPattern(reminder) }, { name: 'reminder', data: { userId, reminder }, opts: { removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } } });
  }

  start(handler: ReminderHandler): Promise<void> {
    if (this.worker) throw new Error('the reminder schedule is started already');
    this.worker = new Worker(
      REMINDER_QUEUE_NAME,
      async (job) => {
        const setting = job.data.reminder;
        // The firing's time is the one the scheduler planned (not when a worker got to it), on the clock of moods.
        const at = (job.opts.prevMillis ?? job.timestamp) + (this.now() - Date.now());
        await handler({ userId: job.data.userId, reminder: setting, at, date: localDateOf(at, setting.timeZone) });
      },
      { connection: this.options.worker, prefix: this.options.prefix ?? REMINDER_QUEUE_PREFIX, settings: { repeatStrategy: this.repeatStrategy }, concurrency: 4 },
    );
    this.worker.on('error', () => undefined);
    return Promise.resolve();
  }

  /** How many firings are waiting for their time, and how many were worked (for tests and operators). */
  async counts(): Promise<{ readonly delayed: number; readonly completed: number }> {
    const counts = await this.queue.getJobCounts('delayed', 'completed');
    return { delayed: counts['delayed'] ?? 0, completed: counts['completed'] ?? 0 };
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
