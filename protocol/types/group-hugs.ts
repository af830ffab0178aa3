import type { GroupHugPhase } from '../group-hug-constants.js';

/* Group hugs as client and server exchange them (zod-free; the schemas are in ../schemas/group-hugs.ts). */

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
  /**
   * Everyone in it, as of this snapshot. Diffs keep it current while the group hug has at most
   * `GROUP_LISTED_PARTICIPANTS` participants; beyond that they keep `participantCount` current
   * and the lists stay as the last snapshot had them.
   */
  readonly participants: readonly string[];
  readonly participantCount: number;
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
 * `declined`, declining leaves `invited`, being invited leaves `declined`). `participantCount` is
 * set whenever participants changed; `joined`, `left` and `declined` are named only while the
 * group hug has at most `GROUP_LISTED_PARTICIPANTS` participants (before and after the change).
 */
export interface GroupHugChanges {
  readonly version: number;
  readonly phase?: GroupHugPhase;
  readonly startsAt?: number;
  readonly endedAt?: number;
  readonly cancelReason?: GroupCancelReason;
  readonly participantCount?: number;
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

/**
 * `group:join`, `group:leave` and `group:decline` result: where the group hug stands after the
 * command, and you in it, with no lists, so a join costs the same in a group of 3 or of 1,000. A
 * device that follows the group hug has its snapshot (`group:get`, once) and its diffs
 * (`group:state`), which reach the version given here.
 */
export interface GroupMembership {
  readonly groupId: string;
  /** The group hug's version once this command is in it. */
  readonly version: number;
  readonly phase: GroupHugPhase;
  readonly startsAt: number | null;
  readonly participantCount: number;
  /** Your own entry: `participant` after a join, `invited` after a leave, `declined` after a decline. */
  readonly you: { readonly userId: string; readonly status: GroupMemberStatus };
}

/** Where one user stands in a group hug. */
export type GroupMemberStatus = 'participant' | 'invited' | 'declined';

/** `group:invite` result: who is now invited (already invited or joined ones are left out). */
export interface GroupInviteResult {
  readonly invited: readonly string[];
}

/** `group:squeeze` result. */
export interface GroupSqueezeResult {
  readonly accepted: true;
}

/**
 * `group:open` result: the group hugs not yet ended that you take part in or are invited to (not
 * declined), live first, then counting down, then gathering (newest first within each), at most 50.
 */
export interface OpenGroupHugs {
  readonly groups: readonly GroupHugView[];
}

/** `group:history` result, newest first. */
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
