// Gate: links. Guarantees that every reference in the built site works when the folder is opened
// from disk (file://) or served under any sub-path:
//   - every href/src/srcset/poster/... in every .html file, and every url()/@import in .css files
//     and <style> blocks, that is relative resolves to an existing FILE inside the site
//     (a link to a folder is an error: file:// does not serve index.html, so link to .../index.html);
//   - every #fragment names an id (or <a name>) in the target page (same page for "#x");
//   - root-absolute ("/x"), protocol-relative ("//host/x"), file:, javascript: and empty links, links
//     that leave the site folder and <base> elements are errors;
//   - external http(s):, mailto: and tel: links are allowed and listed.
// Usage: node links.mjs SITE_DIR

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { siteDirFromArgs, walk, htmlFiles, rel, htmlRefs, htmlIds, cssUrls, parseHtml } from './lib.mjs';

const site = siteDirFromArgs('links');
const pages = htmlFiles(site);
const cssFiles = walk(site).filter((f) => f.endsWith('.css'));

const errors = [];
const external = new Map(); // url -> Set(pages)
const idCache = new Map();
const idsOf = (file) => {
  if (!idCache.has(file)) idCache.set(file, htmlIds(fs.readFileSync(file, 'utf8')));
  return idCache.get(file);
};

function check(fromFile, ref) {
  const where = `${rel(site, fromFile)}:${ref.line}:${ref.col}`;
  const fail = (why) => errors.push(`${where}: ${why}\n    <${ref.tag} ${ref.attr}="${ref.url}">   in: ${ref.text}`);
  const url = ref.url;
  if (url === '') return fail('empty link');
  if (url === '#') return fail('empty fragment "#" (links to nothing; point it at an id)');
  if (url.includes('\\')) return fail('backslash in URL (use "/")');
  if (/^data:/i.test(url)) return;
  if (/^(https?:|mailto:|tel:)/i.test(url)) {
    // <a>/<area> are links a reader follows; anything else (stylesheet, script, img...) the browser fetches.
    const key = ['a', 'area'].includes(ref.tag) ? url : `${url}   [fetched by <${ref.tag}>: the portability gate fails it]`;
    if (!external.has(key)) external.set(key, new Set());
    external.get(key).add(rel(site, fromFile));
    return;
  }
  if (url.startsWith('//')) return fail('protocol-relative URL (breaks over file://)');
  if (url.startsWith('/')) return fail('root-absolute URL (breaks over file:// and under a sub-path); make it relative');
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return fail(`URL scheme "${url.split(':')[0]}:" is not allowed`);

  const resolved = new URL(url, pathToFileURL(fromFile));
  let target;
  try { target = fileURLToPath(resolved); } catch (e) { return fail(`cannot resolve: ${e.message}`); }
  if (target !== site && !target.startsWith(site + path.sep)) return fail(`leads outside the site folder (${target})`);
  if (!fs.existsSync(target)) return fail(`target does not exist: ${rel(site, target) || '.'}`);
  if (fs.statSync(target).isDirectory()) {
    return fail(`links to a folder (${rel(site, target) || '.'}/); link to ${rel(site, path.join(target, 'index.html'))} so file:// works`);
  }
  const frag = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : null;
  if (frag === '') return fail('empty fragment "#"');
  if (frag !== null && /\.(html?|svg)$/i.test(target) && !idsOf(target).has(frag)) {
    fail(`no id="${frag}" in ${rel(site, target)}`);
  }
}

let refCount = 0;
for (const page of pages) {
  const src = fs.readFileSync(page, 'utf8');
  for (const t of parseHtml(src).tags.filter((t) => t.name === 'base')) {
    errors.push(`${rel(site, page)}:${t.line}:${t.col}: <base> changes how every relative link resolves; remove it\n    in: ${t.text}`);
  }
  for (const ref of htmlRefs(src)) { refCount++; check(page, ref); }
}
for (const css of cssFiles) {
  const text = fs.readFileSync(css, 'utf8');
  for (const url of cssUrls(text)) {
    refCount++;
    const before = text.slice(0, Math.max(0, text.indexOf(url)));
    const line = before.split('\n').length, col = before.length - before.lastIndexOf('\n');
    check(css, { url, attr: 'url()', tag: 'css', line, col, text: `url(${url})` });
  }
}

if (external.size) {
  console.log(`External links (allowed, not checked): ${external.size}`);
  for (const [url, from] of [...external].sort()) console.log(`  ${url}   (from ${[...from].join(', ')})`);
}
console.log(`Checked ${refCount} references in ${pages.length} pages and ${cssFiles.length} stylesheets.`);
if (errors.length) {
  console.log(`\nFAIL: ${errors.length} broken or non-portable link(s):`);
  for (const e of errors) console.log(`  ${e}`);
  process.exit(1);
}
console.log('OK: all links resolve to files inside the site.');
