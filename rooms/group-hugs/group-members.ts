import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';

/** Who a group hug concerns: its participants and the invitees who have not answered. */
export function membersOf(state: Pick<GroupHugState, 'participants' | 'invited'>): Set<string> {
  return new Set([...state.participants, ...state.invited]);
}

/** Who a change of state brought in, and who it let go. */
export function memberChanges(before: Pick<GroupHugState, 'participants' | 'invited'>, after: Pick<GroupHugState, 'participants' | 'invited'>): { readonly added: string[]; readonly removed: string[] } {
  // Most saves change the phase, a pulse or the version: the state keeps both lists as they were.
  if (before.participants === after.participants && before.invited === after.invited) return { added: [], removed: [] };
  const was = membersOf(before);
  const is = membersOf(after);
  return { added: [...is].filter((id) => !was.has(id)), removed: [...was].filter((id) => !is.has(id)) };
}
