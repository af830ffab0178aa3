import type { LogPort } from '../../rooms/log-port.js';
import { loadNativeUws } from './native-uws.js';
import { NodeTransport } from './node-transport.js';
import type { Transport, TransportOptions } from './transport.js';
import { UwsTransport } from './uws-transport.js';

/**
 * The transport for `TRANSPORT`: `node`; `uws`, which fails when the native binary does not load;
 * or `auto`, uWS when its native binary loads and node otherwise. The choice is logged.
 */
export function selectTransport(choice: 'auto' | 'uws' | 'node', options: TransportOptions, log: LogPort): Transport {
  if (choice === 'node') {
    log.info({ transport: 'node', choice }, 'transport: Node http + ws');
    return new NodeTransport(options);
  }
  const native = loadNativeUws();
  if (native.ok) {
    log.info({ transport: 'uws', choice, binary: native.binary, package: native.packageName }, `transport: uWebSockets.js (native binary from ${native.packageName})`);
    return new UwsTransport(native.module, options);
  }
  if (choice === 'uws') throw new Error(`TRANSPORT=uws, but the uWebSockets.js native binary did not load: ${native.reason}`);
  log.warn({ transport: 'node', choice, reason: native.reason }, 'transport: uWebSockets.js native binary unavailable; falling back to Node http + ws');
  return new NodeTransport(options);
}
