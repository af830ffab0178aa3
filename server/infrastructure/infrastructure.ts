import type { Store } from '../../persistence/store/store.js';
import type { PendingWrites } from '../../persistence/write-behind/pending-writes.js';
import type { CommandSteps } from '../../rooms/command-steps/command-step.js';
import type { WriteQueue } from '../../persistence/write-behind/write-queue.js';
import type { IdempotencyKeys } from '../../rooms/idempotency/idempotency-keys.js';
import type { InboxCursors } from '../../rooms/inbox/inbox-cursors.js';
import type { Presence } from '../../rooms/presence/presence.js';
import type { PresenceCluster } from '../../rooms/presence/presence-cluster.js';
import type { NodeTransport } from '../../rooms/cluster/node-transport.js';
import type { GroupHugDirectory } from '../../rooms/group-hugs/group-hug-directory.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { HugServer } from '../gateway/socket-types.js';
import type { PushWorkQueue } from '../../rooms/notifications/push-queue.js';
import type { PushSlots } from '../../rooms/notifications/push-slots.js';
import type { ReminderSchedule } from '../../rooms/notifications/reminder-schedule.js';

/** Which deployment shape runs: chosen by `REDIS_URL` (cluster) and `MONGO_URL` (store). */
export type Shape = 'embedded' | 'cluster';

/**
 * Every pluggable part, picked for one shape: the composition root wires these and nothing else
 * knows which implementations run.
 */
export interface Infrastructure {
  readonly shape: Shape;
  readonly store: Store;
  readonly queue: WriteQueue;
  /** Acknowledged writes not yet in the store, for read-your-writes on every node. */
  readonly pending: PendingWrites;
  readonly presence: Presence;
  /** Node membership and sweeping of dead nodes' presence; `null` on one node. */
  readonly presenceCluster: PresenceCluster | null;
  readonly limiter: RateLimiter;
  readonly keys: IdempotencyKeys;
  readonly cursors: InboxCursors;
  /** Each command's atomic step in a user's state: limits, claims, cursor, durable append, pending record. */
  readonly steps: CommandSteps;
  /** Who owns each group-hug actor, and its snapshots. */
  readonly groupDirectory: GroupHugDirectory;
  /** This node's end of node-to-node requests (to group-hug owners). */
  readonly nodeTransport: NodeTransport;
  /** Where pushes wait for delivery: in process (embedded) or BullMQ (cluster). */
  readonly pushQueue: PushWorkQueue;
  /** The collapse slots of pushes ("3 new hugs"). */
  readonly pushSlots: PushSlots;
  /** Users' daily mood reminders: timers in process (embedded) or BullMQ job schedulers (cluster). */
  readonly reminders: ReminderSchedule;
  /** Whether this process runs write-behind workers (`WORKERS`). */
  readonly runsWorkers: boolean;
  /** Joins the Socket.IO server to the other nodes (nothing to do on one node). */
  attachAdapter(io: HugServer): void;
  /** Resolves when every dependency answers (`/readyz`). */
  checkReady(): Promise<void>;
  /** Closes every connection; call after the queue is drained or settled. */
  close(): Promise<void>;
}

/**
 * How long an acknowledged write stays visible as pending if the worker never confirms it (it was
 * dead-lettered). Longer than the largest queue lag bound (10 minutes), so a write still queued is
 * never hidden.
 */
export const PENDING_WRITES_TTL_MS = 15 * 60 * 1000;
