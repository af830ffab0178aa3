import { CommandError } from '../command-error.js';
import { advance, type GroupHugCommand, type GroupHugDiff, type GroupHugRules, type GroupHugState, type GroupHugStep } from './group-hug.js';
import { notInvited, notMember, refuseFinal, refuseNonCreator } from './group-hug-refusals.js';

type ListName = 'participants' | 'invited' | 'declined';
type Scalars = { -readonly [K in Exclude<keyof GroupHugState, ListName>]: GroupHugState[K] };

/**
 * A group hug being changed by a batch of commands and ticks, applied in order. Its member lists
 * are sets while it is open (built on first use, each once), so a command costs the same however
 * many members there are, and the lists are arrays again once, when {@link state} is read: a batch
 * of K joins to a group of N costs O(N + K), not O(N × K). Sets keep insertion order, which is the
 * lists' order (members are appended; removing keeps the others' order).
 */
export class GroupDraft {
  private readonly scalars: Scalars;
  private readonly sets: Partial<Record<ListName, Set<string>>> = {};
  /** The lists changed so far: the others stay the arrays they were. */
  private readonly changedLists = new Set<ListName>();
  private built: GroupHugState;

  constructor(private readonly base: GroupHugState) {
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
          this.write('invited').add(id);
          this.write('declined').delete(id);
        }
        return this.changed({ invited: fresh });
      }
      case 'join': {
        const { userId } = command;
        if (this.has('participants', userId)) return null;
        if (!this.has('invited', userId) && !this.has('declined', userId)) throw notInvited();
        refuseFinal(s.phase);
        this.write('participants').add(userId);
        this.write('invited').delete(userId);
        this.write('declined').delete(userId);
        s.emptySince = null;
        return this.changed({ joined: [userId] });
      }
      case 'decline': {
        const { userId } = command;
        if (this.has('declined', userId)) return null;
        if (this.has('participants', userId)) throw new CommandError('conflict', 'you already joined; leave instead', { field: 'groupId', reason: 'joined' });
        if (!this.has('invited', userId)) throw notInvited();
        refuseFinal(s.phase);
        this.write('invited').delete(userId);
        this.write('declined').add(userId);
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
        const participants = this.write('participants');
        participants.delete(userId);
        this.write('invited').add(userId);
        s.emptySince = participants.size === 0 ? now : null;
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

  private read(name: ListName): Set<string> {
    let set = this.sets[name];
    if (!set) {
      set = new Set(this.base[name]);
      this.sets[name] = set;
    }
    return set;
  }

  private write(name: ListName): Set<string> {
    this.changedLists.add(name);
    return this.read(name);
  }

  private has(name: ListName, id: string): boolean {
    return this.read(name).has(id);
  }

  private size(name: ListName): number {
    return this.sets[name]?.size ?? this.base[name].length;
  }

  private list(name: ListName): readonly string[] {
    const set = this.sets[name];
    return set && this.changedLists.has(name) ? [...set] : this.base[name];
  }
}

/** Applies one command to `state` (see {@link GroupDraft.decide}): the new state and its diff, or `null`. */
export function decide(state: GroupHugState, command: GroupHugCommand, now: number, rules: GroupHugRules): GroupHugStep {
  const draft = new GroupDraft(state);
  const diff = draft.decide(command, now, rules);
  return diff ? { state: draft.state, diff } : null;
}
