import { z } from 'zod';
import { assertSameShape } from './schemas/same-shape.js';
import type { DeviceKind } from './types/presence.js';

/**
 * A user id. Ours are UUIDs; ids from an external identity provider (JWKS) may also carry
 * `| : . @`, so the schema accepts that alphabet, bounded.
 */
export const userIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:|@-]+$/, 'must be an id of letters, digits and _ . : | @ -');

/** A stable id the SDK generates per device, so a reconnect replaces its own presence entry. */
export const deviceIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be 8-64 characters of letters, digits, _ and -');

/** What kind of device holds a connection; shown to watchers as part of presence. */
export const deviceKindSchema = z.enum(['web', 'ios', 'android', 'desktop', 'server', 'unknown']);

export type { DeviceKind } from './types/presence.js';
assertSameShape<z.infer<typeof deviceKindSchema>, DeviceKind>(true);

/** Milliseconds since the Unix epoch, in server time. */
export type EpochMs = number;


export { DELETED_USER_ID } from './types/profile.js';
