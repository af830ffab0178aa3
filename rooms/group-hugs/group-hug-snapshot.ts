import { z } from 'zod';
import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { GROUP_HUG_PHASES } from '../../protocol/schemas/group-hugs.js';

const epoch = z.number().int().nonnegative();
const ids = z.array(z.string().min(1).max(200));

const scalarShape = {
  id: z.string().min(1).max(64),
  title: z.string(),
  creatorId: z.string().min(1),
  phase: z.enum(GROUP_HUG_PHASES),
  version: z.number().int().positive(),
  createdAt: epoch,
  scheduledAt: epoch.nullable(),
  startsAt: epoch.nullable(),
  durationMs: z.number().int().positive(),
  endedAt: epoch.nullable(),
  cancelReason: z.enum(['creator', 'empty']).nullable(),
  emptySince: epoch.nullable(),
  peakWarmth: z.number().min(0).max(1),
};

const snapshotSchema = z.object({ ...scalarShape, participants: ids, invited: ids, declined: ids }) satisfies z.ZodType<GroupHugState>;

/** The three lists of a group hug; everything else is a scalar. */
const LISTS = ['participants', 'invited', 'declined'] as const;
type ListName = (typeof LISTS)[number];
type Scalars = Omit<GroupHugState, ListName>;

/** How one list changed: ids removed, then ids appended in order; or, when reordered, the whole list. */
const listChangeSchema = z.union([z.object({ remove: ids, add: ids }), z.object({ replace: ids })]);
type ListChange = z.infer<typeof listChangeSchema>;

const deltaSchema = z.object({
  /** The version the change applies to: a change is only ever applied to the state it was made from. */
  from: z.number().int().positive(),
  set: z.object(scalarShape).partial(),
  lists: z.object({ participants: listChangeSchema, invited: listChangeSchema, declined: listChangeSchema }).partial(),
});

/** One saved change of a group hug: the scalars that changed and the ids that came and went. */
export type SnapshotDelta = z.infer<typeof deltaSchema>;

/** A snapshot as stored outside the process (Redis): JSON of the whole state. */
export function encodeSnapshot(state: GroupHugState): string {
  return JSON.stringify(state);
}

/** Reads a stored snapshot back, checking its shape: a corrupt one is an error, never restored. */
export function decodeSnapshot(text: string, groupId: string): GroupHugState {
  const parsed = snapshotSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`group hug ${groupId}: corrupt snapshot (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/**
 * The ids `before` lost, then the ids appended to make `after`, found by walking both lists once
 * and comparing ids (no sets: a join to a group of N costs N comparisons). An id that moved is
 * removed and appended again; applying the change gives `after` exactly, since the kept ids lead
 * `after` in their order and ids are unique in a list.
 */
function listChange(before: readonly string[], after: readonly string[]): ListChange | null {
  if (before === after) return null;
  const remove: string[] = [];
  let kept = 0;
  for (const id of before) {
    if (kept < after.length && after[kept] === id) kept += 1;
    else remove.push(id);
  }
  const add = after.slice(kept);
  return remove.length === 0 && add.length === 0 ? null : { remove, add };
}

/**
 * The change that takes `before` to `after`, exactly: applying it to `before` gives `after`. Its
 * size follows what changed (a join is one id), not the group's size.
 */
export function deltaBetween(before: GroupHugState, after: GroupHugState): SnapshotDelta {
  const set: Partial<Scalars> = {};
  for (const key of Object.keys(scalarShape) as (keyof Scalars)[]) {
    if (before[key] !== after[key]) Object.assign(set, { [key]: after[key] });
  }
  const lists: Partial<Record<ListName, ListChange>> = {};
  for (const name of LISTS) {
    const change = listChange(before[name], after[name]);
    if (change) lists[name] = change;
  }
  return { from: before.version, set, lists };
}

/** Applies a change made by {@link deltaBetween}; throws when it was made from another version. */
export function applyDelta(state: GroupHugState, delta: SnapshotDelta, groupId: string): GroupHugState {
  if (delta.from !== state.version) throw new Error(`group hug ${groupId}: a saved change from version ${delta.from} does not follow version ${state.version}`);
  const { lists } = delta;
  return {
    ...state,
    ...delta.set,
    participants: applyListChange(state.participants, lists.participants),
    invited: applyListChange(state.invited, lists.invited),
    declined: applyListChange(state.declined, lists.declined),
  };
}

function applyListChange(list: readonly string[], change: ListChange | undefined): readonly string[] {
  if (!change) return list;
  if ('replace' in change) return change.replace;
  const gone = new Set(change.remove);
  return [...list.filter((id) => !gone.has(id)), ...change.add];
}

/** A change as stored (JSON). */
export function encodeDelta(delta: SnapshotDelta): string {
  return JSON.stringify(delta);
}

/** Restores a state from its last snapshot and the changes saved after it, in order, checking each. */
export function restoreSnapshot(snapshot: string, deltas: readonly string[], groupId: string): GroupHugState {
  let state = decodeSnapshot(snapshot, groupId);
  for (const text of deltas) {
    const parsed = deltaSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`group hug ${groupId}: corrupt saved change (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    state = applyDelta(state, parsed.data, groupId);
  }
  return state;
}
