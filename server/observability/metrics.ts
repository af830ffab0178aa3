import { performance } from 'node:perf_hooks';
import type { CommandSteps } from '../../rooms/command-steps/command-step.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BatchApplier, WriteQueue } from '../../persistence/write-behind/write-queue.js';

/** Every Prometheus metric this node exports, on one registry. */
export class Metrics {
  readonly registry = new Registry();

  /** Open sockets on this node. */
  readonly connections = new Gauge({
    name: 'hugmood_connections',
    help: 'Open Socket.IO connections on this node',
    registers: [this.registry],
  });

  /** Commands handled, by name and outcome (`ok` or the error code). */
  readonly commands = new Counter({
    name: 'hugmood_commands_total',
    help: 'Client commands handled, by command and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Time from receiving a command to sending its ack. */
  readonly commandDuration = new Histogram({
    name: 'hugmood_command_duration_seconds',
    help: 'Command latency from receipt to ack',
    labelNames: ['command'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  /** How many group-hug actors this node owns; set by the composition root. */
  countGroupActors: () => number = () => 0;

  /** Group-hug actors this node owns (read at scrape time). */
  readonly groupActors = new Gauge({
    name: 'hugmood_group_actors',
    help: 'Group-hug actors owned by this node',
    registers: [this.registry],
    collect: () => {
      this.groupActors.set(this.countGroupActors());
    },
  });

  /** Group-hug leases this node took over from a dead or stale owner. */
  readonly leaseHandovers = new Counter({
    name: 'hugmood_group_lease_handovers_total',
    help: 'Group-hug actors this node took over from another owner (a higher fencing token)',
    registers: [this.registry],
  });

  /** Connections the server cut, by reason (`rate_limited`: kept flooding; `slow_consumer`: stopped reading). */
  readonly connectionsCut = new Counter({
    name: 'hugmood_connections_cut_total',
    help: 'Connections the server closed on its own, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Handshakes refused, by reason. */
  readonly handshakeRefusals = new Counter({
    name: 'hugmood_handshake_refusals_total',
    help: 'Socket handshakes refused, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /**
   * A hug's `sentAt` to its first receipt (`hug:ack`) from a recipient device: live deliveries
   * land in the low buckets, hugs that waited in the inbox for an offline recipient in the high ones.
   */
  readonly hugDelivery = new Histogram({
    name: 'hugmood_hug_delivery_seconds',
    help: 'Time from sending a hug to its first receipt by a recipient device (includes time the recipient was offline)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60, 600, 3600, 86_400],
    registers: [this.registry],
  });

  /** Errors of this node's Redis connections (each reconnects by itself), by connection. */
  readonly redisErrors = new Counter({
    name: 'hugmood_redis_errors_total',
    help: 'Errors of this node\'s Redis connections (connection lost, refused, timed out), by connection',
    labelNames: ['connection'] as const,
    registers: [this.registry],
  });
  /** When this node's last presence heartbeat reached Redis (cluster shape; epoch seconds). */
  readonly presenceHeartbeat = new Gauge({
    name: 'hugmood_presence_heartbeat_timestamp_seconds',
    help: 'When this node\'s presence heartbeat last reached Redis; past the node timeout, the cluster takes the node for dead',
    registers: [this.registry],
  });
  /** The cluster's node timeout (`PRESENCE_NODE_TIMEOUT_MS`), so an alert compares against the configured value. */
  readonly presenceNodeTimeout = new Gauge({
    name: 'hugmood_presence_node_timeout_seconds',
    help: 'A node whose heartbeat is older than this is dead to the cluster (PRESENCE_NODE_TIMEOUT_MS)',
    registers: [this.registry],
  });
  /** The write-behind lag bound (`QUEUE_LAG_BOUND_MS`): past it, deferrable writes are refused. */
  readonly queueLagBound = new Gauge({
    name: 'hugmood_write_queue_lag_bound_seconds',
    help: 'Write-behind lag past which deferrable writes get unavailable (QUEUE_LAG_BOUND_MS)',
    registers: [this.registry],
  });

  /** Operations per write-behind batch the worker applied. */
  readonly queueBatchSize = new Histogram({
    name: 'hugmood_write_queue_batch_size',
    help: 'Operations per write-behind batch written to the store',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });

  /** Time to write one write-behind batch to the store. */
  readonly queueFlushDuration = new Histogram({
    name: 'hugmood_write_queue_flush_seconds',
    help: 'Time to write one write-behind batch to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  /** Write-behind operations that failed an attempt, by whether they will be retried. */
  readonly queueFailures = new Counter({
    name: 'hugmood_write_queue_failures_total',
    help: 'Write-behind operations that failed an attempt',
    registers: [this.registry],
  });

  constructor(nodeId: string) {
    this.registry.setDefaultLabels({ node: nodeId });
    collectDefaultMetrics({ register: this.registry });
    // Cumulative time the main thread's event loop was busy and idle: the busy share over a window
    // is Δactive / (Δactive + Δidle). The write-behind thread is not in it.
    new Gauge({
      name: 'hugmood_event_loop_seconds',
      help: 'Cumulative event-loop time of the main thread, by state (active, idle)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const elu = performance.eventLoopUtilization();
        this.set({ state: 'active' }, elu.active / 1000);
        this.set({ state: 'idle' }, elu.idle / 1000);
      },
    });
  }

  /** Exports the write-behind queue's depth, lag and dead letters, read at scrape time, and its lag bound. */
  observeQueue(queue: WriteQueue, lagBoundMs: number): void {
    this.queueLagBound.set(lagBoundMs / 1000);
    new Gauge({
      name: 'hugmood_write_queue_depth',
      help: 'Write-behind operations not yet applied',
      registers: [this.registry],
      collect() {
        this.set(queue.stats().depth);
      },
    });
    new Gauge({
      name: 'hugmood_write_queue_lag_seconds',
      help: 'Age of the oldest write-behind operation not yet applied',
      registers: [this.registry],
      collect() {
        this.set(queue.stats().lagMs / 1000);
      },
    });
    new Gauge({
      name: 'hugmood_write_queue_dead_letters',
      help: 'Write-behind operations that failed every attempt',
      registers: [this.registry],
      collect() {
        this.set(queue.stats().deadLetters);
      },
    });
  }

  /**
   * Exports the embedded writer thread's commits, each one fsync, by file (`queue`: appends and
   * batch outcomes; `store`: batches written), read at scrape time.
   */
  observeWriterCommits(read: () => { readonly queue: number; readonly store: number }): void {
    const seen = { queue: 0, store: 0 };
    new Counter({
      name: 'hugmood_writer_commits_total',
      help: 'Commits of the embedded write-behind writer, each one fsync, by file',
      labelNames: ['file'] as const,
      registers: [this.registry],
      collect() {
        const now = read();
        for (const file of ['queue', 'store'] as const) {
          this.inc({ file }, Math.max(0, now[file] - seen[file]));
          seen[file] = now[file];
        }
      },
    });
  }

  /** Command steps run, by outcome (`done`, `replayed`, `claimed-before`, `rate-limited`, `hug-not-pending`, …). */
  readonly commandSteps = new Counter({
    name: 'hugmood_command_steps_total',
    help: 'Atomic command steps run (one Redis call each in a cluster), by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Counts every step of `steps` by outcome. */
  instrumentSteps(steps: CommandSteps): CommandSteps {
    return {
      run: async (step) => {
        const outcome = await steps.run(step);
        this.commandSteps.inc({ outcome: outcome.kind === 'done' && outcome.replayed ? 'replayed' : outcome.kind });
        return outcome;
      },
      release: (userId, key) => steps.release(userId, key),
    };
  }

  /** Records a batch written elsewhere (the embedded writer thread): its size, failures and time. */
  observeBatch(size: number, failed: number, ms: number): void {
    this.queueBatchSize.observe(size);
    this.queueFailures.inc(failed);
    this.queueFlushDuration.observe(ms / 1000);
  }

  /** Wraps the worker's applier so every batch is counted and timed. */
  instrumentApplier(apply: BatchApplier): BatchApplier {
    return async (batch) => {
      const end = this.queueFlushDuration.startTimer();
      this.queueBatchSize.observe(batch.length);
      try {
        const outcome = await apply(batch);
        this.queueFailures.inc(outcome.failed.size);
        return outcome;
      } catch (error) {
        this.queueFailures.inc(batch.length);
        throw error;
      } finally {
        end();
      }
    };
  }
}
