import type { DailyReminderSetting } from '../../protocol/types/notifications.js';
import { nextRealFiring } from '../../domain/notifications/reminder-pattern.js';
import type { ReminderHandler, ReminderSchedule } from '../../rooms/notifications/reminder-schedule.js';

/**
 * The embedded shape's reminders: one timer per user, armed for the next firing, re-armed after
 * each; the reminders are loaded from the store at start (a firing missed while the process was
 * down is not made up: the next is the next time after the start).
 */
export class MemoryReminderSchedule implements ReminderSchedule {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private handler: ReminderHandler | null = null;
  private closed = false;

  constructor(
    private readonly load: () => Promise<readonly { readonly userId: string; readonly reminder: DailyReminderSetting }[]>,
    /** The clock of moods (a test may shift it). */
    private readonly now: () => number = Date.now,
  ) {}

  set(userId: string, reminder: DailyReminderSetting | null): Promise<void> {
    this.clear(userId);
    if (reminder && this.handler) this.arm(userId, reminder, Date.now());
    return Promise.resolve();
  }

  async start(handler: ReminderHandler): Promise<void> {
    this.handler = handler;
    for (const { userId, reminder } of await this.load()) if (!this.timers.has(userId)) this.arm(userId, reminder, Date.now());
  }

  close(): Promise<void> {
    this.closed = true;
    for (const userId of [...this.timers.keys()]) this.clear(userId);
    return Promise.resolve();
  }

  private arm(userId: string, reminder: DailyReminderSetting, afterReal: number): void {
    if (this.closed) return;
    const firing = nextRealFiring(reminder, afterReal, this.now() - Date.now());
    const timer = setTimeout(
      () => {
        this.timers.delete(userId);
        const run = this.handler ? this.handler({ userId, reminder, at: firing.at, date: firing.date }) : Promise.resolve();
        // The next firing is armed whatever came of this one (the handler reports its own errors).
        void run.catch(() => undefined).finally(() => {
          if (!this.timers.has(userId)) this.arm(userId, reminder, Math.max(Date.now(), firing.realAt + 1));
        });
      },
      Math.min(Math.max(0, firing.realAt - Date.now()), 2 ** 31 - 1),
    );
    timer.unref();
    this.timers.set(userId, timer);
  }

  private clear(userId: string): void {
    const timer = this.timers.get(userId);
    if (timer) clearTimeout(timer);
    this.timers.delete(userId);
  }
}
