import { expect, test } from '@playwright/test';
import { DIAGRAM_NOTE } from './pages.ts';

const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

for (const [device, viewport] of Object.entries(viewports)) {
  test.describe(`reading a note on a ${device}`, () => {
    test.use({ viewport });

    test('title, diagrams with names, tables in their own scroll box, nothing widens the page', async ({
      page,
    }) => {
      await page.goto(DIAGRAM_NOTE);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Architecture Paradigms/);

      const diagrams = page.getByRole('img', { name: /^Diagram \d+: / });
      await expect(diagrams).toHaveCount(21);
      await expect(page.getByRole('img', { name: /^Diagram \d+: Cold Start Mitigation$/ })).toBeAttached();
      // Drawn at build time: inline SVG, and no diagram library shipped to the browser.
      expect(await page.locator('script[src*="mermaid"]').count()).toBe(0);

      const table = page.getByRole('region', { name: /^Table 1: Comparison$/ });
      await expect(table.getByRole('rowheader', { name: 'Scaling' })).toBeVisible();
      await expect(table.getByRole('columnheader', { name: 'Stateless' })).toBeVisible();

      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0], 'the page must not scroll sideways').toBeLessThanOrEqual(widths[1] as number);
    });

    test('the table of contents jumps to the section', async ({ page }) => {
      await page.goto(DIAGRAM_NOTE);
      if (device === 'phone') await page.locator('summary', { hasText: 'On this page' }).click();
      const toc = page.getByRole('navigation', {
        name: device === 'phone' ? 'Sections of this note' : 'On this page',
      });
      await toc.getByRole('link', { name: 'Decision Framework' }).click();
      await expect(page).toHaveURL(/#decision-framework$/);
      await expect(page.getByRole('heading', { name: /^Decision Framework/ })).toBeInViewport();
    });
  });
}

test('a note shows its source, tags and neighbours in reading order', async ({ page }) => {
  await page.goto('/notes/stateless-vs-stateful-architecture/');
  await expect(page.getByText('source: 001_943016d62b4b1d52.txt')).toBeVisible();
  const more = page.getByRole('navigation', { name: 'More notes' });
  await expect(more.getByRole('link', { name: /Previous note.*Architecture Paradigms/ })).toBeVisible();
  await more.getByRole('link', { name: /Next note/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stateless vs Stateful Systems');
  await page.getByRole('link', { name: 'Stateless', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stateless');
});

test('missing images from the source are a visible note, never a broken image', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto('/notes/stateless-vs-stateful-architecture/');
  await expect(page.getByRole('note').filter({ hasText: 'Image not included in the source' })).toHaveCount(8);
  expect(await page.locator('img').count()).toBe(0);
  expect(failed).toEqual([]);
});

test('a diagram opens full size', async ({ page }) => {
  await page.goto(DIAGRAM_NOTE);
  const link = page.getByRole('link', { name: 'Open full size (diagram 1)' });
  const href = await link.getAttribute('href');
  const response = await page.request.get(href as string);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  expect(await response.text()).toContain('Combinations');
});

test('diagram labels keep their signs: "> 15 minutes" is not read as a Markdown quote', async ({ page }) => {
  await page.goto(DIAGRAM_NOTE);
  const figure = page.getByRole('figure', { name: /Decision Framework/ });
  const labels = await figure
    .locator('svg text')
    .evaluateAll((texts) => texts.map((t) => t.textContent?.replace(/\s+/g, ' ').trim()));
  expect(labels).toContain('> 15 minutes');
  expect(labels).toContain('< 15 minutes');
});

test('the home page lists every note with reading time and diagram count', async ({ page }) => {
  await page.goto('/');
  const cards = page.getByRole('region', { name: 'Notes' }).getByRole('article');
  await expect(cards).toHaveCount(5);
  await expect(cards.first()).toContainText('21 diagrams');
  await expect(cards.first()).toContainText(/\d+ min read/);
  await expect(page.getByText(/^5 notes · 29 diagrams · 7 quizzes$/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Quizzes' }).getByRole('article')).toHaveCount(7);
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('notes are readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(DIAGRAM_NOTE);
  await expect(page.getByRole('img', { name: /^Diagram 1: / })).toBeVisible();
  await expect(page.getByText('These paradigms are orthogonal')).toBeVisible();
  await context.close();
});
