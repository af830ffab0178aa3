import type { ServerInfo } from '../../protocol/types/server-info.js';
import { PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '../../protocol/version.js';
import type { WireFormat } from '../../protocol/wire/wire-format.js';
import { json } from './http-responses.js';
import type { Route } from './http-types.js';

/** `GET /v1/server`: the protocol versions and wire format this server speaks ({@link ServerInfo}). */
export function serverInfoRoute(wire: WireFormat): Route {
  const info: ServerInfo = { protocolVersion: PROTOCOL_VERSION, supportedProtocolVersions: SUPPORTED_PROTOCOL_VERSIONS, wire };
  return { method: 'GET', path: '/v1/server', handler: () => Promise.resolve(json(200, info)) };
}
