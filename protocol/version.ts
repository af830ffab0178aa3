/**
 * The wire protocol version spoken by this build. A client sends it in the handshake as `auth.v`;
 * a server that does not support it refuses the connection with `invalid_payload` (details.field = "v").
 */
export const PROTOCOL_VERSION = 4;

/*
 * History: 1, the first. 2: `group:join`, `group:leave` and `group:decline` are acknowledged with
 * a `GroupMembership` (version and your own entry) instead of the whole group hug, whose lists
 * made joining a large group O(N²) in bytes; and a group hug's view carries `participantCount`,
 * which its diffs keep current, naming who joined, left or declined only up to
 * `GROUP_LISTED_PARTICIPANTS` participants. No version-1 client was released, so 2 replaces it.
 * 3: moods (`mood:*` commands and events, the mood catalogue). A version-2 client is still served:
 * it sends no mood commands, and a mood added after version 3 is shown to older clients as its
 * fallback (`moodSeenBy`).
 * 4: notifications (`notification:*`, `device:*` commands, `notification:new` and
 * `notification:read-state`) and the inbox entry `notification`, which `inbox:sync` leaves out for
 * older clients (they would not know it). Version 4 also gained the reads `hug:unread`,
 * `hug:request:pending` and `group:open`: additions only (a client that never sends them is served
 * as before; a server without them answers `invalid_payload`, reason `unknown_event`).
 */

/** Every protocol version this server accepts at the handshake. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [2, 3, 4];

/** The first protocol version whose clients know notifications (the `notification` inbox entry). */
export const NOTIFICATIONS_SINCE_VERSION = 4;

/** True when `v` is a protocol version this build can serve. */
export function isSupportedProtocolVersion(v: unknown): v is number {
  return typeof v === 'number' && SUPPORTED_PROTOCOL_VERSIONS.includes(v);
}
