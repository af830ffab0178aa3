import { CommandError } from '../command-error.js';
import { type GroupHugPhase, isFinalPhase } from '../../protocol/group-hug-constants.js';

/* The errors the group hug rules answer with, each with its own `reason`. */

/** The refusal of a command or tap from someone who is not a participant. */
export function notMember(): CommandError {
  return new CommandError('forbidden', 'you are not in this group hug', { field: 'groupId', reason: 'not_member' });
}

/** The refusal of a join or decline from someone never invited. */
export function notInvited(): CommandError {
  return new CommandError('forbidden', 'you were not invited to this group hug', { field: 'groupId', reason: 'not_invited' });
}

/** Refuses any change once the group hug is complete or cancelled. */
export function refuseFinal(phase: GroupHugPhase): void {
  if (isFinalPhase(phase)) throw new CommandError('conflict', `the group hug is ${phase}`, { field: 'groupId', reason: phase });
}

/** Refuses what only the creator may do. */
export function refuseNonCreator(creatorId: string, by: string, what: string): void {
  if (by !== creatorId) throw new CommandError('forbidden', `only the creator may ${what} the group hug`, { field: 'groupId', reason: 'not_creator' });
}
