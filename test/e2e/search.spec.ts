import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DIAGRAM_NOTE } from './pages.ts';

test.use({ viewport: { width: 1280, height: 900 } });

const box = (page: Page) => page.getByRole('combobox', { name: /Search/ });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });

test('results while typing, with the matching heading and an excerpt', async ({ page }) => {
  await page.goto('/');
  await box(page).fill('sticky sessions');
  const options = results(page).getByRole('option');
  await expect(options.first()).toBeVisible();
  // The section about it is offered, titled "note › heading".
  await expect(
    options.filter({ has: page.locator('.hit-title', { hasText: /› 2\. Sticky Sessions$/ }) }),
  ).toBeVisible();
  await expect(results(page).locator('mark').first()).toHaveText(/sticky|session/i);
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
});

test('a topic’s note comes first, above its deck, practice quiz and cheat sheet', async ({ page }) => {
  await page.goto('/');
  for (const [query, note] of [
    ['serverless architecture', 'Serverless Architecture'],
    ['stateless vs stateful systems', 'Stateless vs Stateful Systems'],
    ['idempotency', 'Serverless Architecture'],
  ]) {
    await box(page).fill(query as string);
    // This query's results, not the last one's.
    await expect(page.getByText(`match “${query}”`)).toBeVisible();
    const options = results(page).getByRole('option');
    await expect(options.first().locator('.hit-type')).toHaveText('Note');
    // The note the query names within the first three (a note may quote the other's title).
    const titles = (await options.locator('.hit-title').allInnerTexts()).slice(0, 3);
    expect(titles.some((t) => t.startsWith(note as string))).toBe(true);
  }
});

test('a word that appears only inside a diagram finds its note', async ({ page }) => {
  // "Matchmaking" is a node label in seed 000's gaming-server diagram and nowhere in its prose
  // (Pagefind itself skips SVG text: src/domain/search/index-page.ts exposes the labels to it).
  await page.goto('/');
  await box(page).fill('matchmaking');
  await expect(
    results(page).getByRole('option').filter({ hasText: 'Architecture Paradigms' }).first(),
  ).toBeVisible();
});

test('keyboard only: / focuses, arrows choose, Enter opens the note at the heading, Escape closes', async ({
  page,
}) => {
  await page.goto(DIAGRAM_NOTE);
  await page.locator('body').press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('sticky sessions');
  const options = results(page).getByRole('option');
  await expect(options.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(results(page)).toBeHidden();
  await page.keyboard.press('ArrowDown'); // reopens
  await expect(options.first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute(
    'aria-activedescendant',
    (await options.first().getAttribute('id')) as string,
  );
  const target = (await options.first().locator('.hit-title').innerText()).split(' › ')[1];
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notes\/[^/]+\/#.+$/);
  if (target) await expect(page.getByRole('heading', { name: target }).first()).toBeInViewport();

  // Ctrl+K from anywhere, Escape twice: closes, then clears.
  await page.keyboard.press('Control+k');
  await expect(box(page)).toBeFocused();
});

test('/search/?q= works as a link, and filters narrow the results', async ({ page }) => {
  await page.goto('/search/?q=load+balancer');
  const list = page.locator('[data-search-page-results]');
  await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue('load balancer');
  await expect(list.getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /pages? match/ })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Cheat sheet' }).check();
  await expect(page).toHaveURL(/type=cheatsheet/);
  await expect(list.getByRole('link').first()).toContainText('Cheat sheet');
  for (const text of await list.locator('.hit-type').allInnerTexts()) expect(text).toBe('Cheat sheet');

  await page.getByRole('checkbox', { name: 'Cheat sheet' }).uncheck();
  await page.getByRole('checkbox', { name: 'Sessions' }).check();
  await expect(page).toHaveURL(/tag=sessions/);
  await expect(list.getByRole('link').first()).toBeVisible();
  await expect(list.getByRole('link').filter({ hasText: 'Serverless Architecture' })).toHaveCount(0);
});

test('Enter with no result chosen opens the search page', async ({ page }) => {
  await page.goto('/');
  await box(page).fill('cold start');
  await expect(results(page).getByRole('option').first()).toBeVisible();
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=cold\+start$/);
  await expect(page.locator('[data-search-page-results]').getByRole('link').first()).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open results popup has no axe violations (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/tags/');
    await box(page).fill('load balancer');
    await expect(results(page).getByRole('option').first()).toBeVisible();
    await box(page).press('ArrowDown');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
      [],
    );
    await context.close();
  });
}

test('quizzes and decks are found, but never by their answers', async ({ page }) => {
  // A quiz prompt is searchable: a reader can find the question…
  await page.goto('/search/?q=thumbnail&type=quiz');
  const found = page.locator('[data-search-page-results]').getByRole('link');
  await expect(found.first()).toBeVisible();
  await expect(found.first()).toHaveAttribute('href', /^\/quizzes\/[a-z-]+\//);
  // …a flashcard deck too…
  await page.goto('/search/?q=sticky&type=deck');
  await expect(page.locator('[data-search-page-results]').getByRole('link').first()).toHaveAttribute(
    'href',
    /^\/flashcards\/[a-z-]+\//,
  );
  // …but "irregular" appears only in quiz explanations (an answer key), so nothing is found.
  await page.goto('/');
  await box(page).fill('irregular');
  await expect(page.getByText('No results for “irregular”')).toBeVisible();
});

test('on a phone, the results lie above the page they cover (the notes’ cards included)', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto('/notes/');
  await box(page).fill('sticky sessions');
  const options = results(page).getByRole('option');
  await expect(options.first()).toBeVisible();
  // Whatever is drawn at the middle of each result in view is that result, not a card below.
  const covered = await results(page).evaluate((list) => {
    const popup = list.closest('.site-search-popup')?.getBoundingClientRect();
    return [...list.querySelectorAll('[role="option"]')].flatMap((option) => {
      const r = option.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (!popup || y < popup.top || y > popup.bottom || y > innerHeight) return [];
      return document.elementFromPoint(x, y)?.closest('[role="option"]') === option ? [] : [option.id];
    });
  });
  expect(covered).toEqual([]);
  expect(await options.count()).toBeGreaterThan(0);
  await page.close();
});
