import { HUG_KINDS } from '../../protocol/hug-kinds.js';
import type { Hug, HugRequest } from '../../protocol/schemas/hugs.js';
import type { HugRecord } from '../../persistence/store/hug-repository.js';
import type { HugRequestRecord } from '../../persistence/store/hug-request-repository.js';

/** A stored hug as clients see it, with its kind's animation. */
export function toHug(record: HugRecord): Hug {
  const kind = HUG_KINDS[record.kind];
  return {
    id: record.id,
    from: record.from,
    to: record.to,
    kind: record.kind,
    animation: { durationMs: kind.durationMs, curve: kind.curve },
    message: record.message,
    sentAt: record.sentAt,
    requestId: record.requestId,
    context: record.context,
    deliveredAt: record.deliveredAt,
    readAt: record.readAt,
  };
}

/** A stored hug request as clients see it at `now`: a pending one past its expiry reads `expired`. */
export function toHugRequest(record: HugRequestRecord, now: number): HugRequest {
  return {
    id: record.id,
    from: record.from,
    to: record.to,
    message: record.message,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    status: record.status === 'pending' && now >= record.expiresAt ? 'expired' : record.status,
    hugId: record.hugId,
  };
}
