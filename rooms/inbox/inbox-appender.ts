import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { CommandSteps } from '../command-steps/command-step.js';
import { UNASSIGNED_CURSOR } from '../command-steps/step-operations.js';

/** The result of {@link InboxAppender.append}. */
export interface InboxAppend {
  readonly cursor: number;
  /** The entry was appended by an earlier call with the same `once` key: do not announce it again. */
  readonly replayed: boolean;
}

/**
 * Appends to users' inboxes through one command step each: the next cursor, the durable write and
 * the pending record happen together (one Redis script in a cluster), so a user's entries become
 * visible in cursor order, and a sync can never see a later cursor while an earlier one is still
 * on its way (which would move a client's cursor past it), whichever nodes append.
 */
export class InboxAppender {
  constructor(private readonly steps: CommandSteps) {}

  /**
   * Queues `build(cursor)` with the next cursor of `userId`; resolves with the cursor once durable.
   * Every operation must belong to `userId`'s partition (its inbox entry, the records it creates).
   * With `once`, an append already made under that key is not made again: its cursor comes back
   * with `replayed`.
   */
  async append(userId: string, build: (cursor: number) => readonly WriteOperation[], once?: { readonly key: string; readonly ttlMs: number }): Promise<InboxAppend> {
    const outcome = await this.steps.run({ userId, append: { operations: build(UNASSIGNED_CURSOR), ...(once ? { once } : {}) } });
    if (outcome.kind !== 'done' || outcome.cursor === null) throw new Error(`inbox append of ${userId}: the step reserved no cursor (${outcome.kind})`);
    return { cursor: outcome.cursor, replayed: outcome.replayed };
  }
}
