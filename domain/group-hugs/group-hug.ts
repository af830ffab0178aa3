import { CommandError } from '../command-error.js';
import { GROUP_LISTED_PARTICIPANTS, isFinalPhase } from '../../protocol/group-hug-constants.js';
import type { GroupHugChanges, GroupHugView } from '../../protocol/schemas/group-hugs.js';
import { notMember } from './group-hug-refusals.js';

export { notMember } from './group-hug-refusals.js';

/**
 * The whole state of one group hug: what its actor holds in memory, what a snapshot stores, and
 * what a new owner restores. Plain data, so it serializes as it is. It is what participants see
 * (less the curve, which is the same for all) plus two fields only the actor needs.
 */
export interface GroupHugState extends Omit<GroupHugView, 'curve' | 'participantCount'> {
  /** Since when nobody takes part; the group hug is cancelled `emptyTimeoutMs` later. */
  readonly emptySince: number | null;
  /** The highest warmth a pulse reached (kept in snapshots, reported in the summary). */
  readonly peakWarmth: number;
}

/** The timing rules every actor applies (configured per cluster). */
export interface GroupHugRules {
  /** How far ahead of the start command (or schedule) `startsAt` is fixed: the countdown. */
  readonly leadMs: number;
  /** How long a group hug may stay without participants before it is cancelled. */
  readonly emptyTimeoutMs: number;
  /** Most participants plus invitees. */
  readonly maxMembers: number;
}

/** A member's or the creator's command, after authentication. */
export type GroupHugCommand =
  | { readonly type: 'invite'; readonly by: string; readonly userIds: readonly string[] }
  | { readonly type: 'join'; readonly userId: string }
  | { readonly type: 'decline'; readonly userId: string }
  | { readonly type: 'leave'; readonly userId: string }
  | { readonly type: 'start'; readonly by: string }
  | { readonly type: 'cancel'; readonly by: string };

/** What one change did (a command's answer; batches are broadcast as one `diffBetween`). */
export type GroupHugDiff = GroupHugChanges;

/** The outcome of a command or of time passing: the new state and its diff, or nothing changed. */
export type GroupHugStep = { readonly state: GroupHugState; readonly diff: GroupHugDiff } | null;

/** What a group hug is created from (already validated). */
export interface NewGroupHug {
  readonly id: string;
  readonly title: string;
  readonly creatorId: string;
  readonly invitees: readonly string[];
  readonly scheduledAt: number | null;
  readonly durationMs: number;
}

/** A new group hug in `gathering`, with its creator as the first participant. */
export function createGroupHug(input: NewGroupHug, now: number, rules: GroupHugRules): GroupHugState {
  const invited = [...new Set(input.invitees)].filter((id) => id !== input.creatorId);
  if (invited.length + 1 > rules.maxMembers) {
    throw new CommandError('invalid_payload', `a group hug holds at most ${rules.maxMembers} members`, { field: 'invitees', reason: 'too_many' });
  }
  return {
    id: input.id,
    title: input.title,
    creatorId: input.creatorId,
    phase: 'gathering',
    version: 1,
    participants: [input.creatorId],
    invited,
    declined: [],
    createdAt: now,
    scheduledAt: input.scheduledAt,
    startsAt: null,
    durationMs: input.durationMs,
    endedAt: null,
    cancelReason: null,
    emptySince: null,
    peakWarmth: 0,
  };
}

function step(state: GroupHugState, next: Omit<Partial<GroupHugState>, 'version'>, diff: Omit<GroupHugDiff, 'version'>): GroupHugStep {
  const version = state.version + 1;
  return { state: { ...state, ...next, version }, diff: { ...diff, version } };
}

/**
 * Applies what time alone changes: the schedule opens the countdown (so the live part starts at
 * the scheduled time), the countdown ends at `startsAt`, the live part ends after `durationMs`,
 * and an empty group hug is cancelled after `emptyTimeoutMs`. One transition per call: call it
 * again until it returns `null`.
 */
export function advance(state: GroupHugState, now: number, rules: GroupHugRules): GroupHugStep {
  if (isFinalPhase(state.phase)) return null;
  if (state.emptySince !== null && now >= state.emptySince + rules.emptyTimeoutMs) {
    return step(state, { phase: 'cancelled', endedAt: now, cancelReason: 'empty' }, { phase: 'cancelled', endedAt: now, cancelReason: 'empty' });
  }
  switch (state.phase) {
    case 'gathering': {
      if (state.scheduledAt === null || now < state.scheduledAt - rules.leadMs) return null;
      // Restored late (the owner was down at the scheduled time): a full countdown from now.
      const startsAt = Math.max(state.scheduledAt, now + Math.min(rules.leadMs, 1000));
      return step(state, { phase: 'countdown', startsAt }, { phase: 'countdown', startsAt });
    }
    case 'countdown':
      return state.startsAt !== null && now >= state.startsAt ? step(state, { phase: 'live' }, { phase: 'live' }) : null;
    case 'live': {
      const endsAt = (state.startsAt ?? now) + state.durationMs;
      return now >= endsAt ? step(state, { phase: 'complete', endedAt: endsAt }, { phase: 'complete', endedAt: endsAt }) : null;
    }
    default:
      return null;
  }
}

/** When {@link advance} next has something to do, or `null` when only a command can change it. */
export function nextDeadline(state: GroupHugState, rules: GroupHugRules): number | null {
  if (isFinalPhase(state.phase)) return null;
  const times: number[] = [];
  if (state.emptySince !== null) times.push(state.emptySince + rules.emptyTimeoutMs);
  if (state.phase === 'gathering' && state.scheduledAt !== null) times.push(state.scheduledAt - rules.leadMs);
  if (state.phase === 'countdown' && state.startsAt !== null) times.push(state.startsAt);
  if (state.phase === 'live' && state.startsAt !== null) times.push(state.startsAt + state.durationMs);
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * When the participants of a scheduled group hug hear that it starts soon: `noticeMs` before its
 * scheduled time, when it was scheduled further ahead than that and has not gone live. Null otherwise.
 */
export function startingNoticeAt(state: GroupHugState, noticeMs: number): number | null {
  if (state.scheduledAt === null || (state.phase !== 'gathering' && state.phase !== 'countdown')) return null;
  const at = state.scheduledAt - noticeMs;
  return at > state.createdAt ? at : null;
}

/** Records a pulse's warmth; only a new peak changes the state (and not its version). */
export function withWarmth(state: GroupHugState, warmth: number): GroupHugState {
  return warmth > state.peakWarmth ? { ...state, peakWarmth: warmth } : state;
}

/** Whether `userId` may see the group hug: its creator, participants, invitees and decliners. */
export function canView(state: GroupHugState, userId: string): boolean {
  return state.creatorId === userId || state.participants.includes(userId) || state.invited.includes(userId) || state.declined.includes(userId);
}

/**
 * Judges one tap: only a participant may squeeze, and only while live. Returns the refusal, or
 * `null` to count it. Pass the participants as a set when judging many taps.
 */
export function refuseTap(state: GroupHugState, userId: string, participants: ReadonlySet<string> = new Set(state.participants)): CommandError | null {
  if (!participants.has(userId)) return notMember();
  if (state.phase !== 'live') return new CommandError('conflict', `squeezes count only while live; the group hug is ${state.phase}`, { field: 'groupId', reason: state.phase });
  return null;
}

function added(before: readonly string[], after: readonly string[]): string[] {
  const had = new Set(before);
  return after.filter((id) => !had.has(id));
}

/**
 * One diff that takes `before` to `after` across any number of versions (a batch of commands):
 * broadcast once instead of once per command, so a burst of 1,000 joins costs a few broadcasts to
 * the room, not one each. Applied with the same rules as a single step's diff: `joined` leave the
 * invitees and decliners, `declined` leave the invitees, `invited` leave the decliners. Above
 * {@link GROUP_LISTED_PARTICIPANTS} participants it names nobody who joined, left or declined
 * (only the count), so what a diff costs its followers does not grow with the group.
 */
export function diffBetween(before: GroupHugState, after: GroupHugState): GroupHugDiff & { readonly fromVersion: number } {
  const listed = Math.max(before.participants.length, after.participants.length) <= GROUP_LISTED_PARTICIPANTS;
  const membersChanged = before.participants !== after.participants;
  const invited = added(before.invited, after.invited);
  const lists = {
    ...(listed && membersChanged ? { joined: added(before.participants, after.participants), left: added(after.participants, before.participants) } : {}),
    // Unlisted, a leaver (invited again) is not named either: only those the creator invited.
    invited: listed || invited.length === 0 ? invited : added(before.participants, invited),
    ...(listed ? { declined: added(before.declined, after.declined) } : {}),
  };
  return {
    fromVersion: before.version,
    version: after.version,
    ...(after.phase !== before.phase ? { phase: after.phase } : {}),
    ...(after.startsAt !== before.startsAt && after.startsAt !== null ? { startsAt: after.startsAt } : {}),
    ...(after.endedAt !== before.endedAt && after.endedAt !== null ? { endedAt: after.endedAt } : {}),
    ...(after.cancelReason !== before.cancelReason && after.cancelReason !== null ? { cancelReason: after.cancelReason } : {}),
    ...(membersChanged ? { participantCount: after.participants.length } : {}),
    ...Object.fromEntries(Object.entries(lists).filter(([, ids]) => ids.length > 0)),
  };
}
