// The documents area in Chromium: an analyst uploads the 46-page UN PDF through the form,
// watches the job's progress bar, opens the outline, follows a permalink into the reader
// (whose text elements hold exactly the stored words), copies a permalink, and searches; the
// same pages at a laptop's 1100 px and a phone's 390 px.
import { join } from 'node:path';
import { expect, withServer } from './web_harness.mjs';

const kPdf = 'A-RES-79-243.pdf';

await withServer('web_documents', async ({ page, context, base, login, shot }) => {
  const artefact = (name) => join(process.env.TW_ARTEFACTS, `web_documents-${name}.png`);
  await login('analyst');

  await page.goto(`${base}/`);
  expect(await page.locator('a[href="/documents/upload"]').count() >= 1,
    'the start page offers no upload link to an analyst');
  await shot('home-1100');

  // Upload through the form; the answer is the job page, polled by htmx until done.
  await page.goto(`${base}/documents/upload`);
  await page.setInputFiles('#u-file', join(process.env.TW_CORPUS_DIR, kPdf));
  await page.fill('#u-symbol', 'A/RES/79/243');
  await page.selectOption('#u-kind', 'final');
  await page.fill('#u-date', '2024-12-24');
  await page.fill('#u-title', 'United Nations Convention against Cybercrime');
  await shot('upload-form');
  await Promise.all([page.waitForURL(/\/jobs\/\d+$/), page.click('form.upload button[type=submit]')]);
  expect(await page.locator('.job-progress progress').count() === 1, 'the job page has no <progress>');
  await page.locator('a.document-link').waitFor({ timeout: 180000 });
  const value = await page.getAttribute('.job-progress progress', 'value');
  expect(value === '100', `the finished job's progress is ${value}`);
  await shot('job-done');
  await Promise.all([page.waitForURL(/\/documents\/\d+$/), page.click('a.document-link')]);

  // The outline: 68 articles, each linking into the reader.
  const id = page.url().match(/\/documents\/(\d+)$/)[1];
  expect((await page.textContent('h1')).includes('A/RES/79/243'), 'the outline shows no symbol');
  const articles = await page.locator('.outline-tree a[href*="/read#annex.art"], .outline-tree a[href*="/read#art"]').count();
  expect(articles >= 68, `the outline links ${articles} articles`);
  await shot('outline-1100');

  // A permalink opens the reader at that provision.
  const link = page.locator('.outline-tree a[href$="#annex.art24"], .outline-tree a[href$="#art24"]').first();
  const href = await link.getAttribute('href');
  const path = href.split('#')[1];
  await Promise.all([page.waitForURL(`**${href}`), link.click()]);
  const target = await page.evaluate(() => document.querySelector(':target')?.id);
  expect(target === path, `the reader's :target is ${target}, not ${path}`);
  expect(await page.locator('.reader .bracket').count() === 0 ||
    (await page.locator('.reader .bracket').first().textContent()).startsWith('['),
  'a bracket span does not start with "["');

  // The text element of a paragraph holds exactly the stored words.
  const paragraph = `${path}.p1`;
  const api = await (await page.request.get(`${base}/api/v1/documents/${id}/provisions/${paragraph}`)).json();
  const shown = await page.locator(`[data-doc="${id}"][data-path="${paragraph}"]`).textContent();
  expect(shown === api.text, `the reader shows ${JSON.stringify(shown.slice(0, 80))} for ${paragraph}`);
  await page.screenshot({ path: artefact('reader-1100') });

  // The ¶ link copies its permalink.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  // The ¶ shows on hover or focus, as a reader meets it.
  await page.locator(`[id="${paragraph}"]`).hover();
  await page.locator(`[id="${paragraph}"] a.permalink`).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied === `${base}/documents/${id}/read#${paragraph}`, `copied ${copied}`);

  // Keyboard: the permalinks are reachable and visibly focused.
  await page.locator(`[id="${paragraph}"] a.permalink`).focus();
  expect(await page.evaluate(() => document.activeElement.classList.contains('permalink')),
    'a permalink cannot take the focus');

  // Search finds the new document's words, highlighted.
  await page.goto(`${base}/search?q=${encodeURIComponent('conditions and safeguards')}&document=${id}`);
  const marks = await page.locator('.results mark').count();
  expect(marks > 0, 'search shows no highlighted words');
  await shot('search-1100');

  // A phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/documents/${id}/read#${paragraph}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `the reader is ${overflow} px wider than a phone`);
  await page.screenshot({ path: artefact('reader-390') });
  await page.goto(`${base}/documents/${id}`);
  await shot('outline-390');
  await page.goto(`${base}/documents`);
  await shot('documents-390');
  await page.goto(`${base}/search?q=${encodeURIComponent('conditions and safeguards')}&document=${id}`);
  await shot('search-390');
});
