import { randomUUID } from 'node:crypto';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { runReminderScheduleContract } from '../../rooms/notifications/reminder-schedule.contract.js';
import { BullmqReminderSchedule } from './bullmq-reminder-schedule.js';

describeWithRedis('bullmq reminder schedule', (redis) => {
  runReminderScheduleContract(
    'bullmq, three nodes',
    async (now, count) => {
      const prefix = `{hm-reminders-${randomUUID()}}`;
      return Promise.all(
        Array.from({ length: count }, async () => {
          const [commands, worker] = await Promise.all([redis.connect({ keyPrefix: '' }), redis.connect({ keyPrefix: '', failFast: false })]);
          return new BullmqReminderSchedule({ commands, worker, now, prefix });
        }),
      );
    },
    { nodes: 3 },
  );
});
