import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import { routeOf, userRoute } from '../../persistence/write-behind/partition.js';
import type { StepAppend } from './command-step.js';

/** The operations with their inbox entries given consecutive cursors from `first` (the step reserved them), in order. */
export function withCursors(operations: readonly WriteOperation[], first: number): WriteOperation[] {
  let next = first;
  return operations.map((op) => (op.type === 'inbox.append' ? { ...op, entry: { ...op.entry, cursor: next++ } } : op));
}

/** How many of `operations` are inbox entries (each takes a cursor of its own). */
export function entryCount(operations: readonly WriteOperation[]): number {
  return operations.filter((op) => op.type === 'inbox.append').length;
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

/**
 * The operation a `while-pending` append is made once by: its first, which must be on a hug (its
 * creation, receipt or read: the hug's pending writes are where it is looked for), and on the hug
 * the append concerns (`hugId`) when it names one.
 */
export function onceOperation(append: StepAppend): { readonly id: string; readonly hugId: string } {
  const [op] = append.operations;
  const hugId = op?.type === 'hug.create' ? op.hug.id : op?.type === 'hug.delivered' || op?.type === 'hug.read' ? op.hugId : null;
  if (!op || hugId === null) {
    throw new Error(`a once-while-pending append starts with an operation on a hug, not ${append.operations.map((o) => o.type).join(', ') || 'nothing'}`);
  }
  if (append.hugId !== undefined && append.hugId !== hugId) throw new Error(`a once-while-pending ${op.type} of ${hugId} concerns hug ${append.hugId}`);
  return { id: op.id, hugId };
}

/** The cursor the step gave inbox entry `entryId` among `operations`, when the first entry got `first` (null if it is not there). */
export function entryCursorOf(operations: readonly WriteOperation[], first: number | null, entryId: string): number | null {
  if (first === null) return null;
  let cursor = first;
  for (const op of operations) {
    if (op.type !== 'inbox.append') continue;
    if (op.entry.id === entryId) return cursor;
    cursor += 1;
  }
  return null;
}
