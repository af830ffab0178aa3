import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { routeOf, userRoute } from '../../persistence/write-behind/partition.js';

/** The operations with `cursor` set on their inbox entry (the step reserved it). */
export function withCursor(operations: readonly WriteOperation[], cursor: number): WriteOperation[] {
  return operations.map((op) => (op.type === 'inbox.append' ? { ...op, entry: { ...op.entry, cursor } } : op));
}

/** The cursor an operation is built with before its step assigns the real one. */
export const UNASSIGNED_CURSOR = 0;

/**
 * Throws unless every operation belongs to `userId`'s partition of the log: a step appends to one
 * partition, and an operation routed elsewhere by plain enqueues could overtake (or be overtaken
 * by) the other operations of its key.
 */
export function assertOwnRoute(userId: string, operations: readonly WriteOperation[]): void {
  const route = userRoute(userId);
  const stray = operations.find((op) => routeOf(op) !== route);
  if (stray) throw new Error(`a command step of ${userId} cannot queue ${stray.type} ${stray.id}: it belongs to ${routeOf(stray)}`);
}

/** A `while-pending` append's one operation, on a hug (the hug's pending writes are where it is looked for). */
export function onlyHugOperation(operations: readonly WriteOperation[]): Extract<WriteOperation, { type: 'hug.delivered' | 'hug.read' }> {
  const [op, ...rest] = operations;
  if (!op || rest.length > 0 || (op.type !== 'hug.delivered' && op.type !== 'hug.read')) {
    throw new Error(`a once-while-pending append holds one hug receipt or read, not ${operations.map((o) => o.type).join(', ') || 'nothing'}`);
  }
  return op;
}
