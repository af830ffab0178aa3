import { z } from 'zod';
import { HUG_KIND_IDS } from '../hug-kinds.js';
import { userIdSchema } from '../ids.js';
import { MAX_ACK_BATCH, MAX_CLIENT_ID, MAX_HUG_MESSAGE, MAX_PAGE } from '../limits.js';
import { activityIdSchema } from './feed.js';
import { paragraphOfText } from './text.js';

/** A hug id or hug-request id: server-made, deterministic, URL-safe. */
export const hugIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a hug id');

/** A client-made idempotency key: the same key from the same sender means the same hug. */
export const clientIdSchema = z
  .string()
  .min(8)
  .max(MAX_CLIENT_ID)
  .regex(/^[A-Za-z0-9_.:-]+$/, `must be 8-${MAX_CLIENT_ID} characters of letters, digits and _ . : -`);

const hugKindSchema = z.enum(HUG_KIND_IDS, { error: `must be one of ${HUG_KIND_IDS.join(', ')}` });

const hugMessageSchema = paragraphOfText(MAX_HUG_MESSAGE);

/** `hug:send`: send one hug. Retrying with the same `clientId` never sends it twice. */
export const hugSendSchema = z.object({
  to: userIdSchema,
  kind: hugKindSchema,
  message: hugMessageSchema.optional(),
  clientId: clientIdSchema,
  /** The recipient's feed item this hug answers ("a hug for your mood"). */
  context: z.strictObject({ activityId: activityIdSchema }).optional(),
});

/** `hug:ack`: the recipient's device confirms it received these hugs (the sender learns `delivered`). */
export const hugAckSchema = z.object({ hugIds: z.array(hugIdSchema).min(1).max(MAX_ACK_BATCH) });

/** `hug:read`: the recipient marks a hug read (the sender gets a read receipt). */
export const hugReadSchema = z.object({ hugId: hugIdSchema });

/** `hug:request`: ask someone for a hug. */
export const hugRequestSchema = z.object({
  to: userIdSchema,
  message: hugMessageSchema.optional(),
  clientId: clientIdSchema,
});

/** `hug:request:answer`: accept (a hug goes back, of `kind`, default `warm`) or decline a request made to you. */
export const hugRequestAnswerSchema = z.object({
  requestId: hugIdSchema,
  accept: z.boolean(),
  kind: hugKindSchema.optional(),
  message: hugMessageSchema.optional(),
});

/** `hug:history`: the caller's hugs, newest first, one page at a time. */
export const hugHistorySchema = z.object({
  direction: z.enum(['sent', 'received']),
  /** Continue after this page token (the `next` of the previous page). */
  before: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
});

/** `hug:unread`: the hugs you received and have not read, newest first. */
export const hugUnreadSchema = z.object({
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
});

export type {
  Hug,
  HugAckResult,
  HugAnimation,
  HugHistoryPage,
  HugReadResult,
  HugRequest,
  HugRequestAnswerResult,
  HugRequestResult,
  HugRequestStatus,
  HugSendResult,
  HugUnreadPage,
  PendingHugRequests,
} from '../types/hugs.js';
