/**
 * Flashcards as a reader uses them: keyboard-only review, progress across reloads, export then
 * import into a fresh browser, corrupted storage, touch, and the page without JavaScript.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

const DECK = '/flashcards/sessions-and-state/';

const counts = (page: Page) => page.locator('[data-review-counts]');
const front = (page: Page) => page.locator('[data-review-front]');
const deckCounts = (page: Page, deck: string) => page.locator(`[data-deck="${deck}"] [data-deck-counts]`);

test('review a deck with the keyboard only; undo; reload keeps the progress', async ({ page }) => {
  await page.goto(DECK);
  await expect(counts(page)).toHaveText('20 new cards · 0 learning · 0 reviews due');
  await expect(front(page)).toHaveText('What are sticky sessions?');
  const answer = page.locator('[data-review-answer]');
  await expect(answer).toBeHidden();

  await page.keyboard.press('Space');
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('routes a user to the same server');
  // Each rating button shows the interval it would give (from ts-fsrs' repeat).
  await expect(page.getByRole('button', { name: 'Again: next in 1 min (key 1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Good: next in 10 min (key 3)' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Easy: next in 8 d (key 4)' })).toBeVisible();

  await page.keyboard.press('3');
  await expect(front(page)).toHaveText('What problem do sticky sessions bring?');
  await expect(counts(page)).toHaveText('19 new cards · 1 learning · 0 reviews due');

  await page.keyboard.press('u');
  await expect(front(page)).toHaveText('What are sticky sessions?');
  await expect(counts(page)).toHaveText('20 new cards · 0 learning · 0 reviews due');

  // Enter flips too; rate three cards: Good, Easy, Again.
  for (const key of ['3', '4', '1']) {
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-review-ratings]')).toBeVisible();
    await page.keyboard.press(key);
  }
  await expect(counts(page)).toHaveText('17 new cards · 2 learning · 0 reviews due');

  await page.reload();
  await expect(counts(page)).toHaveText('17 new cards · 2 learning · 0 reviews due');
  await page.goto('/flashcards/');
  await expect(deckCounts(page, 'sessions-and-state')).toHaveText('17 new2 learning0 due30 cards');
  // The daily limit is shared: other decks now offer 17 new cards too.
  await expect(deckCounts(page, 'serverless-in-practice')).toContainText('17 new');
  await expect(page.locator('[data-stats-state]')).toContainText('Review1');
});

test('the new-card limit is adjustable', async ({ page }) => {
  await page.goto('/flashcards/');
  const input = page.getByLabel('New cards per day');
  await expect(input).toHaveValue('20');
  await input.fill('5');
  await input.press('Enter');
  await expect(page.locator('[data-progress-status]')).toHaveText('Up to 5 new cards a day.');
  await expect(deckCounts(page, 'sessions-and-state')).toContainText('5 new');
  await page.goto(DECK);
  await expect(counts(page)).toHaveText('5 new cards · 0 learning · 0 reviews due');
});

test('export all progress, import it into a fresh browser: same due counts', async ({ page, browser }) => {
  await page.goto(DECK);
  for (const key of ['3', '3', '1', '4']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
  }
  await page.evaluate(() =>
    localStorage.setItem(
      'tradeoffs.quiz-attempts',
      JSON.stringify({
        version: 1,
        data: {
          attempts: [{ quizId: 'q', at: '2026-11-24T10:00:00.000Z', score: 1, max: 2, questions: {} }],
        },
      }),
    ),
  );
  await page.goto('/flashcards/');
  // The live counts come from the (fetched) catalogue: compare those, not the page's static line.
  await expect(deckCounts(page, 'sessions-and-state')).toContainText('new');
  const before = await page.locator('[data-deck-counts]').allTextContents();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tradeoffs-progress-\d{4}-\d\d-\d\d\.json$/);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(Object.keys(exported.records)).toEqual(['tradeoffs.quiz-attempts', 'tradeoffs.flashcards']);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/flashcards/');
  await expect(deckCounts(other, 'sessions-and-state')).toContainText('20 new');
  // A foreign file is refused with a clear error, and nothing changes.
  await other.locator('[data-import]').setInputFiles({
    name: 'package.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name":"something-else"}'),
  });
  await expect(other.locator('[data-progress-status]')).toHaveText(
    'Import failed: This file is not a Tradeoffs progress file.',
  );
  await other.locator('[data-import]').setInputFiles(file);
  await expect(other.locator('[data-progress-status]')).toHaveText(
    'Imported 4 cards with 4 reviews and 1 quiz attempt.',
  );
  expect(await other.locator('[data-deck-counts]').allTextContents()).toEqual(before);
  await other.goto(DECK);
  // Good, Good, Again: three cards in learning; Easy: one in review, due in 8 days.
  await expect(counts(other)).toHaveText('16 new cards · 3 learning · 0 reviews due');
  await fresh.close();
});

test('corrupted progress is kept aside and review still starts', async ({ page }) => {
  await page.goto('/flashcards/');
  await page.evaluate(() => localStorage.setItem('tradeoffs.flashcards', '{"version":1,"data":{"cards":7}}'));
  await page.goto(DECK);
  const notice = page.locator('[data-review-notice]');
  await expect(notice).toContainText('could not be read');
  await expect(notice).toContainText('kept aside in this browser as “tradeoffs.flashcards.corrupt.');
  await expect(front(page)).toHaveText('What are sticky sessions?');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(counts(page)).toHaveText('19 new cards · 1 learning · 0 reviews due');
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys[0]).toBe('tradeoffs.flashcards');
  expect(keys[1]).toMatch(/^tradeoffs\.flashcards\.corrupt\./);
  await page.reload();
  await expect(notice).toBeHidden();
  await expect(counts(page)).toHaveText('19 new cards · 1 learning · 0 reviews due');
});

test('touch: tap the card to see the answer, buttons to rate', async ({ browser }) => {
  const context = await browser.newContext({
    hasTouch: true,
    isMobile: true,
    viewport: { width: 390, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(DECK);
  await page.locator('[data-review-face]').tap();
  await expect(page.locator('[data-review-answer]')).toBeVisible();
  await page.getByRole('button', { name: /^Hard: next in/ }).tap();
  await expect(counts(page)).toHaveText('19 new cards · 1 learning · 0 reviews due');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await context.close();
});

test('without JavaScript the deck lists every card with its answer behind a disclosure', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(DECK);
  await expect(page.locator('[data-review]')).toBeHidden();
  const items = page.locator('[data-card-list] > li');
  await expect(items).toHaveCount(30);
  const first = items.first();
  await expect(first.getByText('routes a user to the same server')).toBeHidden();
  await first.getByText('Answer').click();
  await expect(first.getByText('routes a user to the same server')).toBeVisible();
  await expect(first.getByRole('link', { name: /Sticky Sessions/ })).toHaveAttribute(
    'href',
    '/notes/stateless-vs-stateful-architecture/#2-sticky-sessions',
  );
  await context.close();
});

test('Anki export: a tab-separated file with the headers Anki reads', async ({ page, request }) => {
  await page.goto('/flashcards/');
  const href = await page
    .getByRole('link', { name: /^Export for Anki\s*: Sessions and state in practice$/ })
    .getAttribute('href');
  const text = await (await request.get(href as string)).text();
  expect(text.split('\n').slice(0, 5)).toEqual([
    '#separator:tab',
    '#html:true',
    '#notetype column:4',
    '#deck column:5',
    '#tags column:6',
  ]);
  expect(text.split('\n')[5]?.split('\t').slice(0, 1)).toEqual(['sessions-and-state/sticky-sessions']);
  expect(text).toContain('\tTradeoffs::sessions-and-state\t');
});

test('a merged card shows every note’s wording with its source, and where the notes disagree', async ({
  page,
  request,
}) => {
  const deck = '/flashcards/stateless-vs-stateful-systems/';
  await page.goto(deck);
  // In the list: the CDN card lists four notes' wordings, each with its section, and the resolution.
  const card = page.locator(
    'li[data-card-id="stateless-vs-stateful-systems/comparison--examples--stateless"]',
  );
  await card.getByText('Answer').click();
  const wordings = card.locator('.card-wordings > li');
  await expect(wordings).toHaveCount(4);
  await expect(wordings.nth(1)).toContainText('“REST APIs, static content, distributed calculations”');
  await expect(wordings.nth(1).getByRole('link')).toHaveAttribute(
    'href',
    '/notes/stateful-vs-stateless-architecture/#key-characteristics',
  );
  await card.getByRole('link', { name: 'A CDN is a cache — is it stateless or stateful?' }).click();
  await expect(page).toHaveURL(/\/compare\/stateful-vs-stateless\/#cdn-cache$/);
  // In the review: the first card merges two sections' wordings; both show with the answer.
  await page.goto(deck);
  await expect(front(page)).toHaveText('Best Practice: Separate Concerns — key insight?');
  await page.keyboard.press('Space');
  const shown = page.locator('[data-review-source] .card-wordings > li');
  await expect(shown).toHaveCount(2);
  await expect(shown.nth(1)).toContainText('“Keep app servers stateless, push state to specialized systems”');
  await expect(shown.nth(1).getByRole('link')).toHaveAttribute(
    'href',
    '/notes/stateless-vs-stateful-systems/#-key-takeaways',
  );
  // In the Anki file: the same list, and the disagreement as a link.
  const text = await (await request.get('/flashcards/anki/stateless-vs-stateful-systems.txt')).text();
  const row = text
    .split('\n')
    .find((l) => l.startsWith('stateless-vs-stateful-systems/comparison--examples--stateless\t'));
  expect(row).toContain('The notes say it 4 ways:<ul>');
  expect(row).toMatch(
    /The notes disagree here: <a href="[^"]*\/compare\/stateful-vs-stateless\/#cdn-cache">/,
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`answer side: no axe violations, no CSP violations with stored progress (${scheme})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective}: ${e.sample}`),
      );
    });
    await page.goto(DECK);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    // Reload: now a stored record is read and validated (zod) on load.
    await page.reload();
    await page.keyboard.press('Space');
    await expect(page.locator('[data-review-ratings]')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('[data-review]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
      [],
    );
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    await page.goto('/flashcards/');
    await expect(page.locator('[data-stats]')).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    await context.close();
  });
}

test('one control at a time: the answer button gives way to the rating buttons', async ({ page }) => {
  await page.goto(DECK);
  const flip = page.getByRole('button', { name: /Show answer/ });
  const ratings = page.getByRole('group', { name: 'How well did you remember?' });
  await expect(flip).toBeVisible();
  await expect(ratings).toBeHidden();
  await flip.click();
  await expect(flip).toBeHidden();
  await expect(ratings).toBeVisible();
});
