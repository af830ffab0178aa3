import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult, type Metafile } from 'esbuild';

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

/**
 * Gives every emitted declaration a CommonJS twin (`.d.cts`, its relative imports pointing at the
 * twins), so that TypeScript types a `require('@hugmood/client')` as CommonJS: the package is
 * `type: module`, where a `.d.ts` describes an ES module.
 */
export function writeCommonJsDeclarations(dir: string): number {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) written += writeCommonJsDeclarations(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8').replace(/((?:from|import\()\s*['"]\.{1,2}\/[^'"]*?)\.js(['"])/g, '$1.cjs$2');
      writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), text);
      written += 1;
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSdk({ write: true });
  execFileSync(process.execPath, [join(here, '../node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' });
  writeCommonJsDeclarations(join(here, 'dist/types'));
  process.stdout.write('built client-sdk/dist\n');
}
