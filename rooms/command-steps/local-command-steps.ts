import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { DurableWrites } from '../durable-writes.js';
import type { IdempotencyKeys } from '../idempotency/idempotency-keys.js';
import type { InboxCursors } from '../inbox/inbox-cursors.js';
import { SerialByKey } from '../serial-by-key.js';
import type { PendingWrites } from '../../persistence/write-behind/pending-writes.js';
import type { CommandStep, CommandSteps, PendingHug, StepCharge, StepOutcome } from './command-step.js';
import { assertOwnRoute, entryCount, onceOperation, withCursors } from './step-operations.js';

/** What {@link LocalCommandSteps} is built from: the memory parts of one node. */
export interface LocalCommandStepsDeps {
  readonly consume: (charge: StepCharge) => Promise<{ readonly allowed: boolean; readonly retryAfterMs: number }>;
  readonly keys: IdempotencyKeys;
  readonly cursors: InboxCursors;
  readonly writes: DurableWrites;
  /** The same pending writes `writes` records into (a step reads a hug's pending creation from them). */
  readonly pending: PendingWrites;
  readonly isOnline: (userId: string) => boolean;
}

/** What a `once` marker remembers. */
interface OnceMemo {
  readonly cursor: number | null;
  readonly online: boolean;
}

/**
 * {@link CommandSteps} of one node (the embedded shape): the node's memory limiter, idempotency
 * keys and cursors, and its durable write queue. One step per user runs at a time, so a user's
 * cursors are queued and recorded in order; nothing else can interleave in one process.
 */
export class LocalCommandSteps implements CommandSteps {
  private readonly serial = new SerialByKey();

  constructor(private readonly deps: LocalCommandStepsDeps) {}

  run(step: CommandStep): Promise<StepOutcome> {
    return this.serial.run(step.userId, () => this.runNow(step));
  }

  release(_userId: string, claimKey: string): Promise<void> {
    return this.deps.keys.release(claimKey);
  }

  private async runNow(step: CommandStep): Promise<StepOutcome> {
    const { keys } = this.deps;
    let hug: PendingHug | undefined;
    // The hug's pending writes are read once: for the hug the append concerns and for a `while-pending` operation on it.
    const onceOp = step.append?.once === 'while-pending' ? onceOperation(step.append) : null;
    const hugId = step.append?.hugId ?? onceOp?.hugId;
    const pendingOps = hugId === undefined ? [] : ((await this.deps.pending.hugOperations([{ id: hugId, recipient: step.userId }])).get(hugId) ?? []);
    const pendingAlready = onceOp !== null && pendingOps.some((op) => op.id === onceOp.id);
    if (step.append?.hugId !== undefined) {
      const found = pendingHugIn(pendingOps);
      if (found && found.to !== step.userId) return { kind: 'hug-of-another' };
      if (!found && !pendingAlready) return { kind: 'hug-not-pending' };
      hug = found ?? undefined;
    }
    if (step.claim) {
      const claim = await keys.peek(step.claim.key);
      if (claim) return { kind: 'claimed-before', claim };
    }
    for (const charge of step.charges ?? []) {
      const decision = await this.deps.consume(charge);
      if (!decision.allowed) return { kind: 'rate-limited', rule: charge.rule.name, retryAfterMs: decision.retryAfterMs };
    }
    if (step.claim) await keys.claim(step.claim.key, step.claim.fingerprint, step.claim.ttlMs);
    const append = step.append;
    if (append) assertOwnRoute(step.userId, append.operations);
    if (!append) return { kind: 'done', cursor: null, replayed: false, online: false };
    const online = append.reportOnline === true && this.deps.isOnline(step.userId);
    if (pendingAlready) return { kind: 'done', cursor: null, replayed: true, online, ...(hug ? { hug } : {}) };
    const once = append.once === 'while-pending' ? undefined : append.once;
    if (once) {
      const marker = await keys.claim(once.key, 'once', once.ttlMs);
      if (!marker.fresh) {
        const memo = marker.result === null ? { cursor: null, online } : (JSON.parse(marker.result) as OnceMemo);
        return { kind: 'done', cursor: memo.cursor, replayed: true, online: memo.online, ...(hug ? { hug } : {}) };
      }
    }
    let cursor: number | null = null;
    let operations: readonly WriteOperation[] = append.operations;
    try {
      const entries = entryCount(operations);
      if (entries > 0) {
        cursor = await this.deps.cursors.reserve(step.userId, entries);
        operations = withCursors(operations, cursor);
      }
      await this.deps.writes.write(operations, { deferrable: append.deferrable ?? true });
    } catch (error) {
      if (once) await keys.release(once.key);
      throw error;
    }
    if (once) await keys.complete(once.key, JSON.stringify({ cursor, online } satisfies OnceMemo), once.ttlMs);
    return { kind: 'done', cursor, replayed: false, online, ...(hug ? { hug } : {}) };
  }
}

/** The parties of the hug whose pending creation is among `ops`, if it is. */
function pendingHugIn(ops: readonly WriteOperation[]): PendingHug | null {
  for (const op of ops) if (op.type === 'hug.create') return { from: op.hug.from, to: op.hug.to, sentAt: op.hug.sentAt };
  return null;
}
