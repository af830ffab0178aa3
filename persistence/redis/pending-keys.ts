import { type PartitionTags, partitionTags } from '../redis-streams/stream-keys.js';
import { routeOf } from '../write-behind/partition.js';
import { subjectOf } from '../write-behind/pending-writes.js';
import type { WriteOperation } from '../write-behind/write-operation.js';

/** Where pending writes live unless told otherwise. */
export const PENDING_PREFIX = 'hm:pw:';

/**
 * The keys of the pending writes in Redis (after `prefix`). Each carries the hash tag of the log
 * partition its operations are routed to, so the command step that records them and the batch that
 * forgets them touch one hash slot:
 *   {pN}:h:{hugId} / {pN}:r:{requestId}   hash opId -> operation JSON (N: the recipient's partition)
 *   {pN}:sent:{userId}   sorted set [hugId, to] -> sentAt: hugs sent to a user of partition N whose creation is pending
 *   {pN}:inbox:{userId}   sorted set of entry JSON by cursor (N: the user's partition)
 */
export class PendingKeys {
  constructor(
    readonly prefix: string = PENDING_PREFIX,
    private readonly tags: PartitionTags = partitionTags(1),
  ) {}

  /** The pending operations on a hug or hug request, found through its recipient. */
  subject(kind: 'hug' | 'request', id: string, recipient: string): string {
    return this.subjectIn(this.tags.user(recipient), kind, id);
  }

  /** Every key that may hold the pending operations on a hug or hug request (one per partition). */
  subjectAnywhere(kind: 'hug' | 'request', id: string): string[] {
    return this.tags.all().map((tag) => this.subjectIn(tag, kind, id));
  }

  /** A user's pending inbox entries. */
  inbox(userId: string): string {
    return `${this.prefix}${this.tags.user(userId)}:inbox:${userId}`;
  }

  /** Every key that may hold hugs `userId` sent (one per partition of their recipients). */
  sentByUser(userId: string): string[] {
    return this.tags.all().map((tag) => this.sentIn(tag, userId));
  }

  /**
   * The changes that record (or forget) `operations` as pending. An inbox entry is scored by its
   * cursor; when `cursor` is given as `'$c'` the command step fills it in. An operation's record is
   * its JSON body, or `bodyRef(i)` when given (a command step refers to the body it already sends).
   */
  changes(operations: readonly WriteOperation[], how: 'record' | 'forget', cursor: number | '$c' | null = null, bodyRef?: (i: number) => string | number): PendingChange[] {
    const changes: PendingChange[] = [];
    const add = (verb: PendingVerb, key: string, a: string | number, b: string | number = '') => changes.push({ verb, key, a, b });
    for (const [i, op] of operations.entries()) {
      if (op.type === 'inbox.append') {
        const key = this.inbox(op.entry.userId);
        if (how === 'record') add('zadd', key, cursor ?? op.entry.cursor, JSON.stringify(op.entry));
        else add('zremscore', key, op.entry.cursor);
      }
      const subject = subjectOf(op);
      if (!subject) continue;
      const tag = this.tags.route(routeOf(op));
      const key = this.subjectIn(tag, subject.kind, subject.id);
      if (how === 'record') add('hset', key, op.id, bodyRef ? bodyRef(i) : JSON.stringify(op));
      else add('hdel', key, op.id);
      // Received hugs are found through the recipient's pending inbox entries; sent ones need their own set.
      if (op.type === 'hug.create') {
        const sent = this.sentIn(tag, op.hug.from);
        const member = sentMember(op.hug.id, op.hug.to);
        if (how === 'record') add('zadd', sent, op.hug.sentAt, member);
        else add('zrem', sent, member);
      }
    }
    return changes;
  }

  private subjectIn(tag: string, kind: 'hug' | 'request', id: string): string {
    return `${this.prefix}${tag}:${kind === 'hug' ? 'h' : 'r'}:${id}`;
  }

  private sentIn(tag: string, userId: string): string {
    return `${this.prefix}${tag}:sent:${userId}`;
  }
}

/** A member of a `sent` set: the hug and its recipient (whose partition holds its operations). */
export const sentMember = (hugId: string, to: string) => JSON.stringify([hugId, to]);

/** The hug and recipient of a `sent` member. */
export function parseSentMember(member: string): { readonly id: string; readonly recipient: string } | null {
  const parsed: unknown = JSON.parse(member);
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
  return { id: parsed[0], recipient: parsed[1] };
}

type PendingVerb = 'hset' | 'zadd' | 'hdel' | 'zrem' | 'zremscore';

/** One change to the pending keys: `hset key a b`, `zadd key a b` (score a, member b), `hdel key a`, `zrem key a`, `zremscore key a`. */
export interface PendingChange {
  readonly verb: PendingVerb;
  readonly key: string;
  readonly a: string | number;
  readonly b: string | number;
}
