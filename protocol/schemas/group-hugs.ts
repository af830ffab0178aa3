import { z } from 'zod';
import { userIdSchema } from '../ids.js';
import { MAX_GROUP_INVITE_BATCH, MAX_GROUP_TITLE, MAX_PAGE } from '../limits.js';
import { clientIdSchema } from './hugs.js';
import { lineOfText } from './text.js';
import { GROUP_HUG_DURATION, type GroupHugPhase } from '../group-hug-constants.js';

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

/**
 * A group hug as its participants and invitees see it (the full snapshot). `version` grows by one
 * with every change; diffs (`group:state`) carry the version they lead to.
 */
export interface GroupHugView {
  readonly id: string;
  readonly title: string;
  readonly creatorId: string;
  readonly phase: GroupHugPhase;
  readonly version: number;
  readonly participants: readonly string[];
  /** Invited, not yet joined or declined. */
  readonly invited: readonly string[];
  readonly declined: readonly string[];
  readonly createdAt: number;
  readonly scheduledAt: number | null;
  /** Server time the live part starts; set when the countdown begins, then never changes. */
  readonly startsAt: number | null;
  readonly durationMs: number;
  /** The intensity curve every device plays, keyframes `[t, intensity]`. */
  readonly curve: readonly (readonly [number, number])[];
  /** When it ended (complete or cancelled). */
  readonly endedAt: number | null;
  readonly cancelReason: GroupCancelReason | null;
}

/**
 * What changed in a group hug, up to `version`: only the changed fields are set. `joined`/`left`
 * change `participants`; `invited`/`declined` add to those lists (joining leaves `invited` and
 * `declined`, declining leaves `invited`, being invited leaves `declined`).
 */
export interface GroupHugChanges {
  readonly version: number;
  readonly phase?: GroupHugPhase;
  readonly startsAt?: number;
  readonly endedAt?: number;
  readonly cancelReason?: GroupCancelReason;
  readonly joined?: readonly string[];
  readonly left?: readonly string[];
  readonly invited?: readonly string[];
  readonly declined?: readonly string[];
}

/** Why a group hug was cancelled. */
export type GroupCancelReason = 'creator' | 'empty';

/** What a finished group hug leaves in every participant's history. */
export interface GroupHugSummary {
  readonly groupId: string;
  readonly title: string;
  readonly creatorId: string;
  readonly participants: readonly string[];
  readonly peakWarmth: number;
  readonly startsAt: number;
  readonly durationMs: number;
  readonly endedAt: number;
}

/** `group:invite` result: who is now invited (already invited or joined ones are left out). */
export interface GroupInviteResult {
  readonly invited: readonly string[];
}

/** `group:squeeze` result. */
export interface GroupSqueezeResult {
  readonly accepted: true;
}

/** `group:history` result. */
export interface GroupHistoryPage {
  readonly summaries: readonly GroupHugSummary[];
  readonly next: string | null;
}

/** `time:sync` result: the server's clock when it answered. */
export interface TimeSyncResult {
  readonly serverTime: number;
}

/** An invitation, as the invitee's inbox holds it. */
export interface GroupInvite {
  readonly groupId: string;
  readonly title: string;
  readonly from: string;
}

