import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PushWorkQueue } from '../../rooms/notifications/push-queue.js';
import type { DeliveryReport } from '../push/push-delivery.js';

/** The push pipeline's metrics, on the node's registry. */
export class PushMetrics {
  /** Push jobs worked, by what came of them. */
  readonly jobs: Counter<'result'>;
  /** Pushes sent, by the push service's answer. */
  readonly sends: Counter<'outcome'>;
  /** From the notification's creation to the push service's answer. */
  readonly latency: Histogram;

  constructor(registry: Registry, queue: PushWorkQueue) {
    this.jobs = new Counter({
      name: 'hugmood_push_jobs_total',
      help: 'Push jobs worked, by result (sent; skipped: channel-off, muted-or-not-close, device-connected, no-device, superseded; held: quiet-hours, rate-limited)',
      labelNames: ['result'] as const,
      registers: [registry],
    });
    this.sends = new Counter({
      name: 'hugmood_push_sends_total',
      help: 'Pushes sent to a push service, by its answer (delivered, gone, retry, rejected)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'hugmood_push_delivery_seconds',
      help: 'From a notification to the push service accepting its push',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
      registers: [registry],
    });
    // Read at scrape time; a Redis error leaves the gauges as they were.
    const last = { waiting: 0, deadLetters: 0 };
    const read = async () => Object.assign(last, await queue.stats().catch(() => last));
    new Gauge({
      name: 'hugmood_push_queue_waiting',
      help: 'Push jobs waiting (ready, delayed or running)',
      registers: [registry],
      async collect() {
        this.set((await read()).waiting);
      },
    });
    new Gauge({
      name: 'hugmood_push_dead_letters',
      help: 'Push jobs that failed every attempt, kept for operators',
      registers: [registry],
      async collect() {
        this.set((await read()).deadLetters);
      },
    });
  }

  /** Counts one job's report. */
  record(report: DeliveryReport): void {
    switch (report.kind) {
      case 'skipped':
        this.jobs.inc({ result: `skipped:${report.reason}` });
        return;
      case 'held':
        this.jobs.inc({ result: `held:${report.reason}` });
        return;
      case 'sent':
        this.jobs.inc({ result: 'sent' });
        for (const outcome of report.outcomes) this.sends.inc({ outcome });
        if (report.outcomes.includes('delivered')) this.latency.observe(report.latencyMs / 1000);
        return;
    }
  }
}
