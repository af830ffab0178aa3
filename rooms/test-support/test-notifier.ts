import type { Store } from '../../persistence/store/store.js';
import { FreshNotifications } from '../../persistence/write-behind/fresh-notification-reads.js';
import type { PendingWrites } from '../../persistence/write-behind/pending-writes.js';
import type { CommandSteps } from '../command-steps/command-step.js';
import { Notifier } from '../notifications/notifier.js';
import { People } from '../notifications/people.js';
import { UnreadCounts } from '../notifications/unread-counts.js';
import type { PushJob, PushQueue } from '../notifications/push-queue.js';
import type { RoomPort } from '../room-port.js';

/** A push queue that keeps what it is given, once per id (as the real ones do). */
export class RecordingPushQueue implements PushQueue {
  readonly jobs: PushJob[] = [];

  add(job: PushJob): Promise<void> {
    if (!this.jobs.some((j) => j.id === job.id)) this.jobs.push(job);
    return Promise.resolve();
  }
}

/** A {@link Notifier} over a real store, pending writes and steps, as the server wires it; pushes are recorded. */
export function testNotifier(deps: { readonly store: Store; readonly pending: PendingWrites; readonly steps: CommandSteps; readonly rooms: RoomPort; readonly now?: () => number }) {
  const push = new RecordingPushQueue();
  const fresh = new FreshNotifications(deps.store.notifications, deps.pending);
  const errors: unknown[] = [];
  const notifier = new Notifier({
    prefs: deps.store.notificationPreferences,
    devices: deps.store.devices,
    people: new People(deps.store.users),
    unread: new UnreadCounts((userId) => fresh.unreadCount(userId)),
    steps: deps.steps,
    rooms: deps.rooms,
    push,
    replayWindowMs: 60_000,
    onError: (error) => errors.push(error),
    ...(deps.now ? { now: deps.now } : {}),
  });
  return { notifier, push, fresh, errors };
}
