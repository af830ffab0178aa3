import { collapsedPush } from '../../domain/notifications/push-collapse.js';
import { type PushSkip, planPush } from '../../domain/notifications/push-plan.js';
import type { DeviceRepository } from '../../persistence/store/device-repository.js';
import { pushAddressOf } from '../../persistence/store/device-repository.js';
import type { NotificationPreferencesRepository } from '../../persistence/store/notification-preferences-repository.js';
import type { PushJob, PushJobResult } from '../../rooms/notifications/push-queue.js';
import type { PushSlots } from '../../rooms/notifications/push-slots.js';
import type { RateLimiter, RateRule } from '../rate-limit/rate-limiter.js';
import type { PushOptions, PushOutcome, PushProvider, PushTarget } from './push-provider.js';

/** Pushes of one type to one user within this window collapse into one ("3 new hugs"). */
export const COLLAPSE_WINDOW_MS = 60_000;

/** What one job came to, for metrics and logs. */
export type DeliveryReport =
  | { readonly kind: 'skipped'; readonly reason: PushSkip | 'superseded' }
  | { readonly kind: 'held'; readonly reason: 'quiet-hours' | 'rate-limited'; readonly until: number }
  | { readonly kind: 'sent'; readonly outcomes: readonly PushOutcome['kind'][]; readonly count: number; readonly latencyMs: number };

/** What {@link PushDelivery} is built from. */
export interface PushDeliveryDeps {
  readonly prefs: NotificationPreferencesRepository;
  readonly devices: DeviceRepository;
  /** Whether any device of the user is connected now, on any node. */
  readonly connected: (userId: string) => Promise<boolean>;
  /** One provider per platform; a device whose platform has none is passed over. */
  readonly providers: readonly PushProvider[];
  readonly slots: PushSlots;
  readonly limiter: RateLimiter;
  /** Pushes per user. */
  readonly rule: RateRule;
  readonly onReport?: (job: PushJob, report: DeliveryReport) => void;
  readonly now?: () => number;
}

/** How long a push service keeps a push for a device that is off, and how urgent each type is. */
function optionsOf(job: PushJob): PushOptions {
  const live = job.type === 'group-starting';
  return { ttlS: live ? 120 : 24 * 3600, urgency: live || job.type === 'hug' ? 'high' : 'normal' };
}

/**
 * Works one push job, on whichever node's worker takes it: decides again at delivery (preferences,
 * devices, whether a device is connected, quiet hours: held until they end), collapses the slot's
 * pushes of the last minute into one message, keeps to the user's push rate (held, not dropped),
 * sends to every registered device through its platform's provider, removes a registration the
 * push service called gone (404/410), and asks for a retry only when no device got it and some
 * failure was temporary.
 */
export class PushDelivery {
  private readonly now: () => number;
  private readonly providers: ReadonlyMap<PushTarget['platform'], PushProvider>;

  constructor(private readonly deps: PushDeliveryDeps) {
    this.now = deps.now ?? Date.now;
    this.providers = new Map(deps.providers.map((p) => [p.platform, p]));
  }

  readonly handle = async (job: PushJob): Promise<PushJobResult> => {
    const { deps } = this;
    const [prefs, devices, connected] = await Promise.all([deps.prefs.get(job.userId), deps.devices.list(job.userId), deps.connected(job.userId)]);
    const at = this.now();
    const reachable = devices.filter((d) => this.providers.has(d.push.platform));
    const plan = planPush({ type: job.type, prefs, actorId: job.actorId, connected, hasPushDevice: reachable.length > 0, at });
    if (plan.kind === 'skip') return this.report(job, { kind: 'skipped', reason: plan.reason }, { kind: 'done' });
    if (plan.at > at) return this.report(job, { kind: 'held', reason: 'quiet-hours', until: plan.at }, { kind: 'later', at: plan.at });
    const slot = `${job.userId}:${job.type}`;
    const note = await deps.slots.note(slot, job.id, job.createdAt, COLLAPSE_WINDOW_MS);
    if (note.superseded) return this.report(job, { kind: 'skipped', reason: 'superseded' }, { kind: 'done' });
    const rate = await deps.limiter.consume(job.userId, deps.rule);
    if (!rate.allowed) return this.report(job, { kind: 'held', reason: 'rate-limited', until: at + rate.retryAfterMs }, { kind: 'later', at: at + rate.retryAfterMs });
    const message = collapsedPush(job, note.count);
    const options = optionsOf(job);
    const outcomes = await Promise.all(
      reachable.map(async (device) => {
        const provider = this.providers.get(device.push.platform);
        const outcome: PushOutcome = provider ? await provider.send(device.push, message, options) : { kind: 'rejected', status: 0, reason: 'no provider' };
        if (outcome.kind === 'gone') await deps.devices.removeByAddress(pushAddressOf(device.push));
        return outcome;
      }),
    );
    const delivered = outcomes.some((o) => o.kind === 'delivered');
    const retries = outcomes.flatMap((o) => (o.kind === 'retry' ? [o] : []));
    const report: DeliveryReport = { kind: 'sent', outcomes: outcomes.map((o) => o.kind), count: note.count, latencyMs: Math.max(0, this.now() - job.createdAt) };
    if (delivered || retries.length === 0) {
      await deps.slots.sent(slot, job.id, job.createdAt, COLLAPSE_WINDOW_MS);
      return this.report(job, report, { kind: 'done' });
    }
    const afterMs = Math.max(0, ...retries.map((r) => r.retryAfterMs ?? 0));
    return this.report(job, report, { kind: 'retry', reason: retries.map((r) => r.reason).join('; '), ...(afterMs > 0 ? { afterMs } : {}) });
  };

  private report(job: PushJob, report: DeliveryReport, result: PushJobResult): PushJobResult {
    this.deps.onReport?.(job, report);
    return result;
  }
}
