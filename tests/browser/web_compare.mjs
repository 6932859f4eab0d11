// The compare area in Chromium: pick two demo drafts (the zero draft A/AC.999/3 and the final
// A/AC.999/L.2) in the grouped selects, read the summary and the inline redline, switch to side
// by side with the real link, fetch a download, follow an article to its history; at a laptop's
// 1100 px and a phone's 390 px, where side by side becomes one column and nothing overflows.
import { expect, withServer } from './web_harness.mjs';

// The option of `select` whose label holds `symbol` followed by the date separator.
async function optionValue(page, select, symbol) {
  return page.$eval(select, (element, wanted) => {
    const option = [...element.options].find((o) => o.textContent.includes(`${wanted} ·`));
    return option ? option.value : '';
  }, symbol);
}

async function noHorizontalOverflow(page, what) {
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow <= 1, `${what}: the page is ${overflow}px wider than the screen`);
}

await withServer('web_compare', async ({ page, base, shot }) => {
  await page.goto(`${base}/compare`);
  expect(await page.locator('#compare-old optgroup').count() >= 1, 'no instrument group');
  const oldId = await optionValue(page, '#compare-old', 'A/AC.999/3');
  const newId = await optionValue(page, '#compare-new', 'A/AC.999/L.2');
  expect(oldId && newId, 'the demo drafts are not offered');
  // The defaults are the chain's last two versions.
  const defaultNew = await page.$eval('#compare-new', (s) => s.value);
  expect(defaultNew === newId, `the later text defaults to ${defaultNew}, not the final draft`);
  await page.selectOption('#compare-old', oldId);
  await page.selectOption('#compare-new', newId);
  await shot('picker');
  await Promise.all([page.waitForURL(new RegExp(`/compare/${oldId}/${newId}$`)),
    page.click('form.compare-picker button[type=submit]')]);

  // Summary and inline redline.
  const heading = await page.textContent('h1');
  expect(heading.includes('A/AC.999/3') && heading.includes('A/AC.999/L.2'), `h1 is ${heading}`);
  expect(await page.locator('.compare-counts li').count() === 9, 'the summary counts are missing');
  const renumbered = await page.textContent('.count-renumbered .count-value');
  const api = await (await page.request.get(
    `${base}/api/v1/diff?old=${oldId}&new=${newId}`)).json();
  expect(Number(renumbered) === api.summary.renumbered,
    `the page says ${renumbered} renumbered, the API ${api.summary.renumbered}`);
  expect(await page.locator('.compare-result div.redline del').count() > 0, 'no <del> inline');
  expect(await page.locator('.compare-result div.redline ins').count() > 0, 'no <ins> inline');
  expect(await page.locator('table.redline-columns').count() === 0, 'side by side shown inline');
  await shot('inline-1100');

  // A per-article anchor from the contents.
  const tocLink = page.locator('#contents a').first();
  const anchor = (await tocLink.getAttribute('href')).slice(1);
  await tocLink.click();
  const target = await page.evaluate(() => document.querySelector(':target')?.id);
  expect(target === anchor, `the contents link lands on ${target}, not ${anchor}`);

  // Side by side, by the real link (keyboard: focus it and press Enter); the anchor is kept.
  await page.focus('.view-switch a:has-text("Side by side")');
  await Promise.all([page.waitForURL(/view=side/), page.keyboard.press('Enter')]);
  expect(page.url().endsWith(`#${anchor}`), `the switch lost the article: ${page.url()}`);
  expect(await page.locator('table.redline-columns').count() > 0, 'no side-by-side table');
  expect(await page.locator('table.redline-columns td.side-old del').count() > 0,
    'the earlier column shows no deletion');
  expect(await page.locator('table.redline-columns td.side-new ins').count() > 0,
    'the later column shows no insertion');
  expect(await page.locator('table.redline-columns td.side-old ins').count() === 0,
    'an insertion in the earlier column');
  const columns = await page.locator('table.redline-columns').first().evaluate((table) => {
    const cells = table.querySelectorAll('tbody tr:first-child td');
    return [...cells].map((cell) => cell.getBoundingClientRect().left);
  });
  expect(columns.length === 2 && columns[1] > columns[0] + 100, `columns at ${columns}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('side-1100');

  // A download is a file, not a page.
  const docx = await page.request.get(`${base}/compare/${oldId}/${newId}/download.docx`);
  expect(docx.status() === 200, `docx download answered ${docx.status()}`);
  expect((docx.headers()['content-disposition'] || '').startsWith('attachment;'),
    'the docx download is not an attachment');
  expect(await page.locator('.downloads a[download]').count() === 4, 'not four download links');

  // The phone: one column, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/compare/${oldId}/${newId}?view=side`);
  const stacked = await page.locator('table.redline-columns').first().evaluate((table) => {
    const cells = table.querySelectorAll('tbody tr:first-child td');
    return [...cells].map((cell) => cell.getBoundingClientRect().left);
  });
  expect(stacked.every((left) => Math.abs(left - stacked[0]) < 2), `phone columns at ${stacked}`);
  await noHorizontalOverflow(page, 'side by side on a phone');
  await shot('side-390');
  await page.goto(`${base}/compare/${oldId}/${newId}`);
  await noHorizontalOverflow(page, 'inline on a phone');
  await shot('inline-390');

  // The history of one article, from its change.
  await page.setViewportSize({ width: 1100, height: 900 });
  const history = page.locator('.history-link a').first();
  await Promise.all([page.waitForURL(/\/history\?document=\d+&path=/), history.click()]);
  const steps = await page.locator('table.history-steps tbody tr').count();
  expect(steps === 3, `the history lists ${steps} versions, not 3`);
  expect(await page.locator('.history-step .redline').count() >= 1, 'no redline in the history');
  await shot('history-1100');
});
