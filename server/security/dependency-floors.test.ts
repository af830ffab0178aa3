import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The first versions that fixed known crash inputs; every installed copy must be at or above. */
const FLOORS: Record<string, string> = {
  'socket.io-parser': '4.2.6',
  'engine.io': '6.4.2',
  ws: '8.21.0',
  msgpackr: '1.10.1',
};

const ROOT = join(import.meta.dirname, '../..');

function compare(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i += 1) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Every installed copy of `name`, nested ones included. */
function installedCopies(name: string, dir = join(ROOT, 'node_modules'), found: { path: string; version: string }[] = []) {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      installedCopies(name, path, found);
      continue;
    }
    if (!statSync(path).isDirectory()) continue;
    const manifest = join(path, 'package.json');
    try {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) found.push({ path, version: pkg.version });
    } catch {
      // not a package folder
    }
    installedCopies(name, join(path, 'node_modules'), found);
  }
  return found;
}

describe('dependency floors', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`every installed ${name} is at least ${floor}`, () => {
      const copies = installedCopies(name);
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) expect(compare(copy.version, floor), `${copy.path}@${copy.version}`).toBeGreaterThanOrEqual(0);
    });
  }
});
