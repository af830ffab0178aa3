import { describe, expect, it } from 'vitest';
import { runReminderScheduleContract } from '../../rooms/notifications/reminder-schedule.contract.js';
import type { ReminderFiring } from '../../rooms/notifications/reminder-schedule.js';
import { MemoryReminderSchedule } from './memory-reminder-schedule.js';

runReminderScheduleContract('in process', (now) => Promise.resolve([new MemoryReminderSchedule(() => Promise.resolve([]), now)]), { nodes: 1 });

describe('in-process reminder schedule', () => {
  it('arms the reminders the store holds when it starts (the embedded shape after a restart)', async () => {
    // A test clock on which 21:30 in Tokyo comes 300 ms from now.
    const realNow = Date.now();
    const day = 24 * 3600 * 1000;
    let target = Math.floor(realNow / day) * day + 12 * 3600 * 1000 + 30 * 60 * 1000; // 12:30 UTC = 21:30 JST
    if (target <= realNow + 300) target += day;
    const shift = target - 300 - realNow;
    const schedule = new MemoryReminderSchedule(() => Promise.resolve([{ userId: 'ann', reminder: { time: '21:30', timeZone: 'Asia/Tokyo' } }]), () => Date.now() + shift);
    const fired: ReminderFiring[] = [];
    try {
      await schedule.start((firing) => Promise.resolve(void fired.push(firing)));
      const deadline = Date.now() + 5000;
      while (fired.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fired).toEqual([{ userId: 'ann', reminder: { time: '21:30', timeZone: 'Asia/Tokyo' }, at: target, date: new Date(target + 9 * 3600 * 1000).toISOString().slice(0, 10) }]);
    } finally {
      await schedule.close();
    }
  });
});
