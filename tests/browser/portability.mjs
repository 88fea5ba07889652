// Gate: portability. Guarantees that the site works wherever it is put:
//  (a) opened from disk: every .html page loaded over file:// in Chromium makes no failed request,
//      no request off the file system (no CDN, web font or analytics), logs no console error and
//      throws no script error;
//      a deck opened at #2 shows slide 2, at a number past its end (#999) its last slide, and its
//      controls take at most two rows on a 390 px phone;
//  (b) served under a sub-path: a tiny static server on 127.0.0.1 (random free port) serves the
//      folder ONLY under /intranet/nosam/ (404 elsewhere, strict MIME types). A crawl from
//      /intranet/nosam/index.html that follows every link and asset inside the site (HTML and CSS)
//      gets 200 for each; then every crawled page is loaded in Chromium through the server with no
//      failed request, no HTTP error, no console error. Pages the crawl never reached are listed.
// Usage: node portability.mjs SITE_DIR

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { siteDirFromArgs, htmlFiles, rel, fileUrl, launchChromium, htmlRefs, cssUrls } from './lib.mjs';

const site = siteDirFromArgs('portability');
const pages = htmlFiles(site);
const PREFIX = '/intranet/nosam/';
const MIME = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif',
  '.gif': 'image/gif', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json',
};
const failures = [];
const notes = new Set();

// Collects what went wrong while a page loads: failed requests, HTTP errors, console errors, exceptions.
function watch(page, where, allowed) {
  const reported = new Set(); // URLs already reported for this page (one line per broken URL)
  const report = (url, msg) => { if (!reported.has(url)) { reported.add(url); failures.push(`${where}: ${msg}`); } };
  page.on('request', (r) => { if (!allowed(r.url())) report(r.url(), `request leaves the site: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) report(r.url(), `HTTP ${r.status()} for ${r.url()}`); });
  page.on('requestfailed', (r) => report(r.url(), `request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const src = m.location()?.url ?? '';
    if (m.text().startsWith('Failed to load resource')) {
      // Chromium asks the origin for /favicon.ico when a page declares no <link rel=icon>: not a site error.
      if (/^https?:\/\/[^/]+\/favicon\.ico$/.test(src)) return notes.add('no <link rel=icon>, so the browser asked the server root for /favicon.ico');
      return report(src, `failed to load: ${src} (${m.text()})`);
    }
    failures.push(`${where}: console error: ${m.text()}${src ? ` (${src})` : ''}`);
  });
  page.on('pageerror', (e) => failures.push(`${where}: script error: ${e.message}`));
}

async function load(page, url, where) {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (e) {
    return failures.push(`${where}: did not load: ${e.message.split('\n')[0]}`);
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight)); // trigger lazy images
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
}

// ---- (b) server: only PREFIX is served; folders get their index.html like a typical web server.
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let p;
  try { p = decodeURIComponent(url.pathname); } catch { p = ''; }
  if (!p.startsWith(PREFIX) || p.includes('\0')) return res.writeHead(404).end('not found (outside the sub-path)');
  let file = path.join(site, p.slice(PREFIX.length));
  if (file !== site && !file.startsWith(site + path.sep)) return res.writeHead(404).end('not found');
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
console.log(`Serving ${site} at ${origin}${PREFIX} (only there).`);

const browser = await launchChromium();
try {
  // ---- (a) file://
  const ctxFile = await browser.newContext();
  for (const file of pages) {
    const page = await ctxFile.newPage();
    const where = `file:// ${rel(site, file)}`;
    watch(page, where, (u) => /^(file|data|blob|about):/.test(u));
    await load(page, fileUrl(file), where);
    await page.close();
  }
  console.log(`(a) loaded ${pages.length} pages over file://`);

  // ---- (a') a deck's address picks the slide: #2 the second, a number past the end the last.
  for (const file of pages.filter((f) => rel(site, f).endsWith('slides/index.html'))) {
    const page = await ctxFile.newPage();
    const where = `file:// ${rel(site, file)}`;
    for (const [hash, want] of [['#2', (n) => 2], ['#999', (n) => n]]) {
      await page.goto(fileUrl(file) + hash, { waitUntil: 'load', timeout: 30_000 });
      await page.reload({ waitUntil: 'load' }); // a hash-only goto does not restart the script
      const { shown, total } = await page.evaluate(() => {
        const items = [...document.querySelectorAll('.deck__item')];
        return { shown: items.findIndex((i) => !i.hidden) + 1, total: items.length };
      });
      if (shown !== want(total)) failures.push(`${where}${hash}: shows slide ${shown} of ${total}, not ${want(total)}`);
    }
    // On a 390 px phone the deck's controls take at most two rows.
    await page.setViewportSize({ width: 390, height: 800 });
    const rows = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.deck-controls > *')].filter((e) => e.getClientRects().length)
        .map((e) => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);
      let count = 0, bottom = -Infinity; // a box that starts below the row's lowest edge opens a new row
      for (const b of boxes) { if (b.top >= bottom - 1) { count++; bottom = b.bottom; } else bottom = Math.max(bottom, b.bottom); }
      return count;
    });
    if (rows > 2) failures.push(`${where}: the deck's controls take ${rows} rows on a 390 px screen`);
    await page.close();
  }
  await ctxFile.close();

  // ---- (b) crawl over HTTP
  const start = `${origin}${PREFIX}index.html`;
  const queue = [{ url: start, from: '(start)' }];
  const seen = new Set([start]);
  const crawledPages = [];
  while (queue.length && seen.size < 5000) {
    const { url, from } = queue.shift();
    const res = await fetch(url, { redirect: 'manual' });
    const body = await res.text();
    if (res.status !== 200) { failures.push(`crawl: HTTP ${res.status} for ${url.slice(origin.length)} (linked from ${from})`); continue; }
    const type = res.headers.get('content-type') ?? '';
    const refs = type.startsWith('text/html') ? htmlRefs(body).map((r) => r.url)
      : type.startsWith('text/css') ? cssUrls(body) : [];
    if (type.startsWith('text/html')) crawledPages.push(url);
    for (const ref of refs) {
      let next;
      try { next = new URL(ref, url); } catch { failures.push(`crawl: unparsable URL "${ref}" in ${url.slice(origin.length)}`); continue; }
      if (next.origin !== origin) continue; // external: links.mjs lists those
      next.hash = '';
      if (!seen.has(next.href)) { seen.add(next.href); queue.push({ url: next.href, from: url.slice(origin.length) }); }
    }
  }
  console.log(`(b) crawled ${seen.size} URLs (${crawledPages.length} pages) from ${PREFIX}index.html`);
  const reached = new Set(crawledPages.map((u) => decodeURIComponent(new URL(u).pathname).slice(PREFIX.length).replace(/(^|\/)$/, '$1index.html')));
  const orphans = pages.map((f) => rel(site, f)).filter((r) => !reached.has(r));
  if (orphans.length) console.log(`    note: not reachable by links from the landing page: ${orphans.join(', ')}`);

  const ctxHttp = await browser.newContext();
  for (const url of crawledPages) {
    const page = await ctxHttp.newPage();
    const where = `http ${url.slice(origin.length)}`;
    watch(page, where, (u) => u.startsWith(origin) || /^(data|blob|about):/.test(u));
    await load(page, url, where);
    await page.close();
  }
  await ctxHttp.close();
  console.log(`    loaded ${crawledPages.length} pages in Chromium through the server`);
} finally {
  await browser.close();
  server.close();
}

for (const n of notes) console.log(`note: ${n}`);
if (failures.length) {
  console.log(`\nFAIL: ${failures.length} problem(s):`);
  for (const f of [...new Set(failures)]) console.log(`  ${f}`);
  process.exit(1);
}
console.log('OK: works from file:// and under a sub-path.');
