import type { HugRecord } from '../../persistence/store/hug-repository.js';
import { hugCreate, inboxAppend } from '../../persistence/write-behind/write-operation.js';
import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { WriteQueue } from '../../persistence/write-behind/write-queue.js';

/** A hug record for queue tests: from alice to `to`. */
function testHug(id: string, to: string): HugRecord {
  return { id, from: 'alice', to, kind: 'warm', message: null, sentAt: 1000, requestId: null, context: null, clientId: `c-${id}`, fingerprint: 'f', deliveredAt: null, readAt: null };
}

/**
 * Gives `queue` one poison operation among good ones: first bob's inbox entry at cursor 1 (hug
 * h-first), then one batch with a second entry at that cursor (a real constraint violation, the
 * poison), hug h-clash and hug h-mate for carol. Waits until both batches were worked; returns the
 * poison.
 */
export async function writePoisonBatch(queue: WriteQueue): Promise<WriteOperation> {
  await queue.enqueue([hugCreate(testHug('h-first', 'bob')), inboxAppend({ userId: 'bob', cursor: 1, id: 'hug:h-first', type: 'hug', ref: 'h-first', createdAt: 1, data: {} })]);
  await queue.drain();
  const poison = inboxAppend({ userId: 'bob', cursor: 1, id: 'hug:h-clash', type: 'hug', ref: 'h-clash', createdAt: 2, data: {} });
  await queue.enqueue([hugCreate(testHug('h-clash', 'bob')), poison, hugCreate(testHug('h-mate', 'carol'))]);
  await queue.drain();
  return poison;
}
