import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
