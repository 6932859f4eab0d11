// The harness of the web UI's browser tests: a private copy of the demo database, a real
// `treatywatch serve` on a free port, Debian's Chromium through playwright-core, and checks
// every page must pass (no console error, no CSP violation, no request leaving the server).
//
// Environment (set by tests/browser/CMakeLists.txt): TW_BINARY, TW_WEB_DB (the fixture
// database; users of kDemoUsers exist in it), TW_ARTEFACTS (screenshots), TW_CORPUS_DIR.
//
// Usage in a test:
//   import { withServer } from './web_harness.mjs';
//   await withServer('web_documents', async ({ page, base, login, shot, check }) => { ... });
// withServer exits the process: 0 passed, 1 failed (one line on stderr), 77 skipped.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const kChromium = process.env.TW_CHROMIUM || '/usr/bin/chromium';
export const kTimeoutMs = 30000;

// The accounts scripts/demo creates, by role (the demo prints them too).
export const kDemoUsers = {
  viewer: { name: 'demo-viewer', password: 'demo-viewer-password' },
  analyst: { name: 'demo-analyst', password: 'demo-analyst-password' },
  editor: { name: 'demo-editor', password: 'demo-editor-password' },
  admin: { name: 'demo-admin', password: 'demo-admin-password' },
};

class TestFailure extends Error {}

export function expect(condition, message) {
  if (!condition) throw new TestFailure(message);
}

function finish(name, code, message) {
  const stream = code === 0 ? process.stdout : process.stderr;
  stream.write(`${name}: ${message}\n`);
  process.exit(code);
}

// Starts `treatywatch serve --port 0 --json` on `db`; resolves with { url, process }.
export function startServer(db, extraArgs = []) {
  return new Promise((resolvePromise, reject) => {
    const server = spawn(process.env.TW_BINARY,
      ['--db', db, '--json', 'serve', '--port', '0', '--quiet', ...extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20000);
    createInterface({ input: server.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        const started = JSON.parse(line);
        resolvePromise({ url: started.url.replace(/\/$/, ''), localOwner: started.local_owner,
          process: server });
      } catch (error) {
        reject(new Error(`unexpected first line from serve: ${line}`));
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
}

export async function withServer(name, body, { freshDatabase = false } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    finish(name, 77, `skipped: playwright-core is not installed (npm ci): ${error.message}`);
  }
  if (!existsSync(kChromium)) finish(name, 77, `skipped: no Chromium at ${kChromium}`);
  for (const variable of ['TW_BINARY', 'TW_WEB_DB', 'TW_ARTEFACTS']) {
    if (!process.env[variable]) finish(name, 2, `${variable} is not set (run through ctest)`);
  }

  const dir = mkdtempSync(join(tmpdir(), `tw-${name}-`));
  const db = join(dir, 'demo.db');
  if (!freshDatabase) copyFileSync(process.env.TW_WEB_DB, db);
  let server;
  let browser;
  const problems = [];
  try {
    server = await startServer(db);
    const base = server.url;
    browser = await chromium.launch({
      executablePath: kChromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--font-render-hinting=none'],
    });
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(kTimeoutMs);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base + '/')) return route.continue();
      problems.push(`request leaving the server: ${url}`);
      return route.abort();
    });

    const tools = {
      page,
      context,
      base,
      db,
      localOwner: server.localOwner,
      // Logs in through the login form as the demo user of `role`. A store without users (the
      // server in local-owner mode) has no login: every visitor is the owner.
      login: async (role) => {
        if (server.localOwner) return;
        const user = kDemoUsers[role];
        await page.goto(`${base}/login`);
        await page.fill('input[name=name]', user.name);
        await page.fill('input[name=password]', user.password);
        await Promise.all([page.waitForNavigation(), page.click('form.login button[type=submit]')]);
        expect(await page.locator('.account .who').count() === 1, `login as ${user.name} failed`);
      },
      logout: async () => {
        await context.clearCookies();
      },
      // A full-page screenshot in the artefacts folder: NAME.png.
      shot: async (shotName) => {
        await page.screenshot({ path: join(process.env.TW_ARTEFACTS, `${name}-${shotName}.png`),
          fullPage: true });
      },
      // Fails the test if the pages so far logged an error, a CSP violation or an outside request.
      check: () => expect(problems.length === 0, problems.join('; ')),
      problems,
    };
    await body(tools);
    tools.check();
  } catch (error) {
    if (browser) await browser.close().catch(() => {});
    if (server) server.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    finish(name, 1, error instanceof TestFailure ? error.message : `${error.stack}`);
  }
  await browser.close();
  server.process.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  finish(name, 0, 'passed');
}
