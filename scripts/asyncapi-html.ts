import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installOwnPackage } from './own-package.js';

/*
 * `npm run asyncapi:html`: renders docs/asyncapi.yaml to docs/asyncapi/ (index.html, css/, js/)
 * with @asyncapi/generator 3.4.1 and @asyncapi/html-template 3.5.6. They live in
 * docs/tools/asyncapi-html, a package of its own (about 400 MB; its puppeteer is only for PDFs, so
 * its browser download is skipped), and the generator needs Node >= 24.11: Node 24 comes from the
 * npm registry (scripts/install-node.sh). About a minute.
 *
 * The template pre-renders every operation with every schema expanded: 29 MB of HTML for our 77
 * operations, which its script then replaces anyway (it renders, it does not hydrate). So the
 * pre-rendered markup is dropped: index.html is the page's shell, and the page renders from js/app.js.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = join(ROOT, 'docs/tools/asyncapi-html');
const OUT = join(ROOT, 'docs/asyncapi');

installOwnPackage(TOOL, '@asyncapi/html-template/package.json', '@asyncapi/generator and @asyncapi/html-template (about 400 MB)', { PUPPETEER_SKIP_DOWNLOAD: '1' });
const node24 = execFileSync('bash', [join(ROOT, 'scripts/install-node.sh'), '24'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
// The generator resolves npm as a global module: the machine's own npm.
const globalModules = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
const work = mkdtempSync(join(tmpdir(), 'hugmood-asyncapi-html-'));
try {
  execFileSync(join(node24, 'bin/node'), [join(TOOL, 'render.cjs'), join(ROOT, 'docs/asyncapi.yaml'), work], {
    cwd: TOOL,
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: globalModules, PATH: `${node24}/bin:${process.env['PATH'] ?? ''}` },
  });
  const page = readFileSync(join(work, 'index.html'), 'utf8');
  const root = /<div id="root">[\s\S]*<\/div>(\s*<script src="js\/asyncapi-ui\.min\.js")/.exec(page);
  if (!root?.[1]) throw new Error('the rendered page has no <div id="root"> before its scripts: the template changed, look at it before committing');
  const shell = page.replace(root[0], `<div id="root"><noscript>This page renders the AsyncAPI document with JavaScript; the document itself is docs/asyncapi.yaml.</noscript></div>${root[1]}`);
  rmSync(OUT, { recursive: true, force: true });
  cpSync(work, OUT, { recursive: true });
  writeFileSync(join(OUT, 'index.html'), shell);
  chmodSync(OUT, 0o755);
  for (const file of ['index.html', 'js/app.js', 'js/asyncapi-ui.min.js', 'css/asyncapi.min.css']) console.log(`docs/asyncapi/${file}: ${(statSync(join(OUT, file)).size / 1024).toFixed(0)} KB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
