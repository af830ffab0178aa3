import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { GROUP_HUG_CURVE, type GroupHugSummary, type GroupHugView } from '../../protocol/schemas/group-hugs.js';

/** Every socket of a group hug's participants joins this room: its diffs and pulses go here. */
export function groupRoom(groupId: string): string {
  return `group:${groupId}`;
}

/** The full snapshot a participant or invitee sees. */
export function toGroupView(state: GroupHugState): GroupHugView {
  return {
    id: state.id,
    title: state.title,
    creatorId: state.creatorId,
    phase: state.phase,
    version: state.version,
    participants: state.participants,
    participantCount: state.participants.length,
    invited: state.invited,
    declined: state.declined,
    createdAt: state.createdAt,
    scheduledAt: state.scheduledAt,
    startsAt: state.startsAt,
    durationMs: state.durationMs,
    curve: GROUP_HUG_CURVE,
    endedAt: state.endedAt,
    cancelReason: state.cancelReason,
  };
}

/** What a completed group hug leaves in history. */
export function summaryOf(state: GroupHugState): GroupHugSummary {
  return {
    groupId: state.id,
    title: state.title,
    creatorId: state.creatorId,
    participants: state.participants,
    peakWarmth: state.peakWarmth,
    startsAt: state.startsAt ?? state.createdAt,
    durationMs: state.durationMs,
    endedAt: state.endedAt ?? state.createdAt,
  };
}
