import { z } from 'zod';
import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { GROUP_HUG_PHASES } from '../../protocol/schemas/group-hugs.js';

const epoch = z.number().int().nonnegative();
const ids = z.array(z.string().min(1).max(200));

const snapshotSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string(),
  creatorId: z.string().min(1),
  phase: z.enum(GROUP_HUG_PHASES),
  version: z.number().int().positive(),
  participants: ids,
  invited: ids,
  declined: ids,
  createdAt: epoch,
  scheduledAt: epoch.nullable(),
  startsAt: epoch.nullable(),
  durationMs: z.number().int().positive(),
  endedAt: epoch.nullable(),
  cancelReason: z.enum(['creator', 'empty']).nullable(),
  emptySince: epoch.nullable(),
  peakWarmth: z.number().min(0).max(1),
}) satisfies z.ZodType<GroupHugState>;

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
