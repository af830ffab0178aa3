import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Uws from 'uWebSockets.js';

/** The uWebSockets.js module's API. */
export type UwsModule = typeof Uws;

/** The outcome of looking for the native binary. */
export type NativeUwsResult =
  | { readonly ok: true; readonly module: UwsModule; readonly binary: string }
  | { readonly ok: false; readonly reason: string };

let cached: NativeUwsResult | undefined;

/**
 * Loads uWebSockets.js's native binary for this platform and Node ABI directly. The package's own
 * entry point silently swaps in a slow JavaScript imitation when the binary is missing; loading
 * the binary ourselves tells the two apart, and we fall back to Node's http + ws instead.
 */
export function loadNativeUws(): NativeUwsResult {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  try {
    const binary = join(dirname(require.resolve('uWebSockets.js/package.json')), 'binaries', file);
    cached = { ok: true, module: require(binary) as UwsModule, binary };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    cached = { ok: false, reason: `${file}: ${reason}` };
  }
  return cached;
}
