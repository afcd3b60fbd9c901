import { expect, test } from '@playwright/test';

const SHEETS = [
  'architecture-paradigms',
  'stateless-vs-stateful-architecture',
  'stateless-vs-stateful-systems',
  'stateful-vs-stateless-architecture',
  'serverless-architecture',
];

/** Pages in a PDF that Chromium wrote: one `/Type /Page` object each. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

test('the index lists a cheat sheet per note, each linking to its note', async ({ page }) => {
  await page.goto('/cheatsheets/');
  const links = page.getByRole('main').getByRole('link');
  await expect(links).toHaveCount(SHEETS.length);
  await links.filter({ hasText: 'Stateless vs Stateful Architecture' }).click();
  await expect(page.getByRole('heading', { name: 'Decision Guide' })).toBeVisible();
  // Items are real lists and tables, and each group links to its note heading.
  await expect(page.getByRole('list').filter({ hasText: 'Building REST APIs' })).toBeVisible();
  await page.getByRole('link', { name: 'Choose Stateless When' }).click();
  await expect(page).toHaveURL(/\/notes\/stateless-vs-stateful-architecture\/#choose-stateless-when$/);
  await expect(page.getByRole('heading', { name: /Choose Stateless When/ })).toBeInViewport();
});

test('the box-drawn reference card is read into groups and a rules table', async ({ page }) => {
  await page.goto('/cheatsheets/architecture-paradigms/');
  await expect(page.locator('pre')).toHaveCount(0);
  const rules = page.getByRole('table', { name: 'Decision heuristic' });
  await expect(rules.getByRole('row', { name: /Spiky traffic\? Serverless/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Stateless design' })).toHaveAttribute(
    'href',
    '/notes/architecture-paradigms/#stateless-design-pattern',
  );
});

for (const format of ['A4', 'Letter'] as const) {
  test(`every cheat sheet prints on one ${format} page, without navigation or search`, async ({ page }) => {
    for (const sheet of SHEETS) {
      await page.goto(`/cheatsheets/${sheet}/`);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('search')).toBeHidden();
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pageCount(pdf), `${sheet} on ${format}`).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    }
  });
}
