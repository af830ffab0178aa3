import { describe, expect, it } from 'vitest';
import { buildSdk, SDK_DEPENDENCIES } from '../build.js';

describe('SDK bundle', () => {
  it('builds an ESM bundle for browsers that imports nothing from node:', async () => {
    const { browser, library } = await buildSdk({ write: false });
    for (const result of [browser, library]) {
      expect(result.errors).toEqual([]);
      for (const output of Object.values(result.metafile.outputs)) {
        const nodeImports = output.imports.filter((i) => i.path.startsWith('node:'));
        expect(nodeImports).toEqual([]);
      }
    }
    const browserOutput = Object.values(browser.metafile.outputs)[0];
    // Self-contained: a browser can load it with one <script type="module">.
    expect(browserOutput?.imports).toEqual([]);
    const text = browser.outputFiles?.[0]?.text ?? '';
    expect(text).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|net|http|crypto|os|path)["']\)/);
    // The library keeps only its declared dependencies external.
    const externals = new Set(Object.values(library.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path)));
    for (const path of externals) expect(SDK_DEPENDENCIES).toContain(path);
  });

  it('keeps the server-only parts of protocol/ out of the bundle', async () => {
    const { browser } = await buildSdk({ write: false });
    const inputs = Object.keys(browser.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/zod/'))).toBe(false);
    expect(inputs.some((i) => i.startsWith('server/') || i.startsWith('rooms/') || i.startsWith('persistence/'))).toBe(false);
    expect(inputs.some((i) => i.includes('msgpackr'))).toBe(true);
  });
});
