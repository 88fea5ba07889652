// Gate: the deck's presenter view, overview and handout, in Debian's Chromium over file://.
// For every deck (any */slides/index.html with presenter.html and handout.html beside it):
// - presenter view opened from the deck (P key): a second window at presenter.html#N; stepping
//   in the deck moves the view, stepping in the view moves the deck; the view shows the next
//   slide (or "last slide"), a running m:ss clock and a countdown once minutes are typed;
// - presenter view opened on its own (its link, no opener) beside a deck opened on its own: the
//   two still follow each other (BroadcastChannel / storage event), and the view works alone;
// - overview (O key): a modal dialog with one button per slide, focus on the current one, arrow
//   keys move the focus (visible: the picture's border changes), Enter opens that slide, Esc
//   closes and gives the focus back; axe-core (WCAG 2.1 A+AA) finds nothing while it is open;
// - handout printed to PDF (Chromium's print, the page's own A4 size): slides without notes
//   three to a page, so exactly ceil(slides / 3) pages when no slide has notes, and fewer pages
//   than slides otherwise.
// Usage: node deck-views.mjs SITE_DIR        needs: /usr/bin/chromium, pdfinfo (poppler-utils)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { siteDirFromArgs, walk, rel, fileUrl, launchChromium } from './lib.mjs';

const site = siteDirFromArgs('deck-views');
const decks = walk(site).filter((f) => path.basename(f) === 'index.html' && path.basename(path.dirname(f)) === 'slides');
if (decks.length === 0) {
  console.log(`SKIP: no slide decks (*/slides/index.html) in ${site}`);
  process.exit(77);
}
if (spawnSync('pdfinfo', ['-v']).error) { console.error('FAIL: pdfinfo not found (apt-get install poppler-utils)'); process.exit(1); }
const axePath = fileURLToPath(new URL('./node_modules/axe-core/axe.min.js', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-views-'));

const failures = [];
const browser = await launchChromium();

const counterOf = (page) => page.locator('[data-deck="current"]').first().textContent();
async function waitCounter(page, want, what) {
  try {
    await page.waitForFunction((n) => document.querySelector('[data-deck="current"]')?.textContent === String(n), want, { timeout: 5000 });
    return true;
  } catch {
    failures.push(`${what}: counter shows ${await counterOf(page)}, expected ${want}`);
    return false;
  }
}

try {
  for (const deck of decks) {
    const name = rel(site, deck);
    const dir = path.dirname(deck);
    const presenterFile = path.join(dir, 'presenter.html');
    const handoutFile = path.join(dir, 'handout.html');
    for (const [f, what] of [[presenterFile, 'presenter view'], [handoutFile, 'handout']]) {
      if (!fs.existsSync(f)) failures.push(`${name}: no ${what} (${path.basename(f)}) beside the deck`);
    }
    if (!fs.existsSync(presenterFile) || !fs.existsSync(handoutFile)) continue;
    let problems = failures.length;

    // ---- presenter view from the deck
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const deckPage = await context.newPage();
      const errors = [];
      context.on('weberror', (e) => errors.push(e.error().message));
      await deckPage.goto(fileUrl(deck), { waitUntil: 'load' });
      const total = await deckPage.locator('.deck__item').count();
      await deckPage.locator('main').focus();
      const popupWait = context.waitForEvent('page', { timeout: 10_000 });
      await deckPage.keyboard.press('p');
      const view = await popupWait.catch(() => null);
      if (!view) {
        failures.push(`${name}: P opened no presenter window`);
      } else {
        await view.waitForLoadState('load');
        if (!/\/presenter\.html#1$/.test(view.url())) failures.push(`${name}: presenter window opened at ${view.url()}, expected presenter.html#1`);
        const opener = await view.evaluate(() => !!window.opener);
        if (!opener) failures.push(`${name}: the presenter window has no opener (opened without a link back)`);
        await waitCounter(view, 1, `${name}: presenter view on opening`);
        // Deck → view.
        await deckPage.bringToFront();
        await deckPage.keyboard.press('ArrowRight');
        await deckPage.keyboard.press('ArrowRight');
        await waitCounter(deckPage, 3, `${name}: deck after two steps`);
        await waitCounter(view, 3, `${name}: presenter view after the deck stepped twice`);
        if (!view.url().endsWith('#3')) failures.push(`${name}: presenter address ${view.url()} after the deck moved to 3`);
        // View → deck.
        await view.bringToFront();
        await view.locator('main').focus();
        await view.keyboard.press('ArrowRight');
        await waitCounter(view, 4, `${name}: presenter view after a step in it`);
        await waitCounter(deckPage, 4, `${name}: deck after the presenter view stepped`);
        await view.locator('[data-deck="next"]').click();
        await waitCounter(deckPage, Math.min(5, total), `${name}: deck after the view's Next button`);
        // What the view shows.
        const shown = await view.evaluate(() => {
          const visible = [...document.querySelectorAll('.presenter__item')].filter((i) => !i.hidden);
          const next = document.querySelector('[data-presenter="next"] .slide');
          return {
            visible: visible.map((i) => i.id),
            notes: visible[0] ? getComputedStyle(visible[0].querySelector('.presenter__notes')).display : 'none',
            next: next ? next.textContent.replace(/\s+/g, ' ').trim().slice(0, 80) : null,
            nextIds: next ? next.querySelectorAll('[id]').length + (next.id ? 1 : 0) : 0,
            nextHidden: next ? next.getAttribute('aria-hidden') : null,
            end: !document.querySelector('[data-presenter="end"]').hidden,
            clock: document.querySelector('[data-presenter="clock"]').textContent,
          };
        });
        const at = Math.min(5, total);
        if (shown.visible.join() !== String(at)) failures.push(`${name}: presenter view shows slides [${shown.visible}] at slide ${at}`);
        if (shown.notes === 'none') failures.push(`${name}: presenter view hides the speaker notes`);
        if (at < total) {
          const want = await view.evaluate((n) => document.getElementById(String(n)).querySelector('.slide').textContent.replace(/\s+/g, ' ').trim().slice(0, 80), at + 1);
          if (shown.next !== want) failures.push(`${name}: next-slide picture shows "${shown.next}", expected slide ${at + 1} "${want}"`);
          if (shown.nextIds) failures.push(`${name}: the next-slide picture repeats ${shown.nextIds} id(s)`);
          if (shown.nextHidden !== 'true') failures.push(`${name}: the next-slide picture is not aria-hidden`);
        } else if (!shown.end) failures.push(`${name}: no "last slide" note on the last slide`);
        if (!/^\d+:\d\d$/.test(shown.clock)) failures.push(`${name}: clock shows "${shown.clock}", not m:ss`);
        await view.locator('[data-presenter="minutes"]').fill('1');
        const remaining = await view.locator('[data-presenter="remaining"]').textContent();
        if (!/^(1:00|0:5\d)$/.test(remaining)) failures.push(`${name}: a 1-minute countdown shows "${remaining}"`);
        // Keys typed in the minutes field stay there; from the page they step the deck.
        await view.locator('main').focus();
        await view.keyboard.press('End');
        await waitCounter(deckPage, total, `${name}: deck after End in the view`);
        if (await view.locator('[data-presenter="end"]').isHidden()) failures.push(`${name}: no "last slide" note at the end`);
      }
      if (errors.length) failures.push(`${name}: script errors: ${errors.join('; ')}`);
      await context.close();
    }

    // ---- presenter view and deck opened separately (no opener)
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const deckPage = await context.newPage();
      await deckPage.goto(fileUrl(deck) + '#2', { waitUntil: 'load' });
      const view = await context.newPage();
      await view.goto(fileUrl(presenterFile), { waitUntil: 'load' });
      await waitCounter(view, 2, `${name}: presenter view opened alone beside a deck at slide 2`);
      await view.locator('main').focus();
      await view.keyboard.press('ArrowRight');
      await waitCounter(view, 3, `${name}: presenter view alone after a step`);
      await waitCounter(deckPage, 3, `${name}: separately opened deck after the view stepped`);
      await deckPage.bringToFront();
      await deckPage.locator('main').focus();
      await deckPage.keyboard.press('ArrowLeft');
      await waitCounter(view, 2, `${name}: separately opened view after the deck stepped back`);
      await context.close();
    }

    // ---- overview
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(fileUrl(deck) + '#2', { waitUntil: 'load' });
      await page.locator('main').focus();
      await page.keyboard.press('o');
      const state = () => page.evaluate(() => {
        const d = document.querySelector('dialog.deck-overview');
        const a = document.activeElement;
        return { open: !!(d && d.open), modal: !!(d && d.matches(':modal')), label: d && d.getAttribute('aria-labelledby') && document.getElementById(d.getAttribute('aria-labelledby'))?.textContent,
          cells: d ? d.querySelectorAll('.deck-overview__pick').length : 0, focus: a && a.classList.contains('deck-overview__pick') ? a.textContent : null,
          current: d ? d.querySelector('[aria-current="true"]')?.textContent : null,
          border: a && a.closest('.deck-overview__cell') ? getComputedStyle(a.closest('.deck-overview__cell').querySelector('.deck-overview__thumb')).borderTopColor : null };
      });
      let s = await state();
      const total = await page.locator('.deck__item').count();
      if (!s.open || !s.modal) failures.push(`${name}: O opened no modal overview dialog`);
      else {
        if (!s.label) failures.push(`${name}: the overview dialog has no name`);
        if (s.cells !== total) failures.push(`${name}: overview has ${s.cells} slides of ${total}`);
        if (!s.focus || !s.focus.startsWith('2.')) failures.push(`${name}: overview opened with focus on "${s.focus}", expected slide 2`);
        if (s.current !== s.focus) failures.push(`${name}: overview marks "${s.current}" as current`);
        const resting = await page.evaluate(() => getComputedStyle(document.querySelector('.deck-overview__thumb')).borderTopColor);
        if (s.border === resting && s.current === null) failures.push(`${name}: focused overview cell looks like the others`);
        const keyboardBorder = s.border;
        await page.keyboard.press('ArrowRight');
        s = await state();
        if (!s.focus || !s.focus.startsWith('3.')) failures.push(`${name}: ArrowRight in the overview moved focus to "${s.focus}"`);
        if (s.border !== keyboardBorder) failures.push(`${name}: the keyboard focus in the overview is not visible the same on every cell (${s.border} vs ${keyboardBorder})`);
        const unfocused = await page.evaluate(() => getComputedStyle(document.querySelectorAll('.deck-overview__thumb')[0]).borderTopColor);
        if (unfocused === s.border) failures.push(`${name}: the focused overview cell's border (${s.border}) is the same as an unfocused one`);
        // axe while open.
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        for (const v of result.violations) failures.push(`${name}: axe in the open overview: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        await page.keyboard.press('Enter');
        s = await state();
        if (s.open) failures.push(`${name}: Enter in the overview did not close it`);
        await waitCounter(page, 3, `${name}: deck after Enter on slide 3 in the overview`);
        await page.keyboard.press('o');
        await page.keyboard.press('Escape');
        s = await state();
        if (s.open) failures.push(`${name}: Esc did not close the overview`);
        const back = await page.evaluate(() => document.activeElement?.getAttribute('data-deck'));
        if (back !== 'overview') failures.push(`${name}: after Esc the focus is on ${back ?? 'nothing'}, not the Overview button`);
        await waitCounter(page, 3, `${name}: deck after Esc in the overview`);
      }
      await context.close();
    }

    // ---- handout page count
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(fileUrl(handoutFile), { waitUntil: 'load' });
      const { slides, notes } = await page.evaluate(() => ({ slides: document.querySelectorAll('.slide').length, notes: document.querySelectorAll('.handout__page--notes').length }));
      const pdf = path.join(work, name.replace(/\//g, '-') + '.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
      const ideal = Math.ceil(slides / 3);
      if (notes === 0 && pages !== ideal) failures.push(`${name}: handout prints ${slides} slides without notes on ${pages} pages, expected ${ideal} (three to a page)`);
      if (notes > 0 && (pages < ideal || pages >= slides)) failures.push(`${name}: handout prints ${slides} slides (${notes} with notes) on ${pages} pages, expected ${ideal} to ${slides - 1}`);
      console.log(`     ${name}: handout ${slides} slides, ${notes} with notes, ${pages} A4 pages`);
      await context.close();
    }
    console.log(`${failures.length > problems ? 'FAIL' : 'ok  '} ${name}`);
    problems = failures.length;
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.log(`\nFAIL: ${failures.length} problem(s):`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log(`OK: ${decks.length} deck(s): presenter view in step both ways, overview by keyboard, handout three slides to a page.`);
