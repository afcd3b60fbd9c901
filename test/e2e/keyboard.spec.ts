import { expect, test } from '@playwright/test';
import { DIAGRAM_NOTE } from './pages.ts';

test.use({ viewport: { width: 1280, height: 900 } });

test('keyboard only: skip link, navigation, theme toggle, table of contents, scrollable boxes', async ({
  page,
}) => {
  await page.goto(DIAGRAM_NOTE);

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // From the top again: brand, the six sections, then the theme toggle.
  await page.goto(DIAGRAM_NOTE);
  const order: string[] = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(
        () => (document.activeElement as HTMLElement).innerText.trim().split('\n')[0] ?? '',
      ),
    );
  }
  expect(order).toEqual([
    'Skip to content',
    'Tradeoffs',
    'Notes',
    'Cheat sheets',
    'Quizzes',
    'Flashcards',
    'Compare',
    'Search',
    'Auto',
  ]);
  const toggle = page.getByRole('button', { name: /theme/ });
  await expect(toggle).toBeFocused();
  const outline = await toggle.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'focus is visible').not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAccessibleName(/^Light theme/);
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Tags come next, then the sidebar table of contents.
  const tocLink = page
    .getByRole('navigation', { name: 'On this page' })
    .getByRole('link', { name: 'Comparison Matrix' });
  for (let i = 0; i < 40 && !(await tocLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(tocLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#comparison-matrix$/);

  // The next stops are inside that section: its heading link, then its table, focusable to scroll.
  const table = page.getByRole('region', { name: /Comparison Matrix/ });
  for (let i = 0; i < 10 && !(await table.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(table).toBeFocused();
  expect(await table.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});
