// Gate: accessibility (WCAG 2.1 A/AA, the level EN 301 549 and the DOS law require). Guarantees that
// axe-core finds zero violations of the rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa on EVERY
// .html page of the site, loaded over file:// in Debian's Chromium, in each of:
//   desktop 1280x800 and phone 375x812, each in the light and in the dark colour scheme.
// "Needs review" results (axe's incomplete, e.g. contrast over images) are listed but do not fail.
// Usage: node axe.mjs SITE_DIR

import { fileURLToPath } from 'node:url';
import { siteDirFromArgs, htmlFiles, rel, fileUrl, launchChromium } from './lib.mjs';

const site = siteDirFromArgs('axe');
const pages = htmlFiles(site);
const axePath = fileURLToPath(new URL('./node_modules/axe-core/axe.min.js', import.meta.url));
const MODES = [
  { name: 'desktop/light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'desktop/dark', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { name: 'phone/light', viewport: { width: 375, height: 812 }, colorScheme: 'light', isMobile: true, hasTouch: true },
  { name: 'phone/dark', viewport: { width: 375, height: 812 }, colorScheme: 'dark', isMobile: true, hasTouch: true },
];

const browser = await launchChromium();
const found = new Map(); // page|rule|target -> {details, modes[]}
const review = new Map(); // rule -> Set(pages)
let runs = 0;
try {
  for (const mode of MODES) {
    const { name, ...options } = mode;
    const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const file of pages) {
      const where = rel(site, file);
      let result;
      try {
        await page.goto(fileUrl(file), { waitUntil: 'load', timeout: 30_000 });
        await page.addScriptTag({ path: axePath });
        result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations', 'incomplete'],
        }));
      } catch (e) {
        result = { incomplete: [], violations: [{ id: 'axe-could-not-run', impact: 'critical', help: e.message.split('\n')[0],
          helpUrl: '', nodes: [{ target: ['html'], html: '', failureSummary: '' }] }] };
      }
      runs++;
      for (const v of result.violations) {
        for (const node of v.nodes) {
          const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' , ');
          const key = `${where}|${v.id}|${target}`;
          if (!found.has(key)) {
            found.set(key, { where, id: v.id, impact: v.impact, help: v.help, url: v.helpUrl, target,
              html: node.html.length > 200 ? node.html.slice(0, 197) + '...' : node.html,
              why: (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' '), modes: [] });
          }
          found.get(key).modes.push(name);
        }
      }
      for (const v of result.incomplete) {
        if (!review.has(v.id)) review.set(v.id, new Set());
        review.get(v.id).add(where);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}

if (review.size) {
  console.log('Needs manual review (axe "incomplete", not failing):');
  for (const [id, where] of review) console.log(`  ${id}: ${[...where].join(', ')}`);
}
console.log(`Ran axe-core on ${pages.length} pages x ${MODES.length} modes (${MODES.map((m) => m.name).join(', ')}) = ${runs} runs.`);
if (found.size) {
  console.log(`\nFAIL: ${found.size} accessibility violation(s):`);
  const shown = new Map(); // page|rule -> elements printed (at most 5 each, the rest counted)
  for (const f of found.values()) {
    const group = `${f.where}|${f.id}`;
    const n = (shown.get(group) ?? 0) + 1;
    shown.set(group, n);
    if (n > 5) continue;
    console.log(`\n  ${f.where}  [${f.id}] (${f.impact})  ${f.help}`);
    console.log(`    target:  ${f.target}`);
    console.log(`    html:    ${f.html}`);
    if (f.why) console.log(`    why:     ${f.why}`);
    console.log(`    in:      ${f.modes.length === MODES.length ? 'all modes' : f.modes.join(', ')}`);
    console.log(`    rule:    ${f.url}`);
  }
  for (const [group, n] of shown) if (n > 5) console.log(`\n  ${group.replace('|', '  [')}]: ... and ${n - 5} more element(s)`);
  const byRule = new Map();
  for (const f of found.values()) {
    const r = byRule.get(f.id) ?? { n: 0, pages: new Set() };
    r.n++; r.pages.add(f.where); byRule.set(f.id, r);
  }
  console.log('\n  By rule:');
  for (const [id, r] of byRule) console.log(`    ${id}: ${r.n} element(s) on ${r.pages.size} page(s)`);
  process.exit(1);
}
console.log('OK: no WCAG 2.1 A/AA violations found by axe-core.');
