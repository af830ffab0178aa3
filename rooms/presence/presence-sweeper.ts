import type { LogPort } from '../log-port.js';
import type { PresenceCluster, SweepStep } from './presence-cluster.js';

/** What {@link PresenceSweeper} is built from. */
export interface PresenceSweeperDeps {
  readonly cluster: PresenceCluster;
  /** How often this node heartbeats (a fraction of the node timeout). */
  readonly heartbeatMs: number;
  /** How often this node looks for dead nodes to sweep. */
  readonly sweepMs: number;
  /**
   * After this node starts, or regains Redis after losing it, it sweeps nobody for this long (the
   * node timeout): the other nodes may have lost Redis too, and need that long to heartbeat again.
   */
  readonly quietMs: number;
  readonly now?: () => number;
  /** Announces what a sweep step changed (offline users, new aggregates). */
  readonly onSwept: (step: SweepStep) => Promise<void>;
  /**
   * The cluster swept this node while it was alive (a long pause), or the node was cut off from Redis
   * (a device's connect may have failed meanwhile): register its live devices again. Idempotent.
   */
  readonly onSweptAlive: () => Promise<void>;
  /** Hears each heartbeat that reached the cluster, with its time (for metrics). */
  readonly onHeartbeat?: (at: number) => void;
  readonly log: LogPort;
}

/** Entries removed per sweep step: one short atomic script each, so Redis never stalls. */
const SWEEP_BATCH = 500;

/**
 * Keeps this node's membership alive and clears the presence of dead nodes: a heartbeat every
 * `heartbeatMs`, and a sweep every `sweepMs` that removes a dead node's device entries step by step
 * and hands each step to `onSwept`. Failures (Redis down) are logged and retried on the next tick.
 */
export class PresenceSweeper {
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private sweepTimer: ReturnType<typeof setInterval> | null = null;
  private beating: Promise<void> | null = null;
  private sweeping: Promise<void> | null = null;
  private healthy = true;
  /** When heartbeats last started succeeding again; `null` while they fail. */
  private healthySince: number | null;
  private readonly now: () => number;

  constructor(private readonly deps: PresenceSweeperDeps) {
    this.now = deps.now ?? Date.now;
    this.healthySince = this.now();
  }

  /**
   * Clears what an earlier life of this node id left (announcing those users), heartbeats once (so
   * this node is a member before it serves), then keeps both loops going.
   */
  async start(): Promise<void> {
    for (;;) {
      const step = await this.deps.cluster.clearOwnStep(SWEEP_BATCH);
      if (!step) break;
      if (step.swept.length > 0) this.deps.log.info({ users: step.swept.length }, 'presence: cleared entries of this node id from before a restart');
      await this.deps.onSwept(step);
      if (!step.more) break;
    }
    await this.deps.cluster.heartbeat();
    this.deps.onHeartbeat?.(this.now());
    this.heartbeatTimer = setInterval(() => void this.beat(), this.deps.heartbeatMs);
    this.sweepTimer = setInterval(() => void this.sweep(), this.deps.sweepMs);
    this.heartbeatTimer.unref();
    this.sweepTimer.unref();
  }

  /** Runs one sweep now (until no dead node is left); resolves with the steps taken. */
  async sweepNow(): Promise<number> {
    let steps = 0;
    for (;;) {
      const step = await this.deps.cluster.sweepStep(SWEEP_BATCH);
      if (!step) return steps;
      steps += 1;
      if (step.swept.length > 0 || !step.more) {
        this.deps.log.info({ deadNode: step.nodeId, users: step.swept.length, more: step.more }, 'presence: swept a dead node');
      }
      await this.deps.onSwept(step);
    }
  }

  /** Stops both loops and leaves the cluster (call after this node's devices are gone). */
  async stop(): Promise<void> {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.heartbeatTimer = null;
    this.sweepTimer = null;
    await Promise.allSettled([this.beating, this.sweeping]);
    await this.deps.cluster.leave();
  }

  private beat(): Promise<void> {
    this.beating ??= this.deps.cluster
      .heartbeat()
      .then(async (sweptMeanwhile) => {
        this.deps.onHeartbeat?.(this.now());
        const wasHealthy = this.healthy;
        if (!wasHealthy) {
          this.deps.log.info({ quietMs: this.deps.quietMs }, 'presence: heartbeat restored; sweeping resumes after the quiet period');
          this.healthySince = this.now();
        }
        this.healthy = true;
        // Swept while alive, or cut off from Redis (a connect may have failed meanwhile): register every device again.
        if (sweptMeanwhile || !wasHealthy) {
          this.deps.log.warn({ sweptMeanwhile }, 'presence: registering this node\'s devices again');
          await this.deps.onSweptAlive();
        }
      })
      .catch((error: unknown) => {
        if (this.healthy) this.deps.log.error({ err: error }, 'presence: heartbeat failed');
        this.healthy = false;
        this.healthySince = null;
      })
      .finally(() => {
        this.beating = null;
      });
    return this.beating;
  }

  private sweep(): Promise<void> {
    if (this.healthySince === null || this.now() - this.healthySince < this.deps.quietMs) return Promise.resolve();
    this.sweeping ??= this.sweepNow()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'presence: sweep failed'))
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }
}
