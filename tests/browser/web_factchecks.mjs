// The fact-check area in Chromium: an analyst selects words of a paragraph in the reader of a
// demo draft with the mouse, opens the evidence panel from the keyboard and makes the words
// evidence of a new claim; fills in the verdict and submits the draft for review; an editor
// publishes it; logged out, the public page shows it with its ClaimReview JSON-LD. The desk and
// the public pages at a laptop's 1100 px and a phone's 390 px.
import { expect, withServer } from './web_harness.mjs';

const kDraft = 'A/AC.999/3/Rev.1';
const kParagraph = 'art7.p1';
const kWords = ['intentional', 'system']; // the selection runs from the first to the last word

await withServer('web_factchecks', async ({ page, context, base, login, logout, localOwner, shot }) => {
  await login('analyst');

  // The reader of the first revised draft.
  await page.goto(`${base}/documents`);
  const documentHref = await page.locator('table.documents a', { hasText: kDraft }).first()
    .getAttribute('href');
  const id = documentHref.match(/\/documents\/(\d+)/)[1];
  await page.goto(`${base}/documents/${id}/read#${kParagraph}`);
  const text = page.locator(`[data-doc="${id}"][data-path="${kParagraph}"]`);
  await text.waitFor();
  // The panel's form arrives from /evidence/panel for an analyst.
  await page.locator('#evidence-panel form').waitFor({ state: 'attached' });

  // A real selection: press the mouse on the first word, drag to the end of the last one.
  const box = await text.evaluate((element, words) => {
    const node = [...element.childNodes].find((child) => child.nodeType === Node.TEXT_NODE &&
      child.textContent.includes(words[0]));
    const start = node.textContent.indexOf(words[0]);
    const end = node.textContent.indexOf(words[1], start) + words[1].length;
    const rectAt = (from, to) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      return range.getBoundingClientRect();
    };
    const first = rectAt(start, start + 1);
    const last = rectAt(end - 1, end);
    return { x1: first.left + 1, y1: first.top + first.height / 2,
      x2: last.right - 1, y2: last.top + last.height / 2 };
  }, kWords);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection().toString());
  expect(selected.startsWith('intentional') && selected.trim().endsWith('system'),
    `the mouse selected ${JSON.stringify(selected)}`);

  // The panel shows the quote; "e" moves the keyboard focus into it.
  const panel = page.locator('#evidence-panel');
  await panel.waitFor({ state: 'visible' });
  const quote = await panel.locator('[data-evidence-quote]').textContent();
  expect(quote.includes('intentional access'), `the panel quotes ${quote}`);
  await page.keyboard.press('e');
  const focused = await page.evaluate(() => document.activeElement.id);
  expect(focused === 'evidence-claim', `"e" focused #${focused}, not the claim choice`);
  await page.keyboard.press('Tab'); // to the new claim's words
  await page.keyboard.type('Article 7 of the first revised draft copies the Regional Convention');
  await page.fill('#evidence-claim-actor', 'Japan');
  await page.fill('#evidence-note', 'the offence in the same words');
  await shot('reader-panel');
  await panel.locator('button[type=submit]').click();
  const link = panel.locator('[data-evidence-result] a');
  await link.waitFor();
  const result = await panel.locator('[data-evidence-result]').textContent();
  expect(/a new draft/.test(result), `the panel answered ${result}`);
  await shot('reader-evidence-added');

  // The draft holds the quote, cited and linked to the reader.
  await Promise.all([page.waitForURL(/\/factchecks\/\d+$/), link.click()]);
  const factcheckUrl = page.url();
  const factcheckId = factcheckUrl.match(/\/factchecks\/(\d+)$/)[1];
  const evidence = await page.locator('.fc-evidence blockquote').first().textContent();
  expect(evidence.includes('intentional access, without right'), `the evidence reads ${evidence}`);
  expect(await page.locator(`.fc-evidence a[href="/documents/${id}/read#${kParagraph}"]`).count() === 1,
    'the evidence does not link to its paragraph in the reader');
  await page.selectOption('#fc-verdict', 'accurate');
  await page.fill('#fc-summary', 'Article 7 repeats article 2 of the Regional Convention word for word.');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/edit"] button[type=submit]')]);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/submit"] button')]);
  expect((await page.textContent('h1')).includes('in-review'), 'the fact-check is not in review');
  expect(await page.locator('form[action$="/publish"]').count() === (localOwner ? 1 : 0),
    'an analyst is offered the publish button');

  // An editor publishes it.
  if (!localOwner) {
    await logout();
    await login('editor');
    await page.goto(factcheckUrl);
  }
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/publish"] button')]);
  expect((await page.textContent('h1')).includes('published'), 'the fact-check is not published');
  await shot('published');

  // The desk lists it among the published ones.
  await page.goto(`${base}/factchecks`);
  expect(await page.locator(`#fc-status ~ .fc-columns a[href="/factchecks/${factcheckId}"]`).count() >= 1 ||
    await page.locator(`a[href="/factchecks/${factcheckId}"]`).count() >= 1,
  'the desk does not list the fact-check');
  await shot('desk-1100');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('desk-390');
  await page.setViewportSize({ width: 1100, height: 900 });

  // Logged out, the public page shows it, with its ClaimReview.
  if (!localOwner) await logout();
  await page.goto(`${base}/public/factchecks`);
  await Promise.all([page.waitForURL(`**/public/factchecks/${factcheckId}`),
    page.click(`a[href="/public/factchecks/${factcheckId}"]`)]);
  expect((await page.textContent('.fc-summary')).includes('word for word'),
    'the public page has no summary');
  const jsonld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  expect(jsonld['@type'] === 'ClaimReview' && jsonld.reviewRating.alternateName === 'Accurate',
    `the JSON-LD is ${JSON.stringify(jsonld).slice(0, 200)}`);
  expect(jsonld.claimReviewed.startsWith('Article 7 of the first revised draft'),
    `the JSON-LD reviews ${jsonld.claimReviewed}`);
  if (!localOwner) {
    expect(await page.locator('.account .who').count() === 0, 'still logged in');
    const hidden = await page.request.get(`${base}/api/v1/factchecks?status=draft`);
    expect((await hidden.json()).factchecks.length === 0, 'an anonymous visitor lists drafts');
  }
  await shot('public-1100');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('public-390');
});
