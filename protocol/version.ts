/**
 * The wire protocol version spoken by this build. A client sends it in the handshake as `auth.v`;
 * a server that does not support it refuses the connection with `invalid_payload` (details.field = "v").
 */
export const PROTOCOL_VERSION = 1;

/** Every protocol version this server accepts at the handshake. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];

/** True when `v` is a protocol version this build can serve. */
export function isSupportedProtocolVersion(v: unknown): v is number {
  return typeof v === 'number' && SUPPORTED_PROTOCOL_VERSIONS.includes(v);
}
