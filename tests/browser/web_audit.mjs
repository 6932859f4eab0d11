// The audit area in Chromium: the drafts' scorecards, a draft's heatmap (click a cell, land on
// its finding), the trend across the three demo drafts drawn by Chart.js with its table; at a
// laptop's 1100 px and a phone's 390 px.
import { expect, withServer } from './web_harness.mjs';

async function noHorizontalOverflow(page, what) {
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow <= 1, `${what}: the page is ${overflow}px wider than the screen`);
}

await withServer('web_audit', async ({ page, base, shot }) => {
  await page.goto(`${base}/audit`);
  const drafts = await page.locator('table.audit-drafts tbody tr').count();
  expect(drafts >= 3, `the audit page lists ${drafts} drafts`);
  await shot('list-1100');

  // The final draft's heatmap.
  const link = page.locator('table.audit-drafts a', { hasText: 'A/AC.999/L.2' }).first();
  await Promise.all([page.waitForURL(/\/audit\/\d+$/), link.click()]);
  const cells = page.locator('table.audit-heat td a');
  expect(await cells.count() > 10, 'the heatmap has almost no cells');
  // Every cell carries a symbol and a count, not a colour only.
  const texts = await cells.evaluateAll((links) => links.map((a) => a.textContent.trim()));
  expect(texts.every((text) => /^[✓?✗]\d+$/.test(text)), `cell texts: ${texts.slice(0, 5)}`);
  await shot('heatmap-1100');

  // Clicking a violated cell (else the first) lands on its finding.
  const violated = page.locator('table.audit-heat td.o-violated a');
  const cell = (await violated.count()) > 0 ? violated.first() : cells.first();
  const href = await cell.getAttribute('href');
  await cell.click();
  await page.waitForFunction((hash) => window.location.hash === hash, href);
  const target = await page.evaluate(() => document.querySelector(':target'));
  expect(target !== null, 'the cell link lands on nothing');
  const finding = page.locator(`article.audit-finding${href}`);
  expect(await finding.isVisible(), `finding ${href} is not visible`);
  const outcome = await finding.locator('.outcome').textContent();
  const cellClass = await cell.evaluate((a) => a.parentElement.className);
  expect(cellClass === `o-${outcome}`, `cell ${cellClass} opened a ${outcome} finding`);
  await page.screenshot({ path: `${process.env.TW_ARTEFACTS}/web_audit-finding-1100.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(page.url().split('#')[0]);
  await noHorizontalOverflow(page, 'the heatmap on a phone');
  await shot('heatmap-390');

  // The trend: Chart.js draws on the canvas; the table holds the same numbers.
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${base}/audit`);
  await Promise.all([page.waitForURL(/\/audit\/trend\?/), page.click('.audit-trends a')]);
  await page.waitForSelector('#audit-trend-chart[data-rendered="4"]');
  const drawn = await page.$eval('#audit-trend-chart', (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    return { width: canvas.width, height: canvas.height, inked };
  });
  expect(drawn.width > 300 && drawn.height > 100 && drawn.inked > 1000,
    `the chart canvas is ${JSON.stringify(drawn)}`);
  const rows = await page.locator('table.audit-trend-table tbody tr').count();
  expect(rows === 3, `the trend table has ${rows} drafts`);
  const chart = JSON.parse(await page.getAttribute('#audit-trend-chart', 'data-chart'));
  const firstViolated = await page.textContent('table.audit-trend-table tbody tr:first-child td:nth-child(3)');
  expect(Number(firstViolated) === chart.series[0].data[0],
    `table ${firstViolated} vs chart ${chart.series[0].data[0]}`);
  await shot('trend-1100');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.waitForSelector('#audit-trend-chart[data-rendered="4"]');
  await noHorizontalOverflow(page, 'the trend on a phone');
  await shot('trend-390');
});
