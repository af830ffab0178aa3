import { z } from 'zod';
import { MAX_PAGE } from '../limits.js';

/** `inbox:sync`: every inbox entry after `after` (0 for all), oldest first, one page at a time. */
export const inboxSyncSchema = z.object({
  after: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PAGE).default(100),
});

export type { HugRequestAnswer, InboxEntry, InboxEntryType, InboxPage, ReadReceipt } from '../types/inbox.js';
