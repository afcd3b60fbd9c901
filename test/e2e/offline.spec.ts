/**
 * Offline and updates, in real Chromium with the real service worker: pages, search, a quiz
 * question, a flashcard review and the progress dashboard with the network off, then an update
 * offered, not forced. This test serves the site itself (its own port, so its own origin and
 * worker), because it stops the server to prove nothing comes from the network, then serves a
 * changed site on the same address.
 */
import { type DistServer, serveDist } from './fixture-site.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';

const PORT = 4391;
const BASE = `http://localhost:${PORT}`;
const OLD_TITLE = 'Know the trade-offs cold.';
const NEW_TITLE = 'Know the trade-offs cold, offline.';
const NEW_TAG_TITLE = 'Serverless, renamed';

let server: DistServer | undefined;
let changed = '';

const serve = async (dir: string) => {
  server = await serveDist(dir, PORT);
};

async function stop() {
  await server?.stop();
  server = undefined;
}

test.beforeAll(async () => {
  // "A changed site": the built site with a new home-page title, and its service worker
  // generated again by the same code as the build (so new revisions, a new worker).
  changed = mkdtempSync(join(tmpdir(), 'tradeoffs-v2-'));
  cpSync('dist', changed, { recursive: true });
  const home = join(changed, 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace(OLD_TITLE, NEW_TITLE));
  // …and a changed page outside the precache, which a reader may have kept from the old build.
  const tag = join(changed, 'tags/serverless/index.html');
  writeFileSync(tag, readFileSync(tag, 'utf8').replace('<h1>Serverless</h1>', `<h1>${NEW_TAG_TITLE}</h1>`));
  await writeServiceWorker(changed);
});

test.afterAll(async () => {
  await stop();
  rmSync(changed, { recursive: true, force: true });
});

test('after one visit the site works offline; a new build is offered, not swapped in silently', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  await serve('dist');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  // 1. One visit, online. The worker precaches the whole site and takes control.
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OLD_TITLE);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });

  // A page outside the first download, opened online: kept as it is in this build.
  await page.goto(`${BASE}/tags/serverless/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Serverless');

  // 2. Network off, and the server gone too: nothing can come from anywhere but the cache.
  await context.setOffline(true);
  await stop();

  await page.goto(`${BASE}/notes/stateless-vs-stateful-architecture/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stateless vs Stateful Architecture');
  await page.goto(`${BASE}/cheatsheets/architecture-paradigms/`);
  await expect(page.getByRole('heading', { name: 'Quick Reference Card' })).toBeVisible();
  await page.goto(`${BASE}/notes/architecture-paradigms/`);
  await expect(page.getByRole('img', { name: /^Diagram 1: / })).toBeVisible();

  // Search offline, from the header box, and open a result at its heading.
  const box = page.getByRole('combobox', { name: /Search/ });
  await box.fill('sticky sessions');
  const option = page
    .getByRole('option')
    .filter({ has: page.locator('.hit-title', { hasText: /› 2\. Sticky Sessions$/ }) });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/\/notes\/stateless-vs-stateful-architecture\/#.*sticky-sessions/);
  await expect(page.getByRole('heading', { name: /Sticky Sessions/ }).first()).toBeInViewport();

  // The search page as a link, offline.
  await page.goto(`${BASE}/search/?q=cold+start`);
  await expect(page.locator('[data-search-page-results]').getByRole('link').first()).toBeVisible();

  // An address that is not part of the site: the site's own 404 page, not the browser's error.
  await page.goto(`${BASE}/no-such-page/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  // A quiz question offline: the answer key comes from the cache, the attempt is kept.
  await page.goto(`${BASE}/quizzes/serverless-or-servers/`);
  const first = page.locator('li.question').first();
  await first.getByRole('radio').first().check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.locator('.verdict')).toBeVisible();
  await expect(first.locator('.q-source').getByRole('link')).toBeVisible();
  await page.getByRole('button', { name: 'See results' }).last().click();
  await expect(page.getByRole('region', { name: 'Results' })).toContainText('of 14 points');
  await page.reload();
  await expect(page.getByText(/^Best \d+ % · last \d+ % · 1 attempt$/)).toBeVisible();
  // That quiz page was never opened online: the first visit kept its questions as a fragment,
  // shown offline in the site's own frame, with the same quiz script.
  await expect(page).toHaveTitle(/^Serverless or servers\b.* · Tradeoffs$/);

  // A generated practice quiz, never opened either: a question answered from the cached key.
  await page.goto(`${BASE}/quizzes/practice-architecture-paradigms/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Practice: Architecture Paradigms/);
  await expect(page.getByRole('navigation', { name: 'Your progress' })).toBeVisible();
  const single = page.locator('li.question[data-type="single"]').first();
  await single.getByRole('radio').first().check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await expect(single.locator('.verdict')).toBeVisible();
  await expect(single.locator('.q-source').getByRole('link')).toBeVisible();
  // A quiz the site does not have says so, rather than showing an empty quiz.
  await page.goto(`${BASE}/quizzes/no-such-quiz/`);
  await expect(
    page.getByRole('status').filter({ hasText: 'This quiz is not part of the site' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz not available offline');

  // A flashcard review offline, and the due counts it leaves behind survive a reload. The deck
  // page was never opened: the first visit kept its cards as data, and the review reads them.
  await page.goto(`${BASE}/flashcards/sessions-and-state/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions and state in practice');
  const reviewCounts = page.locator('[data-review-counts]');
  await expect(reviewCounts).toHaveText('20 new cards · 0 learning · 0 reviews due');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(reviewCounts).toHaveText('19 new cards · 1 learning · 0 reviews due');
  await page.reload();
  await expect(reviewCounts).toHaveText('19 new cards · 1 learning · 0 reviews due');

  // Every deck at once ("Review all due"), built from every deck's data.
  await page.goto(`${BASE}/flashcards/`);
  await page.getByRole('link', { name: 'Review all due' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All cards');
  await expect(reviewCounts).toHaveText(/^\d+ new cards · 1 learning · 0 reviews due$/);

  // The progress dashboard offline: its catalogue comes from the cache too.
  await page.goto(`${BASE}/progress/`);
  await expect(page.locator('[data-score-quiz="serverless-or-servers"]')).toContainText('1 attempt');
  await expect(page.locator('[data-due-deck="sessions-and-state"]')).toBeVisible();

  // What the first visit keeps is said, with its size, and what it leaves out can be added.
  const offline = page.getByRole('region', { name: 'Offline' });
  await expect(offline).toContainText(/work offline in this browser \(\d+ files, [\d.]+ [KM]B\)/);
  await expect(offline).toContainText(/Of which (.+ [\d.]+ [KM]B, )+.+ [\d.]+ [KM]B\./);
  await expect(offline).toContainText(/notes [\d.]+ [KM]B/);
  await expect(offline).toContainText(/Not kept yet: \d+ more files/);
  // A tag page is not part of the first download: offline, it says so (not "Page not found")
  // and offers to keep everything for next time.
  await page.goto(`${BASE}/tags/caching/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not downloaded for offline use');
  await expect(page.getByRole('button', { name: 'Keep everything offline' })).toBeVisible();

  // 3. A new build is deployed; the reader comes back online.
  await serve(changed);
  await context.setOffline(false);
  await page.goto(`${BASE}/`);
  const prompt = page.getByRole('status').filter({ hasText: 'A new version is available' });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  // Until the reader accepts, the page is the version they were reading.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OLD_TITLE);
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
  await expect(prompt).toBeHidden();

  // "Keep everything offline", by keyboard: the rest of the site is saved too.
  await page.goto(`${BASE}/progress/`);
  const keep = offline.getByRole('button', { name: 'Keep everything offline' });
  await keep.focus();
  await page.keyboard.press('Enter');
  await expect(offline.getByRole('status')).toHaveText(/whole site now works offline/, { timeout: 30_000 });
  await expect(offline).toContainText(/Everything else is kept too/);
  await expect(keep).toBeHidden();

  // The new version is the one kept offline, and so is what "Keep everything" saved.
  await context.setOffline(true);
  await stop();
  await page.goto(`${BASE}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_TITLE);
  await page.goto(`${BASE}/tags/caching/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caching');
  // The page kept from the old build was fetched again when the new worker took over: offline,
  // it is the new build's, not a stale copy kept for ever.
  await page.goto(`${BASE}/tags/serverless/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEW_TAG_TITLE);
  await page.goto(`${BASE}/notes/architecture-paradigms/`);
  await page.getByRole('link', { name: 'Open full size (diagram 1)' }).click();
  await expect(page.locator('svg').first()).toBeVisible();
  await context.close();
});
