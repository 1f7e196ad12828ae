// Browser end-to-end check of the LogMaster web UI against a running api-server.
// Run by the lead's end-to-end IT (not by this module's build):
//   LOGMASTER_URL=http://127.0.0.1:8080 LOGMASTER_USER=… LOGMASTER_PASSWORD=… \
//   E2E_NEEDLE=<unique word> E2E_HOSTILE='<script>…' [E2E_SCREENSHOT=out.png] \
//   node e2e/search.e2e.mjs
// Prints "e2e ok" and exits 0, or prints why it failed and exits 1.
import { chromium } from 'playwright-core';

const SEARCH_DEADLINE_MS = Number(process.env.E2E_SEARCH_TIMEOUT_MS ?? 20_000);
const OVERALL_DEADLINE_MS = Number(process.env.E2E_TIMEOUT_MS ?? 120_000);
const RANGE = process.env.E2E_RANGE ?? '24h';

function required(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Text of every results-table message cell, as the DOM holds it (textContent, not HTML). */
async function messageTexts(page) {
  return page.$$eval('table.results-table .message-text', (cells) =>
    cells.map((cell) => cell.textContent ?? ''),
  );
}

async function injectedElements(page) {
  return page.$$eval('table script, table b, table img, table iframe, table svg', (elements) =>
    elements.map((element) => element.outerHTML.slice(0, 120)),
  );
}

async function run(page, dialogs) {
  const baseUrl = required('LOGMASTER_URL').replace(/\/+$/, '');
  const user = required('LOGMASTER_USER');
  const password = required('LOGMASTER_PASSWORD');
  const needle = required('E2E_NEEDLE');
  const hostile = required('E2E_HOSTILE');

  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });

  // Log in.
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const query = page.getByLabel('Query');
  try {
    await query.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    const alert = await page
      .getByRole('alert')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(`login failed${alert ? `: ${alert}` : ' (search page did not appear)'}`);
  }

  // Search for the needle, retrying while the event makes its way through the pipeline.
  await query.fill(needle);
  await page.getByLabel('Time range').selectOption(RANGE); // searches at once
  const deadline = Date.now() + SEARCH_DEADLINE_MS;
  let texts = [];
  for (let attempt = 1; ; attempt++) {
    const pollUntil = Math.min(Date.now() + 2500, deadline);
    while (Date.now() < pollUntil) {
      texts = await messageTexts(page);
      if (texts.includes(hostile)) {
        break;
      }
      await sleep(250);
    }
    if (texts.includes(hostile)) {
      break;
    }
    if (Date.now() >= deadline) {
      const injectedNow = await injectedElements(page);
      if (injectedNow.length > 0) {
        throw new Error(`log text was rendered as HTML: ${injectedNow.join(', ')}`);
      }
      const alert = await page.locator('[role=alert]').allTextContents();
      const count = await page
        .locator('.results-count')
        .textContent()
        .catch(() => '');
      throw new Error(
        `no row with the hostile text after ${attempt} searches for '${needle}' ` +
          `(${count || 'no count'}; ${texts.length} rows; first rows: ${JSON.stringify(texts.slice(0, 3).map((t) => t.slice(0, 200)))}` +
          `${alert.length ? `; error: ${alert.join(' | ')}` : ''})`,
      );
    }
    await query.fill(needle);
    await query.press('Enter');
  }

  // The hostile text is shown as text, and nothing in it became markup.
  const cell = page
    .locator('table.results-table .message-text')
    .filter({ hasText: hostile })
    .first();
  const shown = await cell.evaluate((element) => element.textContent);
  if (shown !== hostile) {
    throw new Error(
      `message cell shows ${JSON.stringify(shown)}, expected ${JSON.stringify(hostile)}`,
    );
  }
  let injected = await injectedElements(page);
  if (injected.length > 0) {
    throw new Error(`log text was rendered as HTML: ${injected.join(', ')}`);
  }

  // Expanding the row shows the raw line and all fields as text too.
  await cell.click();
  const raw = page.locator('table pre.raw-line').first();
  await raw.waitFor({ state: 'visible', timeout: 5000 });
  const rawText = (await raw.textContent()) ?? '';
  if (!rawText.includes(hostile)) {
    throw new Error(`raw line ${JSON.stringify(rawText.slice(0, 300))} lacks the hostile text`);
  }
  await sleep(500); // give any injected onerror handler its chance to fire
  injected = await injectedElements(page);
  if (injected.length > 0) {
    throw new Error(`expanded event was rendered as HTML: ${injected.join(', ')}`);
  }
  if (dialogs.length > 0) {
    throw new Error(`a dialog opened: ${JSON.stringify(dialogs)}`);
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const timer = setTimeout(() => {
    console.error(`e2e FAILED: timed out after ${OVERALL_DEADLINE_MS} ms`);
    process.exit(1);
  }, OVERALL_DEADLINE_MS);
  let failure = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    try {
      await run(page, dialogs);
    } catch (error) {
      failure = error;
    }
    const screenshot = process.env.E2E_SCREENSHOT;
    if (screenshot) {
      await page.screenshot({ path: screenshot, fullPage: true }).catch((error) => {
        console.error(`could not save screenshot ${screenshot}: ${error.message}`);
      });
    }
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
  if (failure !== null) {
    console.error(`e2e FAILED: ${failure instanceof Error ? failure.message : String(failure)}`);
    process.exit(1);
  }
  console.log('e2e ok');
}

main().catch((error) => {
  console.error(`e2e FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
