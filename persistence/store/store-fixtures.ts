import { randomUUID } from 'node:crypto';
import type { HugRecord } from './hug-repository.js';

/** A hug record for the store contracts: a fresh id and client id, and whatever `overrides` says. */
export function hugRecord(overrides: Partial<HugRecord> = {}): HugRecord {
  return {
    id: `h${randomUUID().replaceAll('-', '')}`,
    from: 'alice',
    to: 'bob',
    kind: 'warm',
    message: 'hi',
    sentAt: 1000,
    requestId: null,
    context: null,
    clientId: `c-${randomUUID()}`,
    fingerprint: 'fp',
    deliveredAt: null,
    readAt: null,
    ...overrides,
  };
}
