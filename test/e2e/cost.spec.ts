/**
 * The cost crossover calculator (/cost/) in real Chromium against the built site: the note's
 * example as the page opens (and without JavaScript), new numbers giving new results and a new
 * chart, bad input explained without losing the last good result, keyboard-only use, the
 * address as a link to a scenario, printing, search, and the page working offline.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const field = (page: Page, name: RegExp) => page.getByRole('textbox', { name });
const requests = (page: Page) => field(page, /^Requests per month/);
const duration = (page: Page) => field(page, /^Average duration/);
const servers = (page: Page) => field(page, /^Servers/);
const total = (page: Page, which: 'servers' | 'serverless') => page.locator(`[data-total="${which}"] dd`);
const chart = (page: Page) => page.getByRole('img', { name: /Monthly cost of servers and serverless/ });

test("opens on the note's example: ~$90 of servers, ~$1.03 of serverless, and where they cross", async ({
  page,
}) => {
  await page.goto('/cost/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Serverless or servers: the cost crossover',
  );
  await expect(requests(page)).toHaveValue('1,000,000');
  await expect(duration(page)).toHaveValue('200');
  await expect(field(page, /^Memory/)).toHaveValue('256');
  await expect(servers(page)).toHaveValue('3');
  await expect(total(page, 'servers')).toHaveText('$89.86');
  await expect(total(page, 'serverless')).toHaveText('$1.03');
  await expect(page.locator('.cost-verdict')).toHaveText(
    'Serverless is cheaper by $88.82 a month: servers cost 87× as much.',
  );
  await expect(page.locator('.cost-break-even')).toContainText('86,957,279 requests a month');
  await expect(page.locator('.cost-break-even')).toContainText('33.5 requests a second');
  // The sums, as the note writes them.
  await expect(page.getByText('3 × $0.0416/h × 720 h = $89.86/month')).toBeVisible();
  await expect(page.getByText('$0.0000166667 × 50,000 + $0.20 = $1.03/month')).toBeVisible();
  // The chart, named and described, with its numbers as a table too.
  await expect(chart(page)).toBeVisible();
  await expect(chart(page)).toHaveAccessibleDescription(/The lines cross at 86,957,279 requests a month/);
  await page.getByText('The chart as a table').click();
  await expect(
    page.getByRole('row', { name: /1,000,000 \(your volume\) \$89\.86 \$1\.03 Serverless/ }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /86,957,279 \(break-even\) .* Same cost/ })).toBeVisible();
  // Prices as data, dated, from the note's section.
  await expect(page.getByText(/Prices as of 24 November 2026, in USD/)).toBeVisible();
  await expect(page.getByText(/leaves out the free tier/)).toBeVisible();
  await page.getByRole('link', { name: /Cost Model$/ }).click();
  await expect(page).toHaveURL(/\/notes\/architecture-paradigms\/#cost-model$/);
  await expect(page.getByRole('heading', { name: 'Cost Model' })).toBeInViewport();
});

test('new numbers give new results and a new chart, and the address keeps them', async ({ page }) => {
  await page.goto('/cost/');
  const before = await chart(page).innerHTML();
  await requests(page).fill('1B');
  await expect(total(page, 'serverless')).toHaveText('$1,033.34');
  await expect(total(page, 'servers')).toHaveText('$89.86');
  await expect(page.locator('.cost-verdict')).toHaveText(
    'Servers are cheaper by $943.48 a month: serverless costs 11× as much.',
  );
  await expect(page.locator('.chart-marker-label', { hasText: 'you: 1B' })).toBeVisible();
  expect(await chart(page).innerHTML()).not.toBe(before);
  await expect(page).toHaveURL(/\/cost\/\?requests=1000000000&duration=200&memory=256&servers=3$/);

  // More servers: a higher flat line, so a later break-even.
  await servers(page).fill('6');
  await expect(total(page, 'servers')).toHaveText('$179.71');
  await expect(page.locator('.cost-break-even')).toContainText('173,914,558 requests a month');
  await expect(page.locator('[data-out="serversWhat"]')).toHaveText('6 × t3.medium');

  // The address is a link to this scenario.
  await page.reload();
  await expect(requests(page)).toHaveValue('1000000000');
  await expect(total(page, 'servers')).toHaveText('$179.71');

  // No servers: nothing to break even with, and no server line.
  await servers(page).fill('0');
  await expect(page.locator('.cost-break-even')).toContainText('none: with no servers');
  await expect(page.locator('.chart-line-server')).toHaveCount(1); // the legend's swatch only

  // Back to the note's example, and a clean address.
  await page.getByRole('button', { name: "Back to the note's example" }).click();
  await expect(requests(page)).toHaveValue('1,000,000');
  await expect(total(page, 'serverless')).toHaveText('$1.03');
  await expect(page).toHaveURL(/\/cost\/$/);

  // The result is announced once the reader pauses, in one live region.
  await expect(page.locator('[data-cost-status]')).toHaveText(
    /^Servers \$89\.86 a month, serverless \$1\.03 a month\. Serverless is cheaper/,
  );
});

test('bad input is explained at the field and keeps the last good result', async ({ page }) => {
  await page.goto('/cost/');
  await duration(page).fill('300');
  await expect(total(page, 'serverless')).toHaveText('$1.45');

  await duration(page).fill('fast');
  // Not recalculated, and said so; the message waits until the reader leaves the field.
  await expect(page.getByText(/^Not recalculated/)).toBeVisible();
  await expect(total(page, 'serverless')).toHaveText('$1.45');
  await expect(duration(page)).not.toHaveAttribute('aria-invalid');
  await duration(page).press('Tab');
  const message = '“fast” is not a number: enter the average duration in milliseconds in digits.';
  await expect(page.getByText(message)).toBeVisible();
  await expect(duration(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(duration(page)).toHaveAccessibleDescription(
    new RegExp(`Per request, 1 to 900,000 ms.*${message}`),
  );
  // Nothing the reader typed is reset; the results are still the last good ones.
  await expect(duration(page)).toHaveValue('fast');
  await expect(total(page, 'serverless')).toHaveText('$1.45');
  await expect(page).toHaveURL(/duration=300/);

  // Too long for a function, then fixed.
  await duration(page).fill('1000000');
  await expect(page.getByText(/A function runs at most 900,000 ms \(15 minutes\)/)).toBeVisible();
  await duration(page).fill('100');
  await expect(page.getByText(/A function runs at most/)).toBeHidden();
  await expect(duration(page)).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText(/^Not recalculated/)).toBeHidden();
  await expect(total(page, 'serverless')).toHaveText('$0.62');

  // A link with bad numbers shows its messages at once.
  await page.goto('/cost/?requests=lots&memory=64');
  await expect(page.getByText('Memory is 128 to 10,240 MB.')).toBeVisible();
  await expect(page.getByText(/“lots” is not a number/)).toBeVisible();
  await expect(total(page, 'servers')).toHaveText('$89.86');
});

test('keyboard only: every field, the messages, Enter and the reset button', async ({ page }) => {
  await page.goto('/cost/');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Enter');
  for (let i = 0; i < 10 && !(await requests(page).evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(requests(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('50M');
  await page.keyboard.press('Tab');
  await expect(duration(page)).toBeFocused();
  await expect(total(page, 'serverless')).toHaveText('$51.67');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Enter the average duration in milliseconds.')).toBeVisible();
  // Enter in a field submits: every message shows, and focus goes to the first bad field.
  await expect(field(page, /^Memory/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(duration(page)).toBeFocused();
  await page.keyboard.type('200');
  await expect(page.getByText('Enter the average duration in milliseconds.')).toBeHidden();
  // Memory, servers, "Update results", then the reset button.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  const reset = page.getByRole('button', { name: "Back to the note's example" });
  await expect(reset).toBeFocused();
  const outline = await reset.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'focus is visible').not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(requests(page)).toHaveValue('1,000,000');
  await expect(total(page, 'serverless')).toHaveText('$1.03');
  // The chart's table opens from the keyboard.
  await page.getByText('The chart as a table').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table')).toBeVisible();
});

test("without JavaScript the page shows the note's example, its sums and its chart", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/cost/');
  await expect(total(page, 'servers')).toHaveText('$89.86');
  await expect(total(page, 'serverless')).toHaveText('$1.03');
  await expect(page.locator('.cost-break-even')).toContainText('86,957,279 requests a month');
  await expect(chart(page)).toBeVisible();
  await expect(page.getByText(/Recalculating needs JavaScript/)).toBeVisible();
  await expect(page.getByRole('button', { name: "Back to the note's example" })).toBeHidden();
  await context.close();
});

test('prints the results and the chart without the navigation, on at most two pages', async ({ page }) => {
  await page.goto('/cost/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(chart(page)).toBeVisible();
  await expect(page.getByRole('button', { name: "Back to the note's example" })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  expect(pages).toBeLessThanOrEqual(2);
});

test('found by search under "Compare & decide"', async ({ page }) => {
  await page.goto('/search/?q=break-even&type=compare');
  const found = page.locator('[data-search-page-results]').getByRole('link');
  await expect(found.first()).toHaveAttribute('href', /^\/cost\//);
  await expect(found.first()).toContainText('Compare & decide');
});

test('works offline after one visit: it is precached and recomputes with the network off', async ({
  browser,
}) => {
  const sw = readFileSync('dist/sw.js', 'utf8');
  expect(sw).toContain('"cost/index.html"');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await context.setOffline(true);
  await page.goto('/cost/?servers=1');
  await expect(total(page, 'servers')).toHaveText('$29.95');
  await requests(page).fill('10M');
  await expect(total(page, 'serverless')).toHaveText('$10.33');
  await context.close();
});
