import type { GroupHugState } from './group-hug.js';

/** The three member lists of a group hug. */
export type ListName = 'participants' | 'invited' | 'declined';
export const LIST_NAMES: readonly ListName[] = ['participants', 'invited', 'declined'];

/**
 * How a draft changed one list: ids dropped from where they were, then ids appended in order. An
 * id in both moved to the end (it left and came back).
 */
export interface ListEdit {
  readonly removed: ReadonlySet<string>;
  readonly added: ReadonlySet<string>;
}

/** The edits of one draft, by list (a list it did not change is absent). */
export type ListEdits = Partial<Record<ListName, ListEdit>>;

/**
 * Membership sets of one group hug's three lists, for the state they were built from or last moved
 * to. Building one reads the whole group; moving one along a draft's edits costs what changed. An
 * actor keeps one for the state its next batch starts from, so a batch of K joins to a group of N
 * costs O(K) in set operations instead of rebuilding sets of N members every batch.
 */
export class ListIndex {
  private constructor(
    private lists: Record<ListName, readonly string[]>,
    private readonly sets: Record<ListName, Set<string>>,
  ) {}

  /** Reads the lists of `state`. */
  static of(state: GroupHugState): ListIndex {
    return new ListIndex(
      { participants: state.participants, invited: state.invited, declined: state.declined },
      { participants: new Set(state.participants), invited: new Set(state.invited), declined: new Set(state.declined) },
    );
  }

  /** Whether this index is of `state`'s lists (the very arrays: a state made elsewhere is not trusted). */
  describes(state: GroupHugState): boolean {
    return this.lists.participants === state.participants && this.lists.invited === state.invited && this.lists.declined === state.declined;
  }

  has(name: ListName, id: string): boolean {
    return this.sets[name].has(id);
  }

  size(name: ListName): number {
    return this.sets[name].size;
  }

  /** Follows `to`, which `edits` made from `from` (the state this index is of). */
  moveTo(from: GroupHugState, to: GroupHugState, edits: ListEdits): void {
    if (!this.describes(from)) throw new Error(`group hug ${to.id}: the list index is not of the state these edits were made from`);
    for (const name of LIST_NAMES) {
      const edit = edits[name];
      if (!edit) continue;
      const set = this.sets[name];
      for (const id of edit.removed) set.delete(id);
      for (const id of edit.added) set.add(id);
    }
    this.lists = { participants: to.participants, invited: to.invited, declined: to.declined };
  }
}
