import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeCommonJsDeclarations } from '../scripts/commonjs-declarations.js';

const here = dirname(fileURLToPath(import.meta.url));

/** What the bindings leave to the app: React itself, and the client SDK. */
export const REACT_SDK_PEERS = ['react', 'react/jsx-runtime', 'react-dom', '@hugmood/client'];

/**
 * Builds `dist/index.js` (ESM) and `dist/index.cjs` (CommonJS), with React and `@hugmood/client`
 * external, and the declarations (`.d.ts`, and `.d.cts` twins for `require`). The declarations
 * resolve `@hugmood/client` through its built package: build `client-sdk` first.
 */
export async function buildReactSdk(options: { write: boolean }) {
  const common = {
    entryPoints: [join(here, 'src/index.ts')],
    bundle: true,
    target: 'es2020',
    jsx: 'automatic' as const,
    external: REACT_SDK_PEERS,
    sourcemap: options.write,
    metafile: true as const,
    write: options.write,
    logLevel: 'silent' as const,
  };
  const esm = await build({ ...common, format: 'esm', platform: 'neutral', outfile: join(here, 'dist/index.js') });
  const cjs = await build({ ...common, format: 'cjs', platform: 'node', outfile: join(here, 'dist/index.cjs') });
  return { esm, cjs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // From nothing: no file of an older build (a renamed module's declarations) ships in the package.
  rmSync(join(here, 'dist'), { recursive: true, force: true });
  await buildReactSdk({ write: true });
  execFileSync(process.execPath, [join(here, '../node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeCommonJsDeclarations(join(here, 'dist/types'));
  process.stdout.write('built client-react/dist\n');
}
