/**
 * A reader with several tabs, in real Chromium (two pages of one browser context share
 * localStorage and the service worker), and an update deployed while tabs are open. The case
 * names come from test/reliability/cases.ts (BROWSER), which README's reliability table counts.
 */
import { type DistServer, serveDist } from './fixture-site.ts';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { BROWSER } from '../reliability/cases.ts';

const [twoQuizzes, staleDeckList, twoReviews] = BROWSER['multi-tab'].map((c) => c.name) as [
  string,
  string,
  string,
];
const [secondReload, oldSearch] = BROWSER.update.map((c) => c.name) as [string, string];

const QUIZ = '/quizzes/serverless-or-servers/';
const DECK = '/flashcards/sessions-and-state/';
const stored = (page: Page, key: string) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

/** Answers the first question and finishes: one attempt saved. */
async function finishQuiz(page: Page) {
  const first = page.locator('li.question').first();
  await first.getByRole('radio').first().check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.locator('.verdict')).toBeVisible();
  await page.getByRole('button', { name: 'See results' }).last().click();
  await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
}

/** Shows the answer of the card on screen. */
async function showAnswer(page: Page) {
  // The "all" deck is large: wait until the review has taken over the page.
  await expect(page.locator('[data-review].is-ready [data-review-flip]')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-review-ratings]')).toBeVisible();
}

async function rate(page: Page, key: string) {
  await showAnswer(page);
  await page.keyboard.press(key);
}

test.describe('multi-tab', () => {
  test(twoQuizzes, async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    // Both open before either finishes: each read the (empty) history at load.
    await a.goto(QUIZ);
    await b.goto(QUIZ);
    await finishQuiz(a);
    await finishQuiz(b);
    expect((await stored(a, 'tradeoffs.quiz-attempts')).data.attempts).toHaveLength(2);
    // The other tab's history line follows (storage event), and a reload shows both.
    await expect(a.getByText(/· 2 attempts$/)).toBeVisible();
    await a.reload();
    await expect(a.getByText(/· 2 attempts$/)).toBeVisible();
  });

  test(staleDeckList, async ({ context }) => {
    const list = await context.newPage();
    await list.goto('/flashcards/');
    const review = await context.newPage();
    await review.goto(DECK);
    for (const key of ['3', '3', '4']) await rate(review, key);
    await expect(review.locator('[data-review-counts]')).toHaveText(
      '17 new cards · 2 learning · 0 reviews due',
    );
    expect((await stored(review, 'tradeoffs.flashcards')).data.log).toHaveLength(3);
    // The list tab was opened before the ratings; it shows them, and a setting keeps them.
    await expect(list.locator('[data-deck="sessions-and-state"] [data-deck-counts]')).toContainText(
      '2 learning',
    );
    const perDay = list.getByLabel(/new cards per day/i);
    await perDay.fill('5');
    await perDay.press('Enter');
    await expect(list.locator('[data-progress-status]')).toHaveText('Up to 5 new cards a day.');
    const after = (await stored(list, 'tradeoffs.flashcards')).data;
    expect(after.log).toHaveLength(3);
    expect(Object.keys(after.cards)).toHaveLength(3);
    expect(after.settings.newPerDay).toBe(5);
  });

  test(twoReviews, async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(DECK);
    await b.goto('/flashcards/all/');
    await rate(a, '3');
    await rate(b, '4');
    await rate(a, '1');
    await rate(b, '3');
    // Another tab's write reaches this one a moment later: wait for it, then all four are there.
    await expect.poll(async () => (await stored(a, 'tradeoffs.flashcards')).data.log.length).toBe(4);
    // A rating arriving from the other tab leaves the answer this tab is reading on screen.
    await showAnswer(b);
    const front = await b.locator('[data-review-front]').textContent();
    const countsB = await b.locator('[data-review-counts]').textContent();
    await rate(a, '3');
    await expect(b.locator('[data-review-counts]')).not.toHaveText(countsB ?? '');
    await expect(b.locator('[data-review-ratings]')).toBeVisible();
    await expect(b.locator('[data-review-front]')).toHaveText(front ?? '');
    await b.keyboard.press('3');
    await expect.poll(async () => (await stored(a, 'tradeoffs.flashcards')).data.log.length).toBe(6);
    await a.reload();
    await expect(a.locator('[data-review-counts]')).not.toHaveText(/^20 new/);
  });
});

// Its own server on its own port (its own origin, so its own service worker), swapped for a
// newer build while the tabs stay open, like offline.spec.ts.
const PORT = Number(process.env.E2E_PORT ?? 4322) + 50;
const BASE = `http://localhost:${PORT}`;
const OLD_TITLE = 'Know the trade-offs cold.';
const NEW_TITLE = 'Know the trade-offs cold, updated.';
let server: DistServer | undefined;
let changed = '';

const serve = async (dir: string) => {
  server = await serveDist(dir, PORT);
};

async function stop() {
  await server?.stop();
  server = undefined;
}

/** The walk through files of a folder, for rewriting references to a renamed chunk. */
function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(js|html)$/.test(entry.name)) yield path;
  }
}

test.describe('update', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    // A newer build: a new home title, and the search box's chunk under a new name (as a
    // change to its code gives it), with a service worker generated by the build's own code.
    changed = mkdtempSync(join(tmpdir(), 'tradeoffs-next-'));
    cpSync('dist', changed, { recursive: true });
    const home = join(changed, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace(OLD_TITLE, NEW_TITLE));
    const box = readdirSync(join(changed, '_astro')).find((f) => /^box\..+\.js$/.test(f)) as string;
    const renamed = box.replace(/^box\./, 'box.next');
    renameSync(join(changed, '_astro', box), join(changed, '_astro', renamed));
    for (const file of files(changed)) {
      const text = readFileSync(file, 'utf8');
      if (text.includes(box)) writeFileSync(file, text.replaceAll(box, renamed));
    }
    await writeServiceWorker(changed);
    await serve('dist');
  });

  test.afterAll(async () => {
    await stop();
    rmSync(changed, { recursive: true, force: true });
  });

  test(`${secondReload}; ${oldSearch}`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: BASE });
    const a = await context.newPage();
    await a.goto('/');
    await a.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await a.reload();
    await expect.poll(() => a.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const b = await context.newPage();
    await b.goto('/');
    await expect.poll(() => b.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // The newer build is deployed; tab A looks again and is offered it, and so is tab B.
    await stop();
    await serve(changed);
    await a.reload();
    const promptOf = (page: Page) => page.locator('[data-update-prompt]');
    await expect(promptOf(a)).toContainText('A new version is available', { timeout: 30_000 });
    await expect(promptOf(b)).toContainText('A new version is available', { timeout: 30_000 });
    await promptOf(a).getByRole('button', { name: 'Reload' }).click();
    await expect(a.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);

    // Tab B still shows what it had, and says the site changed under it.
    await expect(b.getByRole('heading', { level: 1 })).toHaveText(OLD_TITLE);
    await expect(promptOf(b)).toContainText('The site was updated in another tab');

    // Its search, loaded on first focus, needs the old build's file: said, not silent.
    await b.getByRole('combobox').first().focus();
    await expect(promptOf(b)).toContainText('so search could not be loaded');

    // And its Reload button works: the new version, with a working search.
    const reload = promptOf(b).getByRole('button', { name: 'Reload' });
    await expect(reload).toBeEnabled();
    await reload.click();
    await expect(b.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
    await expect(promptOf(b)).toBeHidden();
    await b.getByRole('combobox').first().fill('cold start');
    await expect(b.getByRole('listbox').getByRole('option').first()).toBeVisible({
      timeout: 30_000,
    });
    await context.close();
  });
});
