import { loadNativeUws } from '../../server/transport/native-uws.js';

const HOW_TO_ENABLE = 'run on Node 20, or on Node 24 with glibc ≥ 2.38 (Debian 13; `npm run check:runtime` proves that pair); .ci/run sets REQUIRE_UWS=1 on Node 20';

/**
 * Whether a server started by this test process can run on uWebSockets.js: the server loads the
 * binary the same way, under the same Node. Where none loads (Node 24 on glibc 2.36), the
 * `TRANSPORT=uws` shapes are left out with a printed reason, unless `REQUIRE_UWS=1` (CI on Node 20),
 * where that is a failure.
 */
export function uwsLoads(): boolean {
  const native = loadNativeUws();
  if (native.ok) return true;
  if (process.env['REQUIRE_UWS'] === '1') throw new Error(`REQUIRE_UWS=1, but uWebSockets.js does not load: ${native.reason}`);
  return false;
}

/** Why the uws shapes are left out, or `null` when uWebSockets.js loads. */
export function uwsUnavailableReason(): string | null {
  const native = loadNativeUws();
  return native.ok ? null : native.reason;
}

let warned = false;

/**
 * `shapes` without those on `TRANSPORT=uws` where uWebSockets.js does not load under this Node,
 * printing once why and how to run them.
 */
export function withAvailableTransports<T extends { readonly transport: 'uws' | 'node' } | 'uws' | 'node'>(shapes: readonly T[]): T[] {
  if (uwsLoads()) return [...shapes];
  if (!warned) {
    warned = true;
    console.warn(`[skipped] the TRANSPORT=uws shapes: uWebSockets.js does not load (${uwsUnavailableReason() ?? ''}); ${HOW_TO_ENABLE}`);
  }
  return shapes.filter((s) => (typeof s === 'string' ? s : s.transport) !== 'uws');
}

/** The transport `TRANSPORT=auto` picks here: uws where its binary loads, node otherwise. */
export function defaultTransport(): 'uws' | 'node' {
  return uwsLoads() ? 'uws' : 'node';
}
