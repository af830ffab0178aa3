import { RedisStreamWriteQueue } from '../persistence/redis-streams/stream-write-queue.js';

// A write-behind writer that takes a batch, says so on stdout, and never finishes it: the test
// kills it with -9 mid-batch to prove another writer takes its partition and writes the batch again.
const [url, prefix] = process.argv.slice(2);
if (!url || !prefix) throw new Error('usage: hanging-worker.ts <redis url> <prefix>');
const queue = await RedisStreamWriteQueue.open({ url, prefix, partitions: 1 });
queue.start((batch) => {
  process.stdout.write(`${JSON.stringify({ took: batch.map((op) => op.id) })}\n`);
  return new Promise(() => undefined);
});
process.stdout.write('{"ready":true}\n');
