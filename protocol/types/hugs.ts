import type { HugKindId } from '../hug-kinds.js';

/*
 * Hugs as client and server exchange them: plain types, no zod, so the SDK's published types
 * need nothing else. The zod schemas of the commands live in ../schemas/hugs.ts.
 */

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
  /** Set when the hug answers one of the recipient's feed items ("a hug for your mood"). */
  readonly context: HugContext | null;
  readonly deliveredAt: number | null;
  readonly readAt: number | null;
}

/** The recipient's activity a hug answers: its feed item's id, and what it was. */
export interface HugContext {
  readonly activityId: string;
  readonly type: 'mood' | 'streak-milestone' | 'friendship';
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

/** `hug:unread` result: the hugs you received and have not read, newest first. */
export interface HugUnreadPage {
  readonly hugs: readonly Hug[];
  /** Whether more unread hugs than `limit` are waiting. */
  readonly more: boolean;
}

/** `hug:request:pending` result: the requests made to you still waiting for your answer, newest first (at most 100). */
export interface PendingHugRequests {
  readonly requests: readonly HugRequest[];
}

/** `hug:history` result, newest first. */
export interface HugHistoryPage {
  readonly hugs: readonly Hug[];
  /** Pass as `before` for the next (older) page; `null` at the end. */
  readonly next: string | null;
}
