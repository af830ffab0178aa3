import type { NotificationType } from '../../protocol/notification-types.js';
import type { NotificationData } from '../../protocol/types/notifications.js';

/** One push to deliver to one user's devices: a notification, or a reminder. */
export interface PushJob {
  /** Unique per push (a notification's id, a reminder firing's): adding it again is ignored. */
  readonly id: string;
  readonly userId: string;
  readonly type: NotificationType;
  readonly title: string;
  readonly body: string;
  /** The ids the push opens. */
  readonly data: NotificationData;
  /** Who caused it (muting is decided again at delivery), null for none. */
  readonly actorId: string | null;
  readonly createdAt: number;
}

/**
 * Where pushes wait for delivery. The embedded shape runs them on an in-process queue, a cluster on
 * BullMQ; the same worker logic ({@link PushJob} in, an outcome out) runs behind both.
 *
 * Guarantees: `add` resolves once the job is queued (in a cluster: in Redis); a job added again
 * with an id the queue still knows (pending, delayed, or done within the dedupe window) is not
 * queued twice. Delivery is at least once: a worker that dies mid-job leaves it to another.
 */
export interface PushQueue {
  add(job: PushJob): Promise<void>;
}

/** What a worker made of one run of a job. */
export type PushJobResult =
  /** Finished: pushed, or nothing to push (no device, a device connected, muted). */
  | { readonly kind: 'done' }
  /** Run it again at `at` (quiet hours, the user's push rate): not a failed attempt. */
  | { readonly kind: 'later'; readonly at: number }
  /** A failed attempt (the push service was unavailable): again after backoff, dead-lettered after the last. */
  | { readonly kind: 'retry'; readonly reason: string; readonly afterMs?: number }
  /** Failed for good: straight to the dead letters. */
  | { readonly kind: 'dead'; readonly reason: string };

/** Works one job; `attempt` counts failed attempts before this one plus one. Throwing counts as a `retry`. */
export type PushHandler = (job: PushJob, attempt: number) => Promise<PushJobResult>;

/** A job that failed for good, kept for operators. */
export interface DeadPush {
  readonly job: PushJob;
  readonly reason: string;
  readonly attempts: number;
  readonly at: number;
}

/** How a push queue retries. */
export interface PushRetryPolicy {
  /** Attempts before a job is dead-lettered. */
  readonly attempts: number;
  /** The first retry's delay; each next one doubles it. */
  readonly backoffMs: number;
}

/** The retries the server uses unless told otherwise: 5 attempts over about 30 s. */
export const DEFAULT_PUSH_RETRY: PushRetryPolicy = { attempts: 5, backoffMs: 2000 };

/** How long a job id is remembered after it finished, so an add repeated by a replayed command is ignored. */
export const PUSH_DEDUPE_MS = 60 * 60 * 1000;

/** The queue's side that workers and operators see. */
export interface PushWorkQueue extends PushQueue {
  /** Starts working jobs on this process with `handler` (call once). */
  start(handler: PushHandler): void;
  /** Jobs waiting now (ready or delayed), and dead letters kept. */
  stats(): Promise<{ readonly waiting: number; readonly deadLetters: number }>;
  /** The dead letters, newest first. */
  deadLetters(limit: number): Promise<DeadPush[]>;
  /** Stops taking jobs and waits for those running (bounded); queued ones stay queued where that is durable. */
  close(): Promise<void>;
}
