import { hash } from 'node:crypto';

/*
 * Deterministic ids of what commands create (derived from the author and the client's `clientId`, so
 * a retry maps to the same record) and fingerprints of their content.
 */

function digest(...parts: readonly string[]): string {
  // One-shot hashing: no Hash object per call (a send makes two digests).
  return hash('sha256', parts.join('\u0000'), 'base64url');
}

/** The hug id of `senderId`'s send with `clientId`: the same pair always yields the same id. */
export function hugIdFor(senderId: string, clientId: string): string {
  return `h_${digest('hug', senderId, clientId).slice(0, 24)}`;
}

/** The hug request id of `senderId`'s request with `clientId`. */
export function hugRequestIdFor(senderId: string, clientId: string): string {
  return `r_${digest('hug-request', senderId, clientId).slice(0, 24)}`;
}

/** The group hug id of `creatorId`'s `group:create` with `clientId`: a retry yields the same group hug. */
export function groupHugIdFor(creatorId: string, clientId: string): string {
  return `g_${digest('group', creatorId, clientId).slice(0, 24)}`;
}

/** The mood id of `userId`'s `mood:record` with `clientId`: a retry yields the same mood. */
export function moodIdFor(userId: string, clientId: string): string {
  return `m_${digest('mood', userId, clientId).slice(0, 24)}`;
}

/** A digest of a request's content, to tell a retry (same digest) from a reused `clientId`. */
export function fingerprintOf(...fields: readonly (string | null | undefined)[]): string {
  return digest(...fields.map((f) => f ?? '\u0001null'));
}

/** The notification of the event `eventKey` for `recipientId`: an event notifies each recipient once. */
export function notificationIdFor(recipientId: string, eventKey: string): string {
  return `n_${digest('notification', recipientId, eventKey).slice(0, 24)}`;
}

/** The activity `actorId` did, named by `key` (`mood:<id>`, …): an activity is recorded once. */
export function activityIdFor(actorId: string, key: string): string {
  return `a_${digest('activity', actorId, key).slice(0, 24)}`;
}
