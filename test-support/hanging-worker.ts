import { BullMqWriteQueue } from '../persistence/bullmq/bullmq-write-queue.js';

// A write-behind worker that takes a batch, says so on stdout, and never finishes it: the test
// kills it with -9 mid-job to prove another worker runs the stalled job again.
const [url, prefix] = process.argv.slice(2);
if (!url || !prefix) throw new Error('usage: hanging-worker.ts <redis url> <prefix>');
const queue = await BullMqWriteQueue.open({ url, prefix, partitions: 1, lockDurationMs: 1000 });
queue.start((batch) => {
  process.stdout.write(`${JSON.stringify({ took: batch.map((op) => op.id) })}\n`);
  return new Promise(() => undefined);
});
process.stdout.write('{"ready":true}\n');
