import type { HugRecord } from '../store/hug-repository.js';
import type { HugRequestRecord } from '../store/hug-request-repository.js';
import type { WriteOperation } from './write-operation.js';

const HUG_ORDER: Readonly<Record<string, number>> = { 'hug.create': 0, 'hug.delivered': 1, 'hug.read': 2 };
const REQUEST_ORDER: Readonly<Record<string, number>> = { 'hug-request.create': 0, 'hug-request.answer': 1 };

/**
 * A hug as the store will hold it once `pending` is applied, with the store's own semantics:
 * creation never overwrites, delivery and read are set once, and a read implies delivery.
 * Applied in causal order (create, deliver, read), so the result does not depend on arrival order.
 */
export function foldHug(stored: HugRecord | null, pending: readonly WriteOperation[]): HugRecord | null {
  let hug = stored;
  for (const op of [...pending].sort((a, b) => (HUG_ORDER[a.type] ?? 9) - (HUG_ORDER[b.type] ?? 9))) {
    if (op.type === 'hug.create') hug ??= op.hug;
    else if (op.type === 'hug.delivered' && hug && hug.deliveredAt === null) hug = { ...hug, deliveredAt: op.at };
    else if (op.type === 'hug.read' && hug && hug.readAt === null) hug = { ...hug, readAt: op.at, deliveredAt: hug.deliveredAt ?? op.at };
  }
  return hug;
}

/** A hug request as the store will hold it: created once, answered once while pending. */
export function foldHugRequest(stored: HugRequestRecord | null, pending: readonly WriteOperation[]): HugRequestRecord | null {
  let request = stored;
  for (const op of [...pending].sort((a, b) => (REQUEST_ORDER[a.type] ?? 9) - (REQUEST_ORDER[b.type] ?? 9))) {
    if (op.type === 'hug-request.create') request ??= op.request;
    else if (op.type === 'hug-request.answer' && request && request.status === 'pending') {
      request = { ...request, status: op.status, answeredAt: op.at, hugId: op.hugId };
    }
  }
  return request;
}
