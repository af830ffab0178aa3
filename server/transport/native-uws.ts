import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Uws from 'uWebSockets.js';

/** The uWebSockets.js module's API. */
export type UwsModule = typeof Uws;

/** The outcome of looking for the native binary. */
export type NativeUwsResult =
  | { readonly ok: true; readonly module: UwsModule; readonly binary: string; readonly packageName: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The packages that carry uWebSockets.js binaries, in order of preference. uWebSockets.js is not
 * on the npm registry under its own name:
 * - `uWebSockets.js` is our alias of `@trufflesuite/uws-js-unofficial` 20.30: Node ABIs up to 115 (Node 20), glibc ≥ 2.17;
 * - `@btc-vision/uwebsockets.js` 20.57 (optional): ABIs 115, 127, 137 and 141 (Node 20 to 25), built against glibc 2.38.
 */
export const UWS_PACKAGES = ['uWebSockets.js', '@btc-vision/uwebsockets.js'] as const;

let cached: NativeUwsResult | undefined;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

function resolves(require: NodeJS.Require, id: string): string | null {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}

/**
 * The binary `file` in package `name`: beside its entry point, or at its root or in `binaries/`
 * (the root found from `package.json` where the package's `exports` allow it). A reason if none.
 */
function findBinary(require: NodeJS.Require, name: string, file: string): { path: string } | { reason: string } {
  const entry = resolves(require, name);
  if (entry === null) return { reason: 'not installed' };
  const manifest = resolves(require, `${name}/package.json`);
  const folders = [dirname(entry), ...(manifest === null ? [] : [dirname(manifest), join(dirname(manifest), 'binaries')])];
  for (const folder of folders) if (existsSync(join(folder, file))) return { path: join(folder, file) };
  return { reason: `no ${file}` };
}

/**
 * Loads a uWebSockets.js native binary for this platform and Node ABI directly, from the first of
 * {@link UWS_PACKAGES} that has one that loads (a binary built for a newer glibc fails to load).
 * The packages' own entry points silently swap in a slow JavaScript imitation when the binary is
 * missing; loading the binary ourselves tells the two apart, and we fall back to Node's http + ws
 * instead. The reason names what each package lacked.
 */
export function loadNativeUws(): NativeUwsResult {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  const reasons: string[] = [];
  for (const name of UWS_PACKAGES) {
    const found = findBinary(require, name, file);
    if ('reason' in found) {
      reasons.push(`${name}: ${found.reason}`);
      continue;
    }
    try {
      cached = { ok: true, module: require(found.path) as UwsModule, binary: found.path, packageName: name };
      return cached;
    } catch (error) {
      reasons.push(`${name}: ${firstLine(error)}`);
    }
  }
  cached = { ok: false, reason: `Node ${process.version} (ABI ${process.versions.modules}) — ${reasons.join('; ')}` };
  return cached;
}
