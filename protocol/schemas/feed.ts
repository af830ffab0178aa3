import { z } from 'zod';

/** Longest feed page. */
export const MAX_FEED_PAGE = 50;

/** A feed item's activity id (server-made): what a hug answering the item names. */
export const activityIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an activity id');

/** `feed:get`: your friends' activity, newest first, a page at a time; your connection then hears `feed:new`. */
export const feedGetSchema = z.object({
  before: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(MAX_FEED_PAGE).default(20),
});
