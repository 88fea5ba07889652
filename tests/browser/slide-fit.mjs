// Gate: every slide's content fits its slide, measured in a real browser. The build fits slides
// by estimate (src/render/slides); a `.slide` has `overflow: hidden`, so content that does not fit
// is cut off silently and counting printed pages cannot see it. This gate loads every deck of the
// site AND of every fixture site in tests/fixtures/ (each built with summering into a temp
// folder) in Debian's Chromium, in the printed layout (print media, 254 × 142.875 mm slides, no
// script), and fails when on any slide:
// - an element (text block, list item, image, SVG, table, cell …) or a line of text reaches
//   outside the `.slide` box (boxes compared, 0.5 px tolerance; text clipped on purpose by an
//   element's own overflow inside the slide, such as an ellipsis, is not counted);
// - the fitted content (inside .slide__inner) overlaps the slide's footer (content that only runs
//   into the bottom padding, clear of the footer, is printed as a note);
// - .slide__inner's content is taller or wider than its box (scrollHeight / scrollWidth);
// - a chart (.slide__figure, its SVG or caption) runs into the bottom padding: the build sizes a
//   chart to what its title leaves, also when the title wraps;
// - a table only fits because words in its cells are broken mid-word (measured with words kept
//   whole, it is wider than the slide's body): the build sets a wide table in smaller type.
// Usage: node slide-fit.mjs SITE_DIR
//   SUMMERING_BIN=path   the summering binary for the fixtures (default: `cargo run --quiet --`)
//   FIXTURES=0           only the site given, no fixtures
// Needs: /usr/bin/chromium; cargo (or SUMMERING_BIN).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { siteDirFromArgs, walk, rel, fileUrl, launchChromium } from './lib.mjs';

const site = siteDirFromArgs('slide-fit');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'slide-fit-'));
const failures = [];

const decksOf = (dir) => walk(dir).filter((f) => path.basename(f) === 'index.html' && path.basename(path.dirname(f)) === 'slides');
const sites = [{ name: 'site', dir: site }];
if (process.env.FIXTURES !== '0') {
  const fixtures = path.join(repo, 'tests/fixtures');
  for (const entry of fs.readdirSync(fixtures, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || !fs.existsSync(path.join(fixtures, entry.name, 'content/site.toml'))) continue;
    const out = path.join(work, entry.name);
    const bin = process.env.SUMMERING_BIN;
    // A copy of each fixture, without the markdown fixture's unsafe <img src=x onerror=…> (kept
    // there to test sanitising): `build` rightly refuses to publish a broken image.
    const root = path.join(work, `root-${entry.name}`);
    fs.cpSync(path.join(fixtures, entry.name), root, { recursive: true });
    for (const f of walk(path.join(root, 'content')).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(f, 'utf8');
      if (text.includes('<img src=x')) fs.writeFileSync(f, text.split('\n').filter((l) => !l.includes('<img src=x')).join('\n'));
    }
    const args = ['build', '--root', root, '--output', out];
    const r = bin
      ? spawnSync(bin, args, { encoding: 'utf8', timeout: 300_000 })
      : spawnSync('cargo', ['run', '--quiet', '--manifest-path', path.join(repo, 'Cargo.toml'), '--', ...args], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) {
      failures.push(`fixture ${entry.name}: the build failed (exit ${r.status}): ${(r.stderr || '').split('\n').filter((l) => !l.startsWith('warning')).slice(0, 6).join(' / ')}`);
      continue;
    }
    sites.push({ name: `fixture ${entry.name}`, dir: out });
  }
}

// Runs in the page: every problem of every slide.
function measure() {
  const TOL = 0.5;
  const problems = [];
  const notes = [];
  const short = (s) => { s = s.replace(/\s+/g, ' ').trim(); return s.length > 60 ? s.slice(0, 57) + '…' : s; };
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.classList.length ? '.' + [...el.classList].join('.') : ''}>`;
  // The part of a box that can be seen: cut by ancestors inside the slide that clip on purpose.
  function visible(rect, from, slide) {
    let { left, top, right, bottom } = rect;
    for (let el = from; el && el !== slide; el = el.parentElement) {
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
        const c = el.getBoundingClientRect();
        if (cs.overflowX !== 'visible') { left = Math.max(left, c.left); right = Math.min(right, c.right); }
        if (cs.overflowY !== 'visible') { top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom); }
      }
    }
    return right - left > TOL && bottom - top > TOL ? { left, top, right, bottom } : null;
  }
  const outside = (r, box) => {
    const d = { left: box.left - r.left, top: box.top - r.top, right: r.right - box.right, bottom: r.bottom - box.bottom };
    const worst = Object.entries(d).filter(([, v]) => v > TOL).sort((a, b) => b[1] - a[1])[0];
    return worst ? `${worst[1].toFixed(1)} px past the ${worst[0]} edge` : null;
  };
  document.querySelectorAll('.slide').forEach((slide, k) => {
    const label = `slide ${k + 1} (${short(slide.querySelector('h1, h2, .slide__statement')?.textContent ?? '')})`;
    const box = slide.getBoundingClientRect();
    const inner = slide.querySelector('.slide__inner');
    const footer = slide.querySelector('.slide__footer');
    let contentBottom = Infinity;
    if (inner) {
      const cs = getComputedStyle(inner);
      const ib = inner.getBoundingClientRect();
      contentBottom = ib.bottom - parseFloat(cs.paddingBottom);
      if (inner.scrollHeight > inner.clientHeight + 1) problems.push(`${label}: .slide__inner's content is ${inner.scrollHeight - inner.clientHeight} px taller than its box`);
      if (inner.scrollWidth > inner.clientWidth + 1) problems.push(`${label}: .slide__inner's content is ${inner.scrollWidth - inner.clientWidth} px wider than its box`);
    }
    const footTop = footer ? footer.getBoundingClientRect().top : Infinity;
    // Only the outermost element that sticks out is named, not every cell of a table inside it.
    const flagged = new Set();
    const under = (el) => { for (let a = el; a && a !== slide; a = a.parentElement) if (flagged.has(a)) return true; return false; };
    const report = (el, msg) => { flagged.add(el); problems.push(msg); };
    for (const el of slide.querySelectorAll('*')) {
      if (!el.getClientRects().length || under(el)) continue;
      const r = visible(el.getBoundingClientRect(), el.parentElement, slide);
      if (!r) continue;
      const what = `${describe(el)} "${short(el.textContent || el.getAttribute('alt') || '')}"`;
      const out = outside(r, box);
      if (out) report(el, `${label}: ${what} reaches outside the slide, ${out}`);
      else if (inner && inner.contains(el) && el !== inner && !el.closest('svg') && r.bottom > Math.min(footTop, box.bottom) + TOL) {
        report(el, `${label}: ${what} overlaps the footer by ${(r.bottom - footTop).toFixed(1)} px`);
      } else if (el.matches('.slide__figure, .slide__figure > *') && r.bottom > contentBottom + TOL) {
        // A chart is sized by the build to the room under its title (one line or more): its
        // picture and caption end above the bottom padding.
        report(el, `${label}: chart ${what} runs ${(r.bottom - contentBottom).toFixed(1)} px into the bottom padding`);
      } else if (inner && inner.contains(el) && el !== inner && !el.closest('svg') && r.bottom > contentBottom + TOL) {
        // Into the bottom padding but clear of the footer: told, not failed.
        flagged.add(el);
        notes.push(`${label}: ${what} runs ${(r.bottom - contentBottom).toFixed(1)} px (of ${box.width.toFixed(0)}) into the bottom padding`);
      }
    }
    // Lines of text: a word that does not break can stick out of a block that itself fits.
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.data.trim() || under(t.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const line of range.getClientRects()) {
        const r = visible(line, t.parentElement, slide);
        if (!r) continue;
        const out = outside(r, box);
        if (out) { report(t.parentElement, `${label}: text "${short(t.data)}" reaches outside the slide, ${out}`); break; }
      }
    }
  });
  return { slides: document.querySelectorAll('.slide').length, problems, notes };
}

// Runs in the page: tables whose words do not fit whole. The stylesheet lets a word break
// anywhere (overflow-wrap), so a table never leaves its slide, but a cell broken mid-word
// ("Organisatio|n") is a table set too large: the build gives a wide table smaller type. Each
// table is measured with words kept whole and must still be inside its slide's body.
function brokenTables() {
  const style = document.createElement('style');
  style.textContent = '.slide__body table, .slide__body table * { overflow-wrap: normal !important; word-break: normal !important; }';
  document.head.append(style);
  const problems = [];
  document.querySelectorAll('.slide').forEach((slide, k) => {
    const body = slide.querySelector('.slide__body');
    if (!body) return;
    const right = body.getBoundingClientRect().right;
    for (const table of body.querySelectorAll('table')) {
      const over = table.getBoundingClientRect().right - right;
      if (over > 0.5) problems.push(`slide ${k + 1}: a table is ${over.toFixed(1)} px wider than the body with its words whole (words are broken in its cells)`);
    }
  });
  style.remove();
  return problems;
}

const browser = await launchChromium();
let decks = 0, slides = 0;
try {
  // 254 mm at 96 px per inch: the printed slide's width.
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  for (const s of sites) {
    for (const deck of decksOf(s.dir)) {
      const name = `${s.name}: ${rel(s.dir, deck)}`;
      await page.goto(fileUrl(deck), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const result = await page.evaluate(measure);
      result.problems.push(...(await page.evaluate(brokenTables)));
      decks++; slides += result.slides;
      if (result.slides === 0) failures.push(`${name}: no .slide elements`);
      console.log(`${result.problems.length ? 'FAIL' : 'ok  '} ${name}: ${result.slides} slides${result.problems.length ? `, ${result.problems.length} problem(s)` : ''}`);
      for (const p of result.problems) failures.push(`${name}: ${p}`);
      for (const n of result.notes) console.log(`     note: ${n}`);
    }
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}

if (decks === 0) {
  console.log('SKIP: no slide decks (*/slides/index.html) in the site or the fixtures');
  process.exit(77);
}
if (failures.length) {
  console.log(`\nFAIL: ${failures.length} problem(s):`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log(`OK: ${slides} slides in ${decks} deck(s) (${sites.length} site(s)): nothing reaches outside its slide or into its footer.`);
