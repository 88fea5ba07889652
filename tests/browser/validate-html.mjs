// Gate: HTML validity. Guarantees that every .html file of the built site passes the W3C Nu HTML
// Checker (vnu.jar from the npm package vnu-jar, run on the machine's Java 17+) with zero errors.
// Warnings and info messages are not counted (--errors-only). Inline <svg> is checked as part of
// the page. Errors are printed as file:line:col message, with vnu's extract of the source.
// Usage: node validate-html.mjs SITE_DIR

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { siteDirFromArgs, htmlFiles, rel } from './lib.mjs';

const site = siteDirFromArgs('validate-html');
const pages = htmlFiles(site);
const jar = fileURLToPath(new URL('./node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));
const java = process.env.JAVA || 'java';

const run = spawnSync(java, ['-Xss1m', '-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', '--stdout', site], {
  encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
});
if (run.error) {
  console.error(`FAIL: could not run ${java} -jar ${jar}: ${run.error.message} (apt-get install default-jre-headless; npm ci)`);
  process.exit(1);
}
let messages;
try {
  messages = JSON.parse(run.stdout).messages;
} catch {
  console.error(`FAIL: vnu did not answer with JSON (exit ${run.status}).\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const errors = messages.filter((m) => m.type !== 'info' && !(m.type === 'error' && m.subType === 'warning'));
for (const m of errors) {
  const file = m.url ? rel(site, fileURLToPath(m.url)) : '(no file)';
  const line = m.firstLine ?? m.lastLine ?? 0; // vnu omits firstLine when it equals lastLine
  const col = m.firstColumn ?? m.lastColumn ?? 0;
  console.log(`${file}:${line}:${col}: ${m.type === 'error' ? '' : `[${m.type}] `}${m.message}`);
  if (m.extract) {
    const caret = ' '.repeat(m.hiliteStart ?? 0) + '^'.repeat(Math.max(1, m.hiliteLength ?? 1));
    console.log(`    ${m.extract.replace(/\n/g, '↵')}\n    ${caret}`);
  }
}
console.log(`Checked ${pages.length} HTML files with the Nu HTML Checker (${path.basename(jar)}).`);
if (errors.length || run.status !== 0) {
  console.log(`FAIL: ${errors.length} error(s)${errors.length ? '' : `, but vnu exited ${run.status}: ${run.stderr.trim()}`}`);
  process.exit(1);
}
console.log('OK: no HTML errors.');
