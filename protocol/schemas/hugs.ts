import { z } from 'zod';
import { HUG_KIND_IDS, type HugKindId } from '../hug-kinds.js';
import { userIdSchema } from '../ids.js';
import { MAX_ACK_BATCH, MAX_CLIENT_ID, MAX_HUG_MESSAGE, MAX_PAGE } from '../limits.js';
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

/** The animation a client plays for a hug: the kind's duration and intensity curve. */
export interface HugAnimation {
  readonly durationMs: number;
  readonly curve: readonly (readonly [t: number, intensity: number])[];
}

/** One hug, as its sender and recipient see it. */
export interface Hug {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: HugKindId;
  readonly animation: HugAnimation;
  readonly message: string | null;
  /** When the server accepted it (server time, epoch ms). */
  readonly sentAt: number;
  /** Set when the hug answers a hug request. */
  readonly requestId: string | null;
  readonly deliveredAt: number | null;
  readonly readAt: number | null;
}

/**
 * `hug:send` result.
 *
 * `delivered` means "pushed to an online device": a device of the recipient was connected when
 * the hug was sent, so it was pushed live. It is not a receipt: a device that had stopped reading
 * may never get the push (the server then cuts it, and its inbox sync brings the hug after it
 * reconnects). That a device actually received the hug arrives later, as `hug:delivered`. A
 * replay answers with the first result; after a server restart, with whether a device of the
 * recipient has acknowledged the hug.
 */
export interface HugSendResult {
  readonly hugId: string;
  /** Pushed to an online device of the recipient; not a receipt (wait for `hug:delivered`). */
  readonly delivered: boolean;
}

/** `hug:ack` result: the hugs whose delivery was recorded (unknown or foreign ids are left out). */
export interface HugAckResult {
  readonly acknowledged: readonly string[];
}

/** `hug:read` result. */
export interface HugReadResult {
  readonly hugId: string;
  readonly readAt: number;
}

/** Where a hug request stands. A pending request past its `expiresAt` reads as `expired`. */
export type HugRequestStatus = 'pending' | 'accepted' | 'declined' | 'expired';

/** A request for a hug. */
export interface HugRequest {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly message: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly status: HugRequestStatus;
  /** The hug sent back when accepted. */
  readonly hugId: string | null;
}

/** `hug:request` result. */
export interface HugRequestResult {
  readonly requestId: string;
  readonly expiresAt: number;
}

/** `hug:request:answer` result. */
export interface HugRequestAnswerResult {
  readonly requestId: string;
  readonly status: 'accepted' | 'declined';
  readonly hugId: string | null;
}

/** `hug:history` result, newest first. */
export interface HugHistoryPage {
  readonly hugs: readonly Hug[];
  /** Pass as `before` for the next (older) page; `null` at the end. */
  readonly next: string | null;
}
