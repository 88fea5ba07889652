// Gate: printable slide decks. For every deck (any */slides/index.html) guarantees that printing it
// with headless Chromium's own "print to PDF" (default settings, no header/footer, as a person's
// "Save as PDF" would) gives exactly one PDF page per .slide element, every page 16:9 (within 1%),
// i.e. no blank page after a slide and no slide split over two pages. Page PNGs (pdftoppm -r 40) are
// written to $SLIDES_PNG_DIR (default: a new temp folder) for a human to look at.
// When the site has no deck yet it prints SKIP and exits 77 (run-all.sh counts that as skipped).
// Usage: node print-slides.mjs SITE_DIR        needs: /usr/bin/chromium, pdfinfo, pdftoppm (poppler-utils)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { siteDirFromArgs, walk, rel, fileUrl, launchChromium, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

const site = siteDirFromArgs('print-slides');
const decks = walk(site).filter((f) => path.basename(f) === 'index.html' && path.basename(path.dirname(f)) === 'slides');
if (decks.length === 0) {
  console.log(`SKIP: no slide decks (*/slides/index.html) in ${site}`);
  process.exit(77);
}
for (const tool of ['pdfinfo', 'pdftoppm']) {
  if (spawnSync(tool, ['-v']).error) { console.error(`FAIL: ${tool} not found (apt-get install poppler-utils)`); process.exit(1); }
}
const pngDir = process.env.SLIDES_PNG_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'slides-png-'));
fs.mkdirSync(pngDir, { recursive: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'print-slides-'));
const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });

// Count the slides as the browser sees them.
const slideCounts = new Map();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (const deck of decks) {
    await page.goto(fileUrl(deck), { waitUntil: 'load' });
    slideCounts.set(deck, await page.locator('.slide').count());
  }
} finally {
  await browser.close();
}

const failures = [];
for (const deck of decks) {
  const name = rel(site, deck);
  const base = path.dirname(name).replace(/\/slides$/, '').replace(/\//g, '-'); // e.g. sv-2021
  const pdf = path.join(work, `${base}.pdf`);
  const slides = slideCounts.get(deck);
  const chrome = run(CHROMIUM, [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${path.join(work, 'profile')}`,
    '--no-pdf-header-footer', '--run-all-compositor-stages-before-draw', '--virtual-time-budget=5000',
    `--print-to-pdf=${pdf}`, fileUrl(deck)]);
  if (!fs.existsSync(pdf)) { failures.push(`${name}: Chromium made no PDF (exit ${chrome.status})\n${chrome.stderr}`); continue; }

  const info = run('pdfinfo', ['-f', '1', '-l', '9999', pdf]).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ n: +m[1], w: +m[2], h: +m[3] }));
  const bad = sizes.filter((s) => Math.abs(s.w / s.h / (16 / 9) - 1) > 0.01);
  const first = sizes[0] ? `${sizes[0].w} x ${sizes[0].h} pt, ratio ${(sizes[0].w / sizes[0].h).toFixed(4)}` : 'no size';
  const problems = [];
  if (slides === 0) problems.push('no .slide elements on the page');
  if (pages !== slides) problems.push(`${pages} PDF pages for ${slides} slides`);
  if (bad.length) problems.push(`not 16:9 (1.7778 ±1%): ${bad.slice(0, 5).map((s) => `page ${s.n} is ${s.w} x ${s.h} pt`).join('; ')}${bad.length > 5 ? '; ...' : ''}`);

  fs.rmSync(path.join(pngDir, base), { recursive: true, force: true });
  fs.mkdirSync(path.join(pngDir, base), { recursive: true });
  run('pdftoppm', ['-r', '40', '-png', pdf, path.join(pngDir, base, 'page')]);
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: ${slides} slides, ${pages} pages, ${first}`);
  for (const p of problems) failures.push(`${name}: ${p}`);
}
console.log(`Page images: ${pngDir}`);
fs.rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.log(`\nFAIL: ${failures.length} problem(s):`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log(`OK: ${decks.length} deck(s) print one 16:9 page per slide.`);
