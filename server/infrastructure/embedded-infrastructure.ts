import { join } from 'node:path';
import type { Logger } from 'pino';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { DelayedForget } from '../../persistence/write-behind/delayed-forget.js';
import { MemoryPendingWrites } from '../../persistence/write-behind/memory-pending-writes.js';
import { forgettingApplied } from '../../persistence/write-behind/forgetting-applied.js';
import { MemoryNodeHub } from '../../rooms/cluster/memory-node-transport.js';
import { MemoryGroupHugDirectory } from '../../rooms/group-hugs/memory-group-hug-directory.js';
import { MemoryIdempotencyKeys } from '../../rooms/idempotency/memory-idempotency-keys.js';
import { MemoryInboxCursors } from '../../rooms/inbox/memory-inbox-cursors.js';
import { LocalCommandSteps } from '../../rooms/command-steps/local-command-steps.js';
import { DurableWrites } from '../../rooms/durable-writes.js';
import { MemoryPresence } from '../../rooms/presence/memory-presence.js';
import type { Config } from '../config/config.js';
import type { Metrics } from '../observability/metrics.js';
import { MemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { MemoryPushSlots } from '../../rooms/notifications/memory-push-slots.js';
import { MemoryPushQueue } from '../push/memory-push-queue.js';
import { MemoryReminderSchedule } from '../notifications/memory-reminder-schedule.js';
import { moodClockOf } from '../config/file-clock.js';
import { type Infrastructure, PENDING_WRITES_TTL_MS } from './infrastructure.js';
import { openStore, sqliteStoreFile } from './open-store.js';

/**
 * The embedded shape (one node): memory presence, limiter, idempotency keys and cursors, and the
 * SQLite write-behind queue in its own file. Operations acknowledged before a crash are applied
 * before serving, because cursors are seeded from the store.
 */
export async function openEmbeddedInfrastructure(config: Config, log: Logger, metrics: Metrics): Promise<Infrastructure> {
  // One server owns DATA_DIR here, and its writer thread never writes privacy or friendships.
  const store = await openStore(config, { soleWriter: true });
  // With the SQLite store the writer thread writes it too: no store write, fsync or checkpoint runs
  // on the request loop. Another store is written here, through the queue's applier.
  const writesStoreItself = store.kind === 'sqlite';
  const queue = new SqliteWriteQueue({
    file: join(config.dataDir, 'write-queue.db'),
    ...(writesStoreItself ? { storeFile: sqliteStoreFile(config) } : {}),
    maxBatch: config.queue.batchMax,
    lingerMs: config.queue.lingerMs,
    commitGapMs: config.queue.commitGapMs,
    maxAttempts: config.queue.maxAttempts,
    lagBoundMs: config.queue.lagBoundMs,
    onError: (error) => log.error({ err: error }, 'write-behind writer thread failed'),
  });
  const pending = new MemoryPendingWrites(PENDING_WRITES_TTL_MS);
  // Written operations stay pending a second more, so a receipt finds its hug in its own step.
  const forget = new DelayedForget(pending);
  if (writesStoreItself) {
    queue.startWriting((written, failed, ms) => {
      metrics.observeBatch(written.length + failed, failed, ms);
      void forget.forget(written);
    });
  } else {
    queue.start(metrics.instrumentApplier(forgettingApplied((batch) => store.applyWrites(batch), forget)));
  }
  metrics.observeWriterCommits(() => queue.commits());
  await queue.whenReady();
  const pendingAtStart = queue.stats().depth;
  await queue.drain();
  log.info({ replayed: pendingAtStart, deadLetters: queue.stats().deadLetters }, 'write queue ready');
  const limiter = new MemoryRateLimiter();
  const keys = new MemoryIdempotencyKeys();
  const cursors = new MemoryInboxCursors((userId) => store.inbox.lastCursor(userId));
  const steps = new LocalCommandSteps({
    consume: (charge) => limiter.consume(charge.key, charge.rule),
    keys,
    cursors,
    writes: new DurableWrites(queue, pending),
    pending,
    // Every socket is on this node: the hug service asks the node's own connections.
    isOnline: () => false,
  });
  const pushQueue = new MemoryPushQueue();
  const reminders = new MemoryReminderSchedule(() => store.notificationPreferences.dailyReminders(), moodClockOf(config));
  return {
    shape: 'embedded',
    store,
    queue,
    pending,
    presence: new MemoryPresence(),
    presenceCluster: null,
    limiter,
    keys,
    cursors,
    steps,
    groupDirectory: new MemoryGroupHugDirectory(),
    // One node: every group hug is owned here, so requests never leave the process.
    nodeTransport: new MemoryNodeHub().transport(config.nodeId),
    pushQueue,
    pushSlots: new MemoryPushSlots(),
    reminders,
    runsWorkers: true,
    attachAdapter: () => undefined,
    checkReady: () => store.ping(),
    async close() {
      await reminders.close();
      await pushQueue.close();
      await queue.close();
      await forget.flush();
      await pending.close();
      await limiter.close();
      await keys.close();
      await cursors.close();
      await store.close();
    },
  };
}
