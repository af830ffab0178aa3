import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderFiring, ReminderSchedule } from './reminder-schedule.js';

/**
 * Builds schedules for one test over one shared state (several, like nodes of a cluster, where
 * the implementation has one), on the clock `now` (a test clock ahead of the real one).
 */
export type ReminderScheduleFactory = (now: () => number, count: number) => Promise<ReminderSchedule[]>;

/** A test clock on which the next 09:00 UTC is `realMs` from now. */
function clockBefore(realMs: number): () => number {
  const realNow = Date.now();
  const day = 24 * 3600 * 1000;
  let nine = Math.floor(realNow / day) * day + 9 * 3600 * 1000;
  if (nine <= realNow + realMs) nine += day;
  const shift = nine - realMs - realNow;
  return () => Date.now() + shift;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The behaviour every {@link ReminderSchedule} must show: a reminder fires at its local time with
 * its local date; a cleared one does not; one set again fires at its new time only; with several
 * nodes working one schedule, a firing is worked once.
 */
export function runReminderScheduleContract(name: string, factory: ReminderScheduleFactory, options: { readonly nodes: number }): void {
  describe(`reminder schedule contract: ${name}`, () => {
    let schedules: ReminderSchedule[] = [];
    afterEach(async () => {
      await Promise.all(schedules.map((s) => s.close()));
      schedules = [];
    });

    it('fires each reminder at its local time, once however many nodes work the schedule; a cleared or changed one never at its old time', async () => {
      const now = clockBefore(1500);
      schedules = await factory(now, options.nodes);
      const fired: ReminderFiring[] = [];
      for (const s of schedules) await s.start((firing) => Promise.resolve(void fired.push(firing)));
      const [kept, cleared, moved] = [`u-${randomUUID()}`, `u-${randomUUID()}`, `u-${randomUUID()}`];
      const [first] = schedules;
      if (!first) throw new Error('no schedule');
      await first.set(kept, { time: '09:00', timeZone: 'UTC' });
      await first.set(cleared, { time: '09:00', timeZone: 'UTC' });
      await first.set(moved, { time: '09:00', timeZone: 'UTC' });
      await first.set(cleared, null);
      await first.set(moved, { time: '21:00', timeZone: 'UTC' });
      await until(() => fired.length >= 1, 'the 09:00 firing');
      // Give every node the time to have worked a duplicate, had there been one: a second's worth.
      const settle = Date.now() + 1000;
      await until(() => Date.now() >= settle, 'a second');
      expect(fired.map((f) => f.userId)).toEqual([kept]);
      const [firing] = fired;
      expect(firing?.reminder).toEqual({ time: '09:00', timeZone: 'UTC' });
      expect(new Date(firing?.at ?? 0).toISOString()).toMatch(/T09:00:00\.\d{3}Z$/);
      expect(firing?.date).toBe(new Date(firing?.at ?? 0).toISOString().slice(0, 10));
    });
  });
}
