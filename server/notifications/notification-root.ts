import type { Logger } from 'pino';
import { FreshNotifications } from '../../persistence/write-behind/fresh-notification-reads.js';
import type { PendingWrites } from '../../persistence/write-behind/pending-writes.js';
import type { CommandSteps } from '../../rooms/command-steps/command-step.js';
import { DeviceService } from '../../rooms/notifications/device-service.js';
import { NotificationService } from '../../rooms/notifications/notification-service.js';
import { Notifier } from '../../rooms/notifications/notifier.js';
import { People } from '../../rooms/notifications/people.js';
import { UnreadCounts } from '../../rooms/notifications/unread-counts.js';
import type { RoomPort } from '../../rooms/room-port.js';
import type { Config } from '../config/config.js';
import type { Infrastructure } from '../infrastructure/infrastructure.js';
import type { Metrics } from '../observability/metrics.js';
import { PushMetrics } from '../observability/push-metrics.js';
import { PushDelivery } from '../push/push-delivery.js';
import { checkPushEndpoint } from '../push/push-endpoint-policy.js';
import type { PushProvider } from '../push/push-provider.js';
import { NotificationRetention } from './notification-retention.js';
import { MoodReminders } from '../../rooms/notifications/mood-reminders.js';
import type { FreshMoodReads } from '../../persistence/write-behind/fresh-mood-reads.js';

/** What {@link openNotifications} is built from. */
export interface NotificationRootDeps {
  readonly config: Config;
  readonly infra: Infrastructure;
  /** The pending writes as reads lay them over the store (deleted accounts applied). */
  readonly pending: PendingWrites;
  readonly steps: CommandSteps;
  readonly rooms: RoomPort;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** The push services this node reaches (Web Push always; FCM and APNs when configured). */
  readonly providers: readonly PushProvider[];
  /** Whether any device of the user is connected now, on any node. */
  readonly connected: (userId: string) => Promise<boolean>;
  /** Moods with pending writes laid over the store (a reminder is skipped on a day with a mood). */
  readonly moods: FreshMoodReads;
}

/** The notification parts of one node, wired. */
export interface NotificationParts {
  readonly notifier: Notifier;
  readonly service: NotificationService;
  readonly devices: DeviceService;
  /** The notifications with pending writes laid over the store. */
  readonly fresh: FreshNotifications;
  /** Stops the retention sweep (the push queue closes with the infrastructure). */
  close(): void;
}

/**
 * Wires notifications for one node: the notifier the services call, the commands' service, device
 * registration (endpoints checked: loopback http only outside production), the push worker on the
 * shape's queue, and the retention sweep.
 */
export function openNotifications(deps: NotificationRootDeps): NotificationParts {
  const { config, infra, log } = deps;
  const { store } = infra;
  const fresh = new FreshNotifications(store.notifications, deps.pending);
  const pushMetrics = new PushMetrics(deps.metrics.registry, infra.pushQueue);
  const unread = new UnreadCounts((userId) => fresh.unreadCount(userId));
  const notifier = new Notifier({
    prefs: store.notificationPreferences,
    devices: store.devices,
    people: new People(store.users),
    unread,
    steps: deps.steps,
    rooms: deps.rooms,
    push: infra.pushQueue,
    replayWindowMs: Math.max(60_000, 2 * config.queue.lagBoundMs),
    onError: (error, what) => log.warn({ err: error, what }, 'a notification could not be announced (it is stored)'),
  });
  const delivery = new PushDelivery({
    prefs: store.notificationPreferences,
    devices: store.devices,
    connected: deps.connected,
    providers: deps.providers,
    slots: infra.pushSlots,
    limiter: infra.limiter,
    rule: { name: 'push', capacity: config.push.burst, refillPerSecond: config.push.perMin / 60 },
    onReport: (job, report) => {
      pushMetrics.record(report);
      const about = { userId: job.userId, notificationId: job.id, type: job.type };
      switch (report.kind) {
        case 'held':
          return log.info({ ...about, reason: report.reason, until: report.until }, 'push held back');
        case 'skipped':
          return log.debug({ ...about, reason: report.reason }, 'push skipped');
        case 'sent':
          if (report.outcomes.includes('gone')) log.info({ ...about, outcomes: report.outcomes }, 'push registration gone (404/410): removed');
          if (!report.outcomes.includes('delivered')) log.warn({ ...about, outcomes: report.outcomes }, 'push not delivered');
          return;
      }
    },
  });
  infra.pushQueue.start(delivery.handle);
  const reminders = new MoodReminders({
    prefs: store.notificationPreferences,
    moods: deps.moods,
    notifier,
    onFired: (firing, outcome) => {
      log.info({ userId: firing.userId, date: firing.date, at: firing.at, outcome }, 'daily reminder fired');
      // A reminder changed or cleared meanwhile (or the account gone): the schedule follows the preferences again.
      if (outcome === 'stale') void store.notificationPreferences.get(firing.userId).then((prefs) => infra.reminders.set(firing.userId, prefs.dailyReminder)).catch(() => undefined);
    },
  });
  void infra.reminders.start(reminders.fire).catch((error: unknown) => log.error({ err: error }, 'the daily reminders could not start'));
  const retention = new NotificationRetention({ notifications: store.notifications, days: config.notificationRetentionDays, log });
  retention.start();
  return {
    notifier,
    service: new NotificationService({ notifications: fresh, unread, prefs: store.notificationPreferences, steps: deps.steps, rooms: deps.rooms, reminders: infra.reminders }),
    devices: new DeviceService({ devices: store.devices, checkEndpoint: (endpoint) => checkPushEndpoint(endpoint, { allowLoopback: config.nodeEnv !== 'production' }) }),
    fresh,
    close: () => retention.stop(),
  };
}
