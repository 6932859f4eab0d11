// Accounts in the browser: each demo role logs in through the form and sees its name in the
// header, then logs out with the header's button; a role-protected page sends an anonymous
// visitor to the login form and back after logging in; a viewer is refused the admin pages; a
// wrong password is answered on the form; the admin adds a user (a hostile name among them,
// shown as text), changes a role and disables the account, and reads it all in the audit log.
// Screenshots: the login page (laptop and phone), the users page, the audit log.
import { expect, kDemoUsers, withServer } from './web_harness.mjs';

await withServer('web_accounts', async ({ page, base, login, shot, localOwner, problems }) => {
  expect(!localOwner, 'the demo database has no users: scripts/demo should add the demo team');
  // Chromium logs a page answered with an error status; where this test expects one, that
  // line is not a problem.
  const expected = (status) => {
    for (let i = problems.length - 1; i >= 0; --i) {
      if (problems[i].includes(`status of ${status}`)) problems.splice(i, 1);
    }
  };

  // Each role logs in through the form, sees its name, logs out with the header's button.
  for (const role of ['viewer', 'analyst', 'editor', 'admin']) {
    await login(role);
    const who = await page.locator('.account .who').innerText();
    expect(who.includes(kDemoUsers[role].name), `header shows "${who}" for ${role}`);
    expect(who.includes(role), `header shows the role ${role}: "${who}"`);
    await Promise.all([page.waitForNavigation(),
      page.click('.account form[action="/logout"] button[type=submit]')]);
    expect(await page.locator('.account a[href="/login"]').count() === 1,
      `after logging out ${role} the header offers "Log in"`);
  }

  // A role-protected page: anonymous → the login form → back to the page.
  await page.goto(`${base}/admin/users`);
  expect(new URL(page.url()).pathname === '/login', `anonymous /admin/users went to ${page.url()}`);
  expect(new URL(page.url()).searchParams.get('next') === '/admin/users', 'next= names the page');
  await shot('login');
  await page.setViewportSize({ width: 390, height: 800 });
  await shot('login-phone');
  await page.setViewportSize({ width: 1100, height: 900 });

  // A wrong password is answered on the form, focusable and announced.
  await page.fill('form.login input[name=name]', kDemoUsers.admin.name);
  await page.fill('form.login input[name=password]', 'not the password at all');
  await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
  const error = await page.locator('[role=alert]').innerText();
  expect(error.includes('wrong user name or password'), `login error: "${error}"`);
  expect(await page.inputValue('form.login input[name=name]') === kDemoUsers.admin.name,
    'the name is kept after a failed login');
  await shot('login-error');
  expected(401);

  await page.fill('form.login input[name=password]', kDemoUsers.admin.password);
  await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
  expect(new URL(page.url()).pathname === '/admin/users', `after login: ${page.url()}`);

  // The admin adds users, one with a hostile name, changes a role and disables an account.
  const hostile = '<script>alert(1)</script>';
  for (const [name, role] of [['demo-new-analyst', 'analyst'], [hostile, 'viewer']]) {
    await page.fill('form.add-user input[name=name]', name);
    await page.selectOption('form.add-user select[name=role]', role);
    await page.fill('form.add-user input[name=password]', 'a long enough password');
    await Promise.all([page.waitForNavigation(), page.click('form.add-user button[type=submit]')]);
    expect(await page.locator('[role=status]').count() === 1, `adding ${name} was confirmed`);
    const row = page.locator('table.users tbody tr', { hasText: name });
    expect(await row.count() === 1, `the users table lists ${name}`);
  }
  expect(await page.locator('table.users script').count() === 0, 'no script element in the table');
  const newRow = page.locator('table.users tbody tr', { hasText: 'demo-new-analyst' });
  await newRow.locator('select[name=role]').selectOption('editor');
  await Promise.all([page.waitForNavigation(),
    newRow.locator('form[action$="/role"] button[type=submit]').click()]);
  const changed = page.locator('table.users tbody tr', { hasText: 'demo-new-analyst' });
  expect((await changed.innerText()).includes('editor'), 'the role changed to editor');
  await Promise.all([page.waitForNavigation(),
    changed.locator('form[action$="/disable"] button[type=submit]').click()]);
  const disabled = page.locator('table.users tbody tr', { hasText: 'demo-new-analyst' });
  expect((await disabled.innerText()).includes('disabled'), 'the account shows as disabled');
  await shot('users');

  // The audit log shows those changes, newest first, under the admin's name.
  await page.goto(`${base}/admin/audit`);
  const first = await page.locator('table.audit-log tbody tr').first().innerText();
  expect(first.includes('user.disable') && first.includes('demo-admin'),
    `newest audit entry: "${first}"`);
  expect((await page.locator('table.audit-log').innerText()).includes(hostile),
    'the hostile name appears as text in the audit log');
  expect(await page.locator('table.audit-log script').count() === 0, 'no script in the log');
  await shot('audit-log');

  // A viewer is refused the admin pages.
  await page.click('.account form[action="/logout"] button[type=submit]');
  await page.waitForURL(`${base}/`);
  await login('viewer');
  const refused = await page.goto(`${base}/admin/users`);
  expect(refused.status() === 403, `a viewer got ${refused.status()} for /admin/users`);
  expected(403);
  // The disabled account cannot log in.
  await page.click('.account form[action="/logout"] button[type=submit]');
  await page.waitForURL(`${base}/`);
  await page.goto(`${base}/login`);
  await page.fill('form.login input[name=name]', 'demo-new-analyst');
  await page.fill('form.login input[name=password]', 'a long enough password');
  await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
  expect(new URL(page.url()).pathname === '/login', 'a disabled account stays on the login page');
  expected(401);
});
