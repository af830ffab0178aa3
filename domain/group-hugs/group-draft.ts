import type { GroupMemberStatus } from '../../protocol/schemas/group-hugs.js';
import { CommandError } from '../command-error.js';
import { advance, type GroupHugCommand, type GroupHugDiff, type GroupHugRules, type GroupHugState, type GroupHugStep } from './group-hug.js';
import { notInvited, notMember, refuseFinal, refuseNonCreator } from './group-hug-refusals.js';
import { LIST_NAMES, ListIndex, type ListEdits, type ListName } from './list-index.js';

type Scalars = { -readonly [K in Exclude<keyof GroupHugState, ListName>]: GroupHugState[K] };

/** One list's changes in a draft: ids dropped from the base list, ids appended (in order). */
interface Edit {
  readonly removed: Set<string>;
  readonly added: Set<string>;
}

/**
 * A group hug being changed by a batch of commands and ticks, applied in order. Membership is
 * answered by a {@link ListIndex} of the state it starts from (the actor keeps one across batches)
 * with this draft's edits laid over it, so a command costs the same however many members there
 * are, and a batch of K joins to a group of N costs O(K) in set operations; the lists become arrays
 * again once, when {@link state} is read (a copy of each changed list). Lists keep their order:
 * members are appended, and removing keeps the others' order.
 */
export class GroupDraft {
  private readonly scalars: Scalars;
  private readonly edits: Partial<Record<ListName, Edit>> = {};
  private built: GroupHugState;

  /** `index` must be of `base` (the default reads the whole group). */
  constructor(
    private readonly base: GroupHugState,
    private readonly index: ListIndex = ListIndex.of(base),
  ) {
    if (!index.describes(base)) throw new Error(`group hug ${base.id}: the list index given is not of the state drafted on`);
    const { participants: _p, invited: _i, declined: _d, ...scalars } = base;
    this.scalars = scalars;
    this.built = base;
  }

  /** The state with everything applied so far (the state it started from when nothing changed). */
  get state(): GroupHugState {
    if (this.built.version === this.scalars.version) return this.built;
    this.built = { ...this.scalars, participants: this.list('participants'), invited: this.list('invited'), declined: this.list('declined') };
    return this.built;
  }

  /**
   * Applies one command. Throws a `CommandError` when the rules refuse it (`forbidden` for the wrong
   * user, `conflict` for the wrong phase), leaving the draft as it was; returns `null` when it
   * changes nothing (joining twice), so retries are harmless.
   */
  decide(command: GroupHugCommand, now: number, rules: GroupHugRules): GroupHugDiff | null {
    const s = this.scalars;
    switch (command.type) {
      case 'invite': {
        refuseNonCreator(s.creatorId, command.by, 'invite to');
        refuseFinal(s.phase);
        const fresh = [...new Set(command.userIds)].filter((id) => !this.has('participants', id) && !this.has('invited', id));
        if (fresh.length === 0) return null;
        if (this.size('participants') + this.size('invited') + fresh.length > rules.maxMembers) {
          throw new CommandError('conflict', `a group hug holds at most ${rules.maxMembers} members`, { field: 'userIds', reason: 'full' });
        }
        for (const id of fresh) {
          this.add('invited', id);
          this.remove('declined', id);
        }
        return this.changed({ invited: fresh });
      }
      case 'join': {
        const { userId } = command;
        if (this.has('participants', userId)) return null;
        if (!this.has('invited', userId) && !this.has('declined', userId)) throw notInvited();
        refuseFinal(s.phase);
        this.add('participants', userId);
        this.remove('invited', userId);
        this.remove('declined', userId);
        s.emptySince = null;
        return this.changed({ joined: [userId] });
      }
      case 'decline': {
        const { userId } = command;
        if (this.has('declined', userId)) return null;
        if (this.has('participants', userId)) throw new CommandError('conflict', 'you already joined; leave instead', { field: 'groupId', reason: 'joined' });
        if (!this.has('invited', userId)) throw notInvited();
        refuseFinal(s.phase);
        this.remove('invited', userId);
        this.add('declined', userId);
        return this.changed({ declined: [userId] });
      }
      case 'leave': {
        const { userId } = command;
        if (!this.has('participants', userId)) {
          if (this.has('invited', userId) || this.has('declined', userId)) return null;
          throw notMember();
        }
        refuseFinal(s.phase);
        // A leaver stays invited, so they can come back while the group hug lasts.
        this.remove('participants', userId);
        this.add('invited', userId);
        s.emptySince = this.size('participants') === 0 ? now : null;
        return this.changed({ left: [userId], invited: [userId] });
      }
      case 'start': {
        refuseNonCreator(s.creatorId, command.by, 'start');
        if (s.phase !== 'gathering') throw new CommandError('conflict', `the group hug is already ${s.phase}`, { field: 'groupId', reason: s.phase });
        if (this.size('participants') === 0) throw new CommandError('conflict', 'nobody has joined yet', { field: 'groupId', reason: 'empty' });
        s.phase = 'countdown';
        s.startsAt = now + rules.leadMs;
        return this.changed({ phase: 'countdown', startsAt: s.startsAt });
      }
      case 'cancel': {
        refuseNonCreator(s.creatorId, command.by, 'cancel');
        refuseFinal(s.phase);
        Object.assign(s, { phase: 'cancelled', endedAt: now, cancelReason: 'creator' });
        return this.changed({ phase: 'cancelled', endedAt: now, cancelReason: 'creator' });
      }
    }
  }

  /** Applies one transition time alone makes ({@link advance}); `null` when there is none. */
  advance(now: number, rules: GroupHugRules): GroupHugDiff | null {
    // Time changes only scalars: the lists given here are not read.
    const step = advance({ ...this.base, ...this.scalars }, now, rules);
    if (!step) return null;
    const { participants: _p, invited: _i, declined: _d, ...scalars } = step.state;
    Object.assign(this.scalars, scalars);
    return step.diff;
  }

  private changed(diff: Omit<GroupHugDiff, 'version'>): GroupHugDiff {
    this.scalars.version += 1;
    return { ...diff, version: this.scalars.version };
  }

  /** Where `userId` stands now: a participant, someone who declined, or (otherwise) invited. */
  statusOf(userId: string): GroupMemberStatus {
    if (this.has('participants', userId)) return 'participant';
    return this.has('declined', userId) ? 'declined' : 'invited';
  }

  /** What this draft changed in each list, for moving an index of its base along ({@link ListIndex.moveTo}). */
  listEdits(): ListEdits {
    const edits: ListEdits = {};
    for (const name of LIST_NAMES) {
      const edit = this.edits[name];
      if (edit && (edit.removed.size > 0 || edit.added.size > 0)) edits[name] = edit;
    }
    return edits;
  }

  private has(name: ListName, id: string): boolean {
    const edit = this.edits[name];
    if (edit) {
      if (edit.added.has(id)) return true;
      if (edit.removed.has(id)) return false;
    }
    return this.index.has(name, id);
  }

  /** Appends `id` unless it is there (where it then stays). */
  private add(name: ListName, id: string): void {
    if (this.has(name, id)) return;
    this.editOf(name).added.add(id);
  }

  /** Drops `id` if it is there. */
  private remove(name: ListName, id: string): void {
    const edit = this.edits[name];
    // Appended by this draft: if it was in the base list too, that entry is already dropped.
    if (edit?.added.delete(id)) return;
    if (this.index.has(name, id) && !edit?.removed.has(id)) this.editOf(name).removed.add(id);
  }

  private editOf(name: ListName): Edit {
    let edit = this.edits[name];
    if (!edit) {
      edit = { removed: new Set(), added: new Set() };
      this.edits[name] = edit;
    }
    return edit;
  }

  private size(name: ListName): number {
    const edit = this.edits[name];
    return this.index.size(name) - (edit?.removed.size ?? 0) + (edit?.added.size ?? 0);
  }

  private list(name: ListName): readonly string[] {
    const edit = this.edits[name];
    const base = this.base[name];
    if (!edit || (edit.removed.size === 0 && edit.added.size === 0)) return base;
    const kept = edit.removed.size === 0 ? base.slice() : base.filter((id) => !edit.removed.has(id));
    for (const id of edit.added) kept.push(id);
    return kept;
  }
}

/** Applies one command to `state` (see {@link GroupDraft.decide}): the new state and its diff, or `null`. */
export function decide(state: GroupHugState, command: GroupHugCommand, now: number, rules: GroupHugRules): GroupHugStep {
  const draft = new GroupDraft(state);
  const diff = draft.decide(command, now, rules);
  return diff ? { state: draft.state, diff } : null;
}
