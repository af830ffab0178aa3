import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult, type Metafile } from 'esbuild';
import { writeCommonJsDeclarations } from '../scripts/commonjs-declarations.js';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, 'src/index.ts');

/** The SDK's runtime dependencies: kept external in the library build. */
export const SDK_DEPENDENCIES = ['socket.io-client', 'socket.io-parser', 'msgpackr', '@socket.io/component-emitter'];

/** What {@link buildSdk} produced. */
export interface SdkBuild {
  readonly library: BuildResult & { metafile: Metafile };
  readonly commonjs: BuildResult & { metafile: Metafile };
  readonly browser: BuildResult & { metafile: Metafile };
}

/**
 * Builds the SDK: `dist/index.js`, the ESM library (protocol/ inlined, dependencies external),
 * `dist/index.cjs`, the same for `require()`, and `dist/hugmood-client.browser.js`, one
 * self-contained ESM bundle for browsers. Node built-ins are
 * marked external only so that any import of one shows up in the metafile instead of failing
 * the build; the bundle test asserts there are none.
 */
export async function buildSdk(options: { write: boolean }): Promise<SdkBuild> {
  const common = {
    entryPoints: [entry],
    bundle: true,
    format: 'esm' as const,
    target: 'es2020',
    sourcemap: options.write,
    metafile: true as const,
    write: options.write,
    logLevel: 'silent' as const,
  };
  const library = await build({
    ...common,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: [...SDK_DEPENDENCIES, 'node:*'],
    outfile: join(here, 'dist/index.js'),
  });
  const commonjs = await build({
    ...common,
    format: 'cjs',
    platform: 'node',
    external: [...SDK_DEPENDENCIES, 'node:*'],
    outfile: join(here, 'dist/index.cjs'),
  });
  const browser = await build({
    ...common,
    platform: 'browser',
    minify: true,
    external: ['node:*'],
    outfile: join(here, 'dist/hugmood-client.browser.js'),
  });
  return { library, commonjs, browser };
}



if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // From nothing: no file of an older build (a renamed module's declarations) ships in the package.
  rmSync(join(here, 'dist'), { recursive: true, force: true });
  await buildSdk({ write: true });
  execFileSync(process.execPath, [join(here, '../node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeCommonJsDeclarations(join(here, 'dist/types'));
  process.stdout.write('built client-sdk/dist\n');
}
