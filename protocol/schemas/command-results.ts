import { z } from 'zod';
import type { CommandName, CommandResults } from '../command-map.js';
import { moodSummaryRecord } from './mood-summary-record.js';
import {
  epochMs,
  feedItemRecord,
  friendshipState,
  groupHugSummaryRecord,
  groupHugViewRecord,
  hugRecord,
  hugRequestRecord,
  inboxEntryRecord,
  list,
  moodEntryRecord,
  moodStreakRecord,
  notificationPreferencesRecord,
  notificationRecord,
  privacyRecord,
  profileRecord,
  userPresenceRecord,
} from './records.js';
import type { SameShape } from './same-shape.js';

/*
 * What each command answers in `{ ok: true, data }`, as zod schemas: the replies of the AsyncAPI
 * document. `satisfies` below pins every one to the SDK's `CommandResults`, so a change to a
 * result type that is not made here does not compile.
 */

const friendEntry = z.object({ profile: profileRecord, state: friendshipState, since: epochMs });
const friendResult = z.object({ userId: z.string(), state: friendshipState });
const groupPhase = groupHugViewRecord.shape.phase;
const membership = z.object({
  groupId: z.string(),
  version: z.number().int(),
  phase: groupPhase,
  startsAt: epochMs.nullable(),
  participantCount: z.number().int(),
  you: z.object({ userId: z.string(), status: z.enum(['participant', 'invited', 'declined']) }),
});
const unread = z.object({ unread: z.number().int() });

/** Every command's result schema. */
export const COMMAND_RESULT_SCHEMAS = {
  'auth:refresh': z.object({ userId: z.string(), expiresAt: epochMs }),
  'presence:watch': z.object({ presences: list(userPresenceRecord), denied: list(z.object({ userId: z.string(), code: z.enum(['forbidden', 'not_found']) })), at: epochMs }),
  'presence:unwatch': z.object({ unwatched: list(z.string()) }),
  'presence:set': z.object({ status: z.enum(['online', 'away', 'offline']) }),
  'friend:request': friendResult,
  'friend:accept': friendResult,
  'friend:decline': friendResult,
  'friend:remove': friendResult,
  'friend:block': friendResult,
  'friend:unblock': friendResult,
  'friends:list': z.object({ friends: list(friendEntry), incoming: list(friendEntry), outgoing: list(friendEntry), blocked: list(friendEntry) }),
  'profile:get': profileRecord,
  'profile:update': profileRecord,
  'user:lookup': profileRecord,
  'privacy:get': privacyRecord,
  'privacy:update': privacyRecord,
  'hug:send': z.object({ hugId: z.string(), delivered: z.boolean().describe('pushed to an online device of the recipient; not a receipt') }),
  'hug:ack': z.object({ acknowledged: list(z.string()) }),
  'hug:read': z.object({ hugId: z.string(), readAt: epochMs }),
  'hug:request': z.object({ requestId: z.string(), expiresAt: epochMs }),
  'hug:request:answer': z.object({ requestId: z.string(), status: z.enum(['accepted', 'declined']), hugId: z.string().nullable() }),
  'hug:history': z.object({ hugs: list(hugRecord), next: z.string().nullable() }),
  'hug:unread': z.object({ hugs: list(hugRecord), more: z.boolean() }),
  'hug:request:pending': z.object({ requests: list(hugRequestRecord) }),
  'inbox:sync': z.object({ entries: list(inboxEntryRecord), cursor: z.number().int(), hasMore: z.boolean() }),
  'group:create': groupHugViewRecord,
  'group:invite': z.object({ invited: list(z.string()) }),
  'group:join': membership,
  'group:decline': membership,
  'group:leave': membership,
  'group:start': groupHugViewRecord,
  'group:cancel': groupHugViewRecord,
  'group:get': groupHugViewRecord,
  'group:squeeze': z.object({ accepted: z.literal(true) }),
  'group:history': z.object({ summaries: list(groupHugSummaryRecord), next: z.string().nullable() }),
  'group:open': z.object({ groups: list(groupHugViewRecord) }),
  'time:sync': z.object({ serverTime: epochMs }),
  'mood:record': z.object({ moodId: z.string(), recordedAt: epochMs, localDate: z.string(), streak: moodStreakRecord, milestone: z.number().int().nullable() }),
  'mood:update': moodEntryRecord,
  'mood:delete': z.object({ moodId: z.string(), streak: moodStreakRecord }),
  'mood:streak': moodStreakRecord,
  'mood:history': z.object({ entries: list(moodEntryRecord), next: z.string().nullable() }),
  'mood:summary': moodSummaryRecord,
  'mood:friends': z.object({ friends: list(z.object({ userId: z.string(), latest: moodEntryRecord.nullable(), streak: moodStreakRecord })), at: epochMs }),
  'notification:list': z.object({ notifications: list(notificationRecord), next: z.string().nullable(), unread: z.number().int() }),
  'notification:read': z.object({ unread: z.number().int(), readAt: epochMs }),
  'notification:delete': z.object({ unread: z.number().int(), deleted: list(z.string()) }),
  'notification:unread-count': unread,
  'notification:preferences:get': notificationPreferencesRecord,
  'notification:preferences:update': notificationPreferencesRecord,
  'device:register': z.object({ deviceId: z.string(), platform: z.enum(['web', 'android', 'ios']), devices: z.number().int() }),
  'device:unregister': z.object({ deviceId: z.string(), removed: z.boolean() }),
  'feed:get': z.object({ items: list(feedItemRecord), next: z.string().nullable() }),
} as const satisfies { readonly [N in CommandName]: z.ZodType };

/** Compiles only when every result schema has its command's result type. */
type Pinned = { readonly [N in CommandName]: SameShape<z.output<(typeof COMMAND_RESULT_SCHEMAS)[N]>, CommandResults[N]> };
const pinned: Pinned extends { readonly [N in CommandName]: true } ? true : false = true;
void pinned;
