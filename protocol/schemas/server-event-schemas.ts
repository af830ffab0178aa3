import { z } from 'zod';
import { ERROR_CODES, type ErrorDetailValue, type ProtocolError } from '../errors.js';
import type { ServerEventName, ServerEventPayload } from '../server-events.js';
import {
  epochMs,
  feedItemRecord,
  friendshipState,
  groupHugChangesFields,
  groupHugSummaryRecord,
  INBOX_ENTRY_RECORDS,
  list,
  moodEntryRecord,
  moodStreakRecord,
  privacyRecord,
  profileRecord,
  userPresenceRecord,
} from './records.js';
import { assertSameShape, type SameShape } from './same-shape.js';

/*
 * Every server→client event's payload as a zod schema: the messages of the AsyncAPI document.
 * Each carries `at`, the server time it was sent. Pinned below to `ServerToClientEvents`.
 */

const at = { at: epochMs };
const stamped = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, ...at });

/** A value in an error's `details`: plain data, so it survives both wire formats. */
const detailValue: z.ZodType<ErrorDetailValue> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(detailValue).readonly(), z.record(z.string(), detailValue).readonly()]))
  .meta({ id: 'ErrorDetailValue' });

/** The error body of a refused command (`{ ok: false, error }`), a `connect_error` or an HTTP error. */
export const protocolErrorSchema = z
  .object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('a human-readable sentence; never secrets'),
    details: z.record(z.string(), detailValue).readonly().optional().describe('structured context, e.g. { field: "userIds.0" } for invalid_payload'),
    retryAfterMs: z.number().int().optional().describe('with rate_limited and unavailable: how long to wait before trying again'),
  })
  .meta({ id: 'ProtocolError' });

assertSameShape<z.output<typeof protocolErrorSchema>, ProtocolError>(true);

/** Every server event's payload schema. */
export const SERVER_EVENT_SCHEMAS = {
  'presence:update': userPresenceRecord.extend(at),
  'presence:revoked': stamped({ userId: z.string() }),
  'friend:update': stamped({ userId: z.string(), state: friendshipState, profile: profileRecord }),
  'profile:updated': stamped({ profile: profileRecord }),
  'privacy:updated': stamped({ privacy: privacyRecord }),
  'auth:expiring': stamped({ expiresAt: epochMs }),
  'session:ended': stamped({ reason: z.enum(['token_expired', 'server_shutdown', 'rate_limited', 'account_deleted']), retryAfterMs: z.number().int().optional() }),
  'command:rejected': stamped({ event: z.string(), error: protocolErrorSchema }),
  'hug:received': INBOX_ENTRY_RECORDS.hug.extend(at),
  'hug:delivered': stamped({ hugId: z.string(), to: z.string(), deliveredAt: epochMs }),
  'hug:read-receipt': INBOX_ENTRY_RECORDS['read-receipt'].extend(at),
  'hug:read-state': stamped({ hugId: z.string(), readAt: epochMs }),
  'hug:request:received': INBOX_ENTRY_RECORDS['hug-request'].extend(at),
  'hug:request:answered': INBOX_ENTRY_RECORDS['hug-request-answer'].extend(at),
  'group:invited': INBOX_ENTRY_RECORDS['group-invite'].extend(at),
  'group:state': stamped({ ...groupHugChangesFields, groupId: z.string(), fromVersion: z.number().int().describe('apply only on top of this version; otherwise fetch group:get') }),
  'group:pulse': stamped({ groupId: z.string(), warmth: z.number().describe('0..1, smoothed'), participantsSqueezing: z.number().int(), t: epochMs }),
  'group:complete': stamped({ groupId: z.string(), summary: groupHugSummaryRecord }),
  'mood:friend-update': stamped({ userId: z.string(), entry: moodEntryRecord, streak: moodStreakRecord.nullable() }),
  'mood:friend-removed': stamped({ userId: z.string(), moodId: z.string(), streak: moodStreakRecord.nullable() }),
  'mood:friend-hidden': stamped({ userId: z.string() }),
  'notification:new': INBOX_ENTRY_RECORDS.notification.extend({ ...at, unread: z.number().int() }),
  'notification:read-state': stamped({ unread: z.number().int(), readIds: list(z.string()), readUpTo: z.string().nullable(), deletedIds: list(z.string()) }),
  'feed:new': stamped({ item: feedItemRecord }),
} as const satisfies { readonly [E in ServerEventName]: z.ZodType };

/** Compiles only when every event schema has its event's payload type. */
type Pinned = { readonly [E in ServerEventName]: SameShape<z.output<(typeof SERVER_EVENT_SCHEMAS)[E]>, ServerEventPayload<E>> };
const pinned: Pinned extends { readonly [E in ServerEventName]: true } ? true : false = true;
void pinned;
