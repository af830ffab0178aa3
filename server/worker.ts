import { connectRedisTarget } from '../persistence/redis/redis-client.js';
import { loadConfig } from './config/config.js';
import { openClusterQueue } from './infrastructure/cluster-infrastructure.js';
import { openStore } from './infrastructure/open-store.js';
import { createRouter } from './http/http-router.js';
import { metricsRoute, opsRoutes } from './http/ops-routes.js';
import { createLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { watchLoopStalls } from './observability/loop-stall-watch.js';
import { NodeTransport } from './transport/node-transport.js';

// Process entry of `npm run worker`: write-behind workers without sockets, for a cluster whose
// nodes run with WORKERS=0 (or beside nodes that also work). Same settings as a node.
const result = loadConfig(process.env);
if (!result.ok) {
  process.stderr.write(`hugmood worker: invalid configuration, not starting:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(2);
}
const config = result.config;
const { redis: target } = config;
if (!target) {
  process.stderr.write('hugmood worker: REDIS_URL or REDIS_CLUSTER_NODES is required (in the embedded shape the server runs its own worker)\n');
  process.exit(2);
}
const log = createLogger({ level: config.logLevel, nodeId: config.nodeId });
const store = await openStore(config);
const redis = await connectRedisTarget(target, { name: `hugmood:${config.nodeId}:worker-commands` });
const metrics = new Metrics(config.nodeId);
const queue = await openClusterQueue({ ...config, redis: target }, log, metrics);
metrics.observeQueue(queue, config.queue.lagBoundMs);
// The queue forgets written batches' pending writes itself, in the call that acknowledges them.
queue.start(metrics.instrumentApplier((batch) => store.applyWrites(batch)));

// /healthz, /readyz (Redis and the store answer) and /metrics (queue depth, lag, batches, dead letters),
// on the worker's own port: it serves no clients, so its one listener is private.
let stopping = false;
const http = new NodeTransport({
  http: createRouter(
    [
      ...opsRoutes({
        nodeId: config.nodeId,
        checkReady: async () => {
          await redis.ping();
          await store.ping();
        },
        isShuttingDown: () => stopping,
      }),
      metricsRoute(metrics.registry),
    ],
    config.allowedOrigins,
    (error) => log.error({ err: error }, 'ops request failed'),
  ),
  maxBodyBytes: 1024,
  trustedProxies: 0,
});
const port = await http.listen(config.host, config.port);
// A store call that holds the loop (a synchronous SQLite lock wait) is logged, as on a node.
watchLoopStalls(log);
log.info({ event: 'worker-ready', port, partitions: config.queue.partitions, store: store.kind, depth: queue.stats().depth }, 'write-behind worker running');

const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'worker stopping');
  void (async () => {
    await http.stopListening();
    await queue.close();
    await http.close();
    await store.close();
    await redis.quit().catch(() => redis.disconnect());
    log.info({}, 'worker stopped');
    process.exit(0);
  })();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
