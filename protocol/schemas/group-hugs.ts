import { z } from 'zod';
import { userIdSchema } from '../ids.js';
import { MAX_GROUP_INVITE_BATCH, MAX_GROUP_TITLE, MAX_PAGE } from '../limits.js';
import { clientIdSchema } from './hugs.js';
import { lineOfText } from './text.js';
import { GROUP_HUG_DURATION } from '../group-hug-constants.js';

export { GROUP_HUG_CURVE, GROUP_HUG_DURATION, GROUP_HUG_PHASES, type GroupHugPhase } from '../group-hug-constants.js';

/** A group hug id: server-made from the creator and their `clientId`, URL-safe. */
export const groupIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^g_[A-Za-z0-9_-]+$/, 'must be a group hug id');

const groupRef = { groupId: groupIdSchema };

/**
 * `group:create`: a new group hug in `gathering`, with the caller as creator and first
 * participant. Retrying with the same `clientId` returns the same group hug.
 */
export const groupCreateSchema = z.object({
  title: lineOfText(1, MAX_GROUP_TITLE),
  invitees: z.array(userIdSchema).max(MAX_GROUP_INVITE_BATCH).default([]),
  /** Start by itself at this server time (epoch ms), unless the creator starts it earlier. */
  scheduledAt: z.number().int().positive().optional(),
  durationMs: z.number().int().min(GROUP_HUG_DURATION.min).max(GROUP_HUG_DURATION.max).default(GROUP_HUG_DURATION.default),
  clientId: clientIdSchema,
});

/** `group:invite`: the creator invites more friends. */
export const groupInviteSchema = z.object({ ...groupRef, userIds: z.array(userIdSchema).min(1).max(MAX_GROUP_INVITE_BATCH) });

/** `group:join`, `group:decline`, `group:leave`, `group:start`, `group:cancel`, `group:get`: act on one group hug. */
export const groupRefSchema = z.object(groupRef);

/** `group:squeeze`: one tap while `live`; `intensity` 0..1. */
export const groupSqueezeSchema = z.object({ ...groupRef, intensity: z.number().min(0).max(1) });

/** `group:history`: the group hugs the caller took part in, newest first. */
export const groupHistorySchema = z.object({
  before: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
});

/** `time:sync`: one clock-sync exchange; the SDK measures the round trip around it. */
export const timeSyncSchema = z.object({});

export type {
  GroupCancelReason,
  GroupHistoryPage,
  GroupHugChanges,
  GroupHugSummary,
  GroupHugView,
  GroupInvite,
  GroupInviteResult,
  GroupMemberStatus,
  GroupMembership,
  OpenGroupHugs,
  GroupSqueezeResult,
  TimeSyncResult,
} from '../types/group-hugs.js';
