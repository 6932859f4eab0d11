// The negotiation area in Chromium: the positions matrix heatmap, a recorded vote with its
// tallies and roll call by group, the coalitions, an actor's record over time — read while
// logged out — then an analyst adds a statement through the form (hostile text shown inert).
// Screenshots at laptop (1100 px) and phone (390 px) widths.
import { expect, withServer } from './web_harness.mjs';

const kVote = 'A/AC.999/L.2/Amend.1';
const kHostile = '<script>alert(1)</script> "><img src=x onerror=alert(1)> \'; DROP TABLE documents; --';

await withServer('web_negotiation', async ({ page, base, login, shot, check, problems }) => {
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
  // Both widths of one page: the laptop first, then the phone, then back.
  const shots = async (name) => {
    await shot(`${name}-1100`);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(`${name}-390`);
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 1, `${name}: the page scrolls sideways at 390 px (${overflow} px)`);
    await page.setViewportSize({ width: 1100, height: 900 });
  };

  // The overview.
  await page.goto(`${base}/negotiation`);
  expect(await page.locator('table.sessions tbody tr').count() === 5, 'overview: five sessions');
  await shots('overview');

  // The positions matrix: a letter and a colour in every stance cell, a legend, a caption.
  await page.click('nav.subnav >> text=Positions matrix');
  await page.waitForURL(`${base}/negotiation/positions`);
  const matrix = page.locator('table.positions-matrix');
  expect(await matrix.locator('caption').count() === 1, 'matrix: no caption');
  for (const [stance, letter] of [['support', 'S'], ['oppose', 'O']]) {
    const cells = matrix.locator(`td.stance-${stance}`);
    expect(await cells.count() > 10, `matrix: too few ${stance} cells`);
    expect((await cells.first().innerText()).trim() === letter,
      `matrix: a ${stance} cell does not read ${letter}`);
  }
  expect(await page.locator('ul.legend li').count() >= 5, 'matrix: no legend');
  expect(await matrix.locator('th.subject >> text=art22').count() === 1, 'matrix: no art22 column');
  const draftLink = await matrix.locator('th.subject a').first().getAttribute('href');
  expect(/^\/documents\/\d+\/read#art/.test(draftLink), `matrix: provision link ${draftLink}`);
  await shots('positions');

  // A recorded vote: tallies as bars with numbers, verdicts, by group, the roll call.
  await page.goto(`${base}/negotiation/votes`);
  await page.click(`a:text-is("${kVote}")`);
  await page.waitForURL(`${base}/negotiation/votes/${kVote}`);
  expect(await page.locator('.tally progress').count() === 4, 'vote: four tally bars');
  const yes = Number(await page.locator('.tally-row').first().locator('.tally-count').innerText());
  expect(yes > 0, 'vote: no yes count');
  expect(await page.locator('table.group-tally tbody tr').count() >= 5, 'vote: no group tallies');
  const rollCall = page.locator('details.roll-call').first();
  // Keyboard: the roll call of a group opens from its summary with Enter.
  await rollCall.locator('summary').focus();
  await page.keyboard.press('Enter');
  expect(await rollCall.evaluate((element) => element.open), 'vote: Enter did not open the roll call');
  expect(await rollCall.locator('ul.ballots li').count() > 5, 'vote: empty roll call');
  await shots('vote');

  // Coalitions: blocs with members and agreement scores.
  await page.goto(`${base}/negotiation/coalitions`);
  expect(await page.locator('section.bloc').count() >= 2, 'coalitions: fewer than two blocs');
  expect(/\d+%/.test(await page.locator('section.bloc td').nth(1).innerText()),
    'coalitions: no agreement score');
  await shots('coalitions');

  // An actor's record over time, with cited provisions linked to the reader.
  await page.goto(`${base}/negotiation/actors`);
  await page.click('table >> a:text-is("Egypt")');
  await page.waitForURL(`${base}/negotiation/actors/EGY`);
  expect(await page.locator('table.positions tbody tr').count() > 0, 'actor: no positions');
  expect(await page.locator('article.statement').count() > 0, 'actor: no statements');
  const cited = page.locator('article.statement a.cited').first();
  expect(await cited.count() === 1, 'actor: no cited provision linked');
  expect(/^\/documents\/\d+\/read#art/.test(await cited.getAttribute('href')), 'actor: cited link');
  await shots('actor');

  // An analyst adds a statement; the hostile text comes back as text.
  await login('analyst');
  await page.goto(`${base}/negotiation`);
  await page.click('a:text-is("Add a statement")');
  await page.waitForURL(`${base}/negotiation/statements/new`);
  await page.fill('#actor', 'Brazil');
  await page.selectOption('#session', '5');
  await page.fill('#date', '2026-05-05');
  await page.fill('#text', `Article 22 must keep its safeguards. ${kHostile}`);
  await page.fill('#source-url', 'https://example.org/brazil-session5');
  await shots('statement-form');
  await Promise.all([page.waitForURL(/\/negotiation\/statements\/\d+\?created=1$/),
    page.click('form.record-form button[type=submit]')]);
  const said = await page.locator('blockquote.statement-text').innerText();
  expect(said.includes(kHostile), `statement: the hostile text was not shown as typed: ${said}`);
  expect(await page.locator('img[src=x]').count() === 0, 'statement: an injected image exists');
  expect(await page.locator('a.cited:text-is("art22")').count() === 1, 'statement: art22 not cited');
  expect(await page.locator('a[href="https://example.org/brazil-session5"]').count() === 1,
    'statement: no source link');
  await shots('statement');
  check();
});
