import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RedisStreamWriteQueue } from '../../persistence/redis-streams/stream-write-queue.js';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import type { WriteQueue } from '../../persistence/write-behind/write-queue.js';
import { defaultQueuePartitions, SETTINGS } from '../config/settings.js';
import { runDlqCommand } from './dlq-command.js';

// Process entry of `npm run dlq`: the dead letters of the write-behind queue, in Redis (the Streams log)
// when REDIS_URL or REDIS_CLUSTER_NODES is set, else in DATA_DIR. Safe while servers run: replayed operations go back
// through the queue and a worker applies them.
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function openQueue(): Promise<WriteQueue> {
  const env = (name: string) => process.env[name] || undefined;
  const redisUrl = SETTINGS.REDIS_URL.schema.safeParse(env('REDIS_URL'));
  if (!redisUrl.success) fail('REDIS_URL: must be a redis:// or rediss:// URL');
  const clusterNodes = SETTINGS.REDIS_CLUSTER_NODES.schema.safeParse(env('REDIS_CLUSTER_NODES'));
  if (!clusterNodes.success) fail(`REDIS_CLUSTER_NODES: ${clusterNodes.error.issues[0]?.message ?? 'must be host:port entries separated by commas'}`);
  if (redisUrl.data && clusterNodes.data) fail('set either REDIS_URL or REDIS_CLUSTER_NODES, not both');
  if (redisUrl.data || clusterNodes.data) {
    const partitions = SETTINGS.QUEUE_PARTITIONS.schema.safeParse(env('QUEUE_PARTITIONS'));
    if (!partitions.success) fail('QUEUE_PARTITIONS: must be an integer from 1 to 64');
    const target = clusterNodes.data ? { clusterSeeds: clusterNodes.data } : { url: redisUrl.data };
    return RedisStreamWriteQueue.open({ ...target, partitions: partitions.data ?? defaultQueuePartitions(env('MONGO_URL')), clientName: 'hugmood:dlq' });
  }
  const dataDir = SETTINGS.DATA_DIR.schema.safeParse(env('DATA_DIR'));
  if (!dataDir.success) fail('DATA_DIR: must be a folder path');
  const file = join(dataDir.data, 'write-queue.db');
  if (!existsSync(file)) fail(`no write queue at ${file} (is DATA_DIR right? with a cluster, set REDIS_URL)`);
  return new SqliteWriteQueue({ file });
}

const queue = await openQueue();
const code = await runDlqCommand(process.argv.slice(2), queue, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
await queue.close();
process.exit(code);
