// Shared helpers for the browser/validator gates: argument handling, file walking,
// a small HTML/CSS link extractor, and launching Debian's Chromium through playwright-core
// (never a downloaded browser). No gate logic lives here.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags that keep Chromium off the (closed) network and working as root in CI.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps', '--disable-extensions',
  // No DNS at all: a page's off-site request fails at once instead of reaching for the network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** The site folder from argv[2]; exits 2 with usage when missing or not a folder. */
export function siteDirFromArgs(gate) {
  const arg = process.argv[2];
  if (!arg || !fs.existsSync(arg) || !fs.statSync(arg).isDirectory()) {
    console.error(`usage: node ${gate}.mjs SITE_DIR   (got: ${arg ?? 'nothing'}; must be an existing folder)`);
    process.exit(2);
  }
  return path.resolve(arg);
}

/** All files under dir, recursively, sorted, as absolute paths. */
export function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

/** All .html files under dir; exits 1 when there are none (an empty site must not pass). */
export function htmlFiles(dir) {
  const files = walk(dir).filter((f) => /\.html?$/i.test(f));
  if (files.length === 0) {
    console.error(`FAIL: no .html files under ${dir}`);
    process.exit(1);
  }
  return files;
}

export const rel = (root, file) => path.relative(root, file).split(path.sep).join('/');

/** file:// URL for an absolute path. */
export const fileUrl = (p) => pathToFileURL(p).href;

// ---------------------------------------------------------------- HTML tokenizing

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

// A tag, a comment, a doctype/CDATA. Attribute values may be double-, single- or un-quoted
// (minifiers drop quotes), so quoted runs are matched as units.
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<(\/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** Tags of an HTML document: [{name, attrs: Map, line, col, text}] plus raw <style> bodies. */
export function parseHtml(src) {
  const tags = [];
  const styles = [];
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);
  const pos = (offset) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo + 1, col: offset - lineStarts[lo] + 1 };
  };
  TOKEN.lastIndex = 0;
  let m;
  while ((m = TOKEN.exec(src))) {
    if (!m[2] || m[1]) continue; // comment, doctype or end tag
    const name = m[2].toLowerCase();
    const attrs = new Map();
    let a;
    ATTR.lastIndex = 0;
    while ((a = ATTR.exec(m[3]))) {
      const key = a[1].toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name, attrs, ...pos(m.index), text: m[0].length > 160 ? m[0].slice(0, 157) + '...' : m[0] });
    if (RAW_TEXT.has(name) && !m[0].endsWith('/>')) {
      const close = src.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
      const end = close < 0 ? src.length : close;
      if (name === 'style') styles.push({ css: src.slice(TOKEN.lastIndex, end), ...pos(TOKEN.lastIndex) });
      TOKEN.lastIndex = end;
    }
  }
  return { tags, styles };
}

/** Every URL reference of an HTML document: [{url, attr, tag, line, col, text}]. */
export function htmlRefs(src) {
  const { tags, styles } = parseHtml(src);
  const refs = [];
  const add = (t, attr, url) => refs.push({ url, attr, tag: t.name, line: t.line, col: t.col, text: t.text });
  for (const t of tags) {
    for (const attr of ['href', 'xlink:href', 'src', 'poster', 'action', 'formaction']) {
      if (t.attrs.has(attr)) add(t, attr, t.attrs.get(attr).trim());
    }
    if (t.name === 'object' && t.attrs.has('data')) add(t, 'data', t.attrs.get('data').trim());
    for (const attr of ['srcset', 'imagesrcset']) {
      if (!t.attrs.has(attr)) continue;
      for (const cand of t.attrs.get(attr).split(/,\s*/)) {
        const url = cand.trim().split(/\s+/)[0];
        if (url) add(t, attr, url);
      }
    }
    if (t.name === 'meta' && /^refresh$/i.test(t.attrs.get('http-equiv') ?? '')) {
      const u = /url\s*=\s*['"]?([^'"]+)/i.exec(t.attrs.get('content') ?? '');
      if (u) add(t, 'http-equiv=refresh', u[1].trim());
    }
    if (t.attrs.has('style')) for (const url of cssUrls(t.attrs.get('style'))) add(t, 'style', url);
  }
  for (const s of styles) for (const url of cssUrls(s.css)) refs.push({ url, attr: 'url()', tag: 'style', line: s.line, col: s.col, text: `<style> url(${url})` });
  return refs;
}

/** ids (and legacy <a name>) of an HTML/SVG document: the valid #fragment targets. */
export function htmlIds(src) {
  const ids = new Set();
  for (const t of parseHtml(src).tags) {
    if (t.attrs.has('id')) ids.add(t.attrs.get('id'));
    if (t.name === 'a' && t.attrs.has('name')) ids.add(t.attrs.get('name'));
  }
  return ids;
}

/** url(...) and @import targets in CSS text (comments removed; fragment-only SVG refs skipped). */
export function cssUrls(css) {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out = [];
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  let m;
  while ((m = re.exec(clean))) {
    const url = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    if (url && !url.startsWith('#')) out.push(url);
  }
  return out;
}

// ---------------------------------------------------------------- Chromium

/** Launch Debian's Chromium headless through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`FAIL: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM=...)`);
    process.exit(1);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}
