import { z } from 'zod';
import { userIdSchema } from '../ids.js';

/** The target of every friend command. */
export const friendTargetSchema = z.object({ userId: userIdSchema });

/** `friends:list` takes no arguments. */
export const emptyPayloadSchema = z.object({});

export type { FriendCommandResult, FriendEntry, FriendsList, FriendshipState } from '../types/friends.js';
