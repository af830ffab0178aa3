import { parentPort, workerData } from 'node:worker_threads';
import type { BatchOutcome } from '../write-behind/write-queue.js';
import { asError } from '../write-behind/operation-body.js';
import { QueueWriter, type RemoteApply } from './queue-writer.js';
import type { FromWriter, ToWriter, WriterConfig } from './writer-protocol.js';

// The embedded write-behind writer's thread: a QueueWriter driven by messages from the main thread.
const port = parentPort;
if (!port) throw new Error('writer-thread.ts runs as a worker thread');
const config = (workerData as { config: WriterConfig }).config;
const post = (message: FromWriter) => port.postMessage(message);

let batches = 0;
const waiting = new Map<number, { resolve: (outcome: BatchOutcome) => void; reject: (error: Error) => void }>();
const remote: RemoteApply | null =
  config.storeFile === null
    ? (ops) =>
        new Promise<BatchOutcome>((resolve, reject) => {
          batches += 1;
          waiting.set(batches, { resolve, reject });
          post({ t: 'apply', batch: batches, ops });
        })
    : null;

const writer = new QueueWriter(config, post, remote);

port.on('message', (message: ToWriter) => {
  switch (message.t) {
    case 'append':
      writer.append(message.id, message.ops);
      return;
    case 'start':
      writer.start();
      return;
    case 'applied': {
      const waiter = waiting.get(message.batch);
      waiting.delete(message.batch);
      if (message.error !== null) waiter?.reject(new Error(message.error));
      else waiter?.resolve({ failed: new Map(message.failed.map(([id, error]) => [id, new Error(error)])) });
      return;
    }
    case 'dead-letters':
      reply(message.id, () => writer.deadLetters(message.limit));
      return;
    case 'move-dead':
      reply(message.id, () => writer.moveDead(message.kind, message.ids));
      return;
    case 'close':
      void writer.close().then(
        () => post({ t: 'reply', id: message.id, value: null, error: null }),
        (error: unknown) => post({ t: 'reply', id: message.id, value: null, error: asError(error).message }),
      );
      return;
  }
});

function reply(id: number, run: () => FromWriter & { t: 'reply' } extends { value: infer V } ? V : never): void {
  try {
    post({ t: 'reply', id, value: run(), error: null });
  } catch (error) {
    post({ t: 'reply', id, value: null, error: asError(error).message });
  }
}
