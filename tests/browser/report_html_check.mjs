// Opens a treatywatch HTML report in Debian's Chromium (headless, through playwright-core) and
// checks what a reader's browser would: no console error or warning, no page error, no request
// other than the file itself (the page must be standalone), <del> and <ins> present, every
// in-page link landing on an element (moves are linked both ways), keyboard reach (the first Tab
// lands on the skip link, which is visible when focused). Saves a full-page screenshot.
// KIND says which report it is: `redline` (the default; <del>/<ins> and move links), `audit`
// (a heatmap whose every cell links to its finding), `trend` (a list of changes), `matrix`
// (the positions or agreement heatmap: every cell carries a letter or number, not only colour)
// or `briefing` (a fact-check briefing: a section per actor reached from the contents, every
// verdict badge and needs-review marker in words, every quote with its citation, the internal
// draft banner on a page showing unpublished fact-checks, links to sources allowed but never
// loaded, and Tab walking every link in page order with a visible focus ring) or `trace` (a
// draft with its reused passages marked: every source in the legend keyed by a number, not only
// a colour, every mark in a legend colour, the first piece of each passage numbered, and no
// horizontal scrolling on a 390 px phone, whose screenshot is saved as SCREENSHOT-phone.png).
//
//   node tests/browser/report_html_check.mjs REPORT.html SCREENSHOT.png [KIND]
//
// Exit 0: passed; 1: failed (one line on stderr says why); 77: skipped, because
// playwright-core (npm ci in the repository root) or Chromium (/usr/bin/chromium, Debian
// package chromium) is missing; 2: usage.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const kChromium = process.env.TW_CHROMIUM || '/usr/bin/chromium';
const kTimeoutMs = 60000;

function fail(message) {
  process.stderr.write(`report_html_check: ${message}\n`);
  process.exit(1);
}

function skip(message) {
  process.stdout.write(`report_html_check: skipped: ${message}\n`);
  process.exit(77);
}

const [htmlPath, screenshotPath, kind = 'redline'] = process.argv.slice(2);
if (!htmlPath || !screenshotPath) {
  process.stderr.write('usage: node report_html_check.mjs REPORT.html SCREENSHOT.png [KIND]\n');
  process.exit(2);
}
if (!['redline', 'audit', 'trend', 'matrix', 'briefing', 'trace'].includes(kind)) {
  process.stderr.write(
    `report_html_check: unknown kind ${kind} (redline, audit, trend, matrix, briefing, trace)\n`);
  process.exit(2);
}
if (!existsSync(htmlPath)) fail(`no such file: ${htmlPath}`);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (error) {
  skip(`playwright-core is not installed (run npm ci in the repository root): ${error.message}`);
}
if (!existsSync(kChromium)) skip(`Chromium not found at ${kChromium} (Debian package chromium)`);

const pageUrl = pathToFileURL(resolve(htmlPath)).href;
const problems = [];
const browser = await chromium.launch({
  executablePath: kChromium,
  headless: true,
  // Root in a container has no user namespaces for the sandbox; the page is our own file.
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(kTimeoutMs);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    problems.push(`request for anything but the page itself: ${url}`);
    return route.abort();
  });

  const response = await page.goto(pageUrl, { waitUntil: 'load' });
  if (response && !response.ok()) problems.push(`loading the page: status ${response.status()}`);

  const facts = await page.evaluate((reportKind) => {
    const ids = new Set([...document.querySelectorAll('[id]')].map((element) => element.id));
    const links = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    // A briefing links to where a claim can be heard or read; such a link is followed only on a
    // click (the route check below would catch any load).
    const external = (href) => reportKind === 'briefing' && /^https?:\/\/[^/]/i.test(href);
    const blank = (elements) => elements.filter((element) => element.textContent.trim() === '');
    return {
      lang: document.documentElement.lang,
      dels: document.querySelectorAll('del').length,
      inses: document.querySelectorAll('ins').length,
      scripts: document.querySelectorAll('script, iframe, object, embed, img').length,
      brokenLinks: links.filter((href) => !external(href) &&
                                          (!href.startsWith('#') || !ids.has(href.slice(1)))),
      moveStubs: [...document.querySelectorAll('.moved-stub')].map((stub) => ({
        id: stub.id,
        to: stub.querySelector('a')?.getAttribute('href') ?? '',
      })),
      linksToStubs: links.filter((href) => href.startsWith('#was-')),
      headings: document.querySelectorAll('h1').length,
      heatLinks: document.querySelectorAll('.heat td a').length,
      heatTargets: [...document.querySelectorAll('.heat td a')]
        .filter((a) => document.getElementById(a.getAttribute('href').slice(1))?.classList
          .contains('finding')).length,
      trendChanges: document.querySelectorAll('.changes > li').length,
      matrixCells: document.querySelectorAll('.matrix td').length,
      blankMatrixCells: [...document.querySelectorAll('.matrix td')]
        .filter((td) => td.textContent.trim() === '').length,
      tableHeaders: document.querySelectorAll('th[scope]').length,
      actorSections: [...document.querySelectorAll('section.actor')].map((section) => section.id),
      actorHeadings: document.querySelectorAll('section.actor > h2').length,
      contentsLinks: [...document.querySelectorAll('nav .toc a')]
        .map((a) => a.getAttribute('href')),
      claims: document.querySelectorAll('article.claim').length,
      claimHeadings: document.querySelectorAll('article.claim > h3').length,
      verdicts: document.querySelectorAll('.verdict').length,
      blankVerdicts: blank([...document.querySelectorAll('.verdict')]).length,
      claimVerdicts: document.querySelectorAll('article.claim .verdict').length,
      blankMarkers: blank([...document.querySelectorAll('.needs-review, .status')]).length,
      quotes: document.querySelectorAll('figure.evidence > blockquote').length,
      citations: [...document.querySelectorAll('figure.evidence > figcaption')]
        .filter((caption) => caption.textContent.trim() !== '').length,
      unpublished: document.querySelectorAll('article.claim .status').length,
      draftBanner: document.querySelectorAll('.draft-banner').length,
      marks: document.querySelectorAll('mark.from').length,
      numberedMarks: document.querySelectorAll('mark.from > sup').length,
      legendKeys: [...document.querySelectorAll('.sources .key')].map((key) => ({
        number: key.textContent.replace(/\D/g, ''),
        colour: getComputedStyle(key).backgroundColor,
      })),
      markColours: [...new Set([...document.querySelectorAll('mark.from')]
        .map((mark) => getComputedStyle(mark).backgroundColor))],
      nestedMarks: document.querySelectorAll('mark mark, p p').length,
    };
  }, kind);
  if (facts.lang !== 'en') problems.push(`<html lang> is "${facts.lang}", not "en"`);
  if (kind === 'redline' && (facts.dels === 0 || facts.inses === 0)) {
    problems.push(`expected <del> and <ins>, found ${facts.dels} and ${facts.inses}`);
  }
  if (kind === 'audit') {
    if (facts.heatLinks === 0) problems.push('the heatmap has no linked cell');
    if (facts.heatTargets !== facts.heatLinks) {
      problems.push(`${facts.heatLinks - facts.heatTargets} heatmap cells do not link to a finding`);
    }
  }
  if (kind === 'trend' && facts.trendChanges === 0) problems.push('the trend lists no change');
  if (kind === 'matrix') {
    if (facts.matrixCells === 0) problems.push('the matrix has no cell');
    if (facts.blankMatrixCells > 0) {
      problems.push(`${facts.blankMatrixCells} matrix cells say nothing but their colour`);
    }
  }
  if (kind === 'briefing') {
    if (facts.actorSections.length === 0 && facts.claims > 0) {
      problems.push('claims outside any actor section');
    }
    if (facts.actorHeadings !== facts.actorSections.length) {
      problems.push(`${facts.actorSections.length} actor sections but ${facts.actorHeadings} ` +
                    'actor headings');
    }
    const expected = facts.actorSections.map((id) => `#${id}`).join(' ');
    if (facts.contentsLinks.join(' ') !== expected) {
      problems.push(`the contents link "${facts.contentsLinks.join(' ')}", not the sections in ` +
                    `page order "${expected}"`);
    }
    if (facts.claimHeadings !== facts.claims) {
      problems.push(`${facts.claims - facts.claimHeadings} claims without a heading`);
    }
    if (facts.verdicts === 0) problems.push('no verdict badge');
    if (facts.claimVerdicts !== facts.claims) {
      problems.push(`${facts.claims} claims but ${facts.claimVerdicts} verdict badges`);
    }
    if (facts.blankVerdicts + facts.blankMarkers > 0) {
      problems.push(`${facts.blankVerdicts + facts.blankMarkers} badges say nothing but their ` +
                    'colour');
    }
    if (facts.citations !== facts.quotes) {
      problems.push(`${facts.quotes - facts.citations} evidence quotes without a citation`);
    }
    if (facts.unpublished > 0 && facts.draftBanner === 0) {
      problems.push(`${facts.unpublished} unpublished fact-checks but no internal-draft banner`);
    }
  }
  if (kind === 'trace') {
    if (facts.marks === 0) problems.push('no marked passage');
    if (facts.numberedMarks === 0) problems.push('no passage carries its source number');
    if (facts.nestedMarks > 0) problems.push(`${facts.nestedMarks} nested marks or paragraphs`);
    const numbers = facts.legendKeys.map((key) => key.number);
    if (numbers.length === 0 || numbers.some((number, k) => number !== String(k + 1))) {
      problems.push(`legend keys numbered "${numbers.join(' ')}", not 1 to ${numbers.length}`);
    }
    const legendColours = new Set(facts.legendKeys.map((key) => key.colour));
    const stray = facts.markColours.filter((colour) => !legendColours.has(colour));
    if (stray.length > 0) problems.push(`marks in colours the legend lacks: ${stray.join(' ')}`);
  }
  if (facts.scripts > 0) problems.push(`${facts.scripts} script, frame, object or image elements`);
  if (facts.brokenLinks.length > 0) {
    problems.push(`links that land nowhere: ${facts.brokenLinks.join(' ')}`);
  }
  for (const stub of facts.moveStubs) {
    if (!stub.to.startsWith('#')) problems.push(`moved-to stub #${stub.id} has no link`);
    if (!facts.linksToStubs.includes(`#${stub.id}`)) {
      problems.push(`nothing links back to the former place #${stub.id}`);
    }
  }
  if (facts.headings !== 1) problems.push(`${facts.headings} <h1> elements, expected 1`);
  if (facts.tableHeaders === 0) problems.push('no <th scope> in the tables');

  // Keyboard: the first Tab reaches the skip link, and it shows itself.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    return { className: element.className, top: box.top, height: box.height };
  });
  if (focused.className !== 'skip-link' || focused.top < 0 || focused.height === 0) {
    problems.push(`first Tab focused "${focused.className}" at top ${focused.top}, not the ` +
                  'visible skip link');
  }
  // Briefing: Tab after the skip link walks the links in page order, each with a focus ring.
  if (kind === 'briefing') {
    const walk = await page.evaluate(() => {
      const order = [...document.querySelectorAll('a[href]')];
      order.forEach((link, index) => { link.dataset.twFocusOrder = String(index); });
      return order.length;
    });
    const steps = Math.min(walk - 1, 60);
    for (let step = 1; step <= steps; ++step) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const element = document.activeElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          order: Number(element.dataset?.twFocusOrder ?? -1),
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
          visible: box.width > 0 && box.height > 0,
          text: element.textContent.trim().slice(0, 40),
        };
      });
      if (now.order !== step) {
        problems.push(`Tab ${step + 1} focused link ${now.order} ("${now.text}"), not link ` +
                      `${step} in page order`);
        break;
      }
      if (!now.ring || !now.visible) {
        problems.push(`Tab ${step + 1} focused "${now.text}" without a visible focus ring`);
        break;
      }
    }
  }
  await page.evaluate(() => document.activeElement.blur());

  // Following a move link lands on its target.
  if (facts.moveStubs.length > 0) {
    const target = facts.moveStubs[0].to;
    await page.click(`#${facts.moveStubs[0].id} a`);
    const hash = await page.evaluate(() => window.location.hash);
    if (hash !== target) problems.push(`clicking the move link went to "${hash}", not ${target}`);
  }

  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await context.close();

  if (kind === 'trace') {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phonePage = await phone.newPage();
    await phonePage.goto(pageUrl, { waitUntil: 'load' });
    const widths = await phonePage.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    if (widths.scroll > widths.client) {
      problems.push(`${widths.scroll - widths.client} px of horizontal scrolling at 390 px`);
    }
    await phonePage.screenshot({ path: screenshotPath.replace(/\.png$/, '') + '-phone.png',
                                 fullPage: true });
    await phone.close();
  }
} finally {
  await browser.close();
}

if (problems.length > 0) fail(problems.join('; '));
process.stdout.write(`report_html_check: ok: ${htmlPath} (screenshot ${screenshotPath})\n`);
