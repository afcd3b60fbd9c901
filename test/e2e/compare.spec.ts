import { expect, type Page, test } from '@playwright/test';
import { comparisonClaims, notesClaims, vocabularyLookup } from '../../src/domain/compare/matrix.ts';
import { gateContent } from '../../src/integrations/load-notes.ts';

const content = await gateContent();
const vocabulary = content.compare.vocabulary!;
const all = notesClaims(
  content.notes.map((n) => ({ slug: n.data.slug, title: n.data.title, body: n.body })),
  vocabularyLookup(vocabulary),
);

const matrix = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader') });

test.describe('desktop', () => {
  // Jumps to #anchors are checked with `toBeInViewport`: with smooth scrolling, a loaded 2-core
  // machine can still be mid-animation when the check gives up.
  test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

  test('from the menu to a merged matrix, a disagreement, its resolution and the note it quotes', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare and decide' })).toBeVisible();
    await page.getByRole('link', { name: 'Stateful vs stateless' }).click();
    await expect(page).toHaveURL('/compare/stateful-vs-stateless/');

    // "Scalability", "Horizontal Scaling" and "Scaling" are one row.
    const scaling = matrix(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Scaling/ }) });
    await expect(scaling.getByText('Horizontal Scaling')).toHaveCount(2);
    await expect(scaling.getByText('Scalability').first()).toBeVisible();
    await expect(matrix(page).getByRole('rowheader', { name: /^Scalability/ })).toHaveCount(0);

    // Complexity is disputed: the row links to the resolution, which quotes both sides.
    const complexity = matrix(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Complexity/ }) });
    await expect(complexity.getByText('Low(initially)')).toBeVisible();
    await expect(complexity.getByText('More complex (state management required)')).toBeVisible();
    await complexity.getByRole('link', { name: /Disagreement on Complexity/ }).click();
    await expect(page).toHaveURL(/#complexity$/);
    const dispute = page.getByRole('region', { name: 'Is stateful the simple option or the complex one?' });
    await expect(dispute).toBeInViewport();
    await expect(
      dispute.getByText(/stateful is simpler to start, stateless is simpler to scale/),
    ).toBeVisible();

    // Each quoted claim links to the heading it comes from.
    await dispute
      .getByRole('link', { name: /Key Differences in Stateless vs Stateful Architecture/ })
      .first()
      .click();
    await expect(page).toHaveURL('/notes/stateless-vs-stateful-architecture/#key-differences');
    await expect(page.getByRole('heading', { name: 'Key Differences' })).toBeInViewport();
  });

  test('serverless vs traditional shows the matrix claim and the prose that contradicts it, resolved', async ({
    page,
  }) => {
    await page.goto('/compare/serverless-vs-traditional/');
    const dispute = page.getByRole('region', { name: 'Must serverless be stateless?' });
    await expect(dispute.getByText('Must be stateless', { exact: true })).toBeVisible();
    await expect(dispute.getByText('Serverless can be stateful (with external state)')).toBeVisible();
    await expect(dispute.getByText(/stateless compute, external state/)).toBeVisible();
    // Seed 004 compares serverless with a monolith and microservices: their cells join "Traditional servers",
    // labelled with the note's own word.
    const state = matrix(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Where state lives/ }) });
    await expect(state.getByRole('listitem').filter({ hasText: 'In-process' })).toContainText('Monolith');
  });

  for (const comparison of content.compare.comparisons) {
    test(`${comparison.id}: every claim of every note is in its cell, with a link to its source`, async ({
      page,
    }) => {
      const { claims } = comparisonClaims(all, comparison);
      expect(claims.length).toBeGreaterThan(30);
      await page.goto(`/compare/${comparison.id}/`);
      // One query for the whole table, instead of a locator per claim.
      const cells = await page.locator('.compare-matrix tbody tr').evaluateAll((rows) =>
        rows.flatMap((row) =>
          [...row.querySelectorAll('td')].map((td, column) => ({
            row: row.id,
            column,
            claims: [...td.querySelectorAll('li')].map((li) => ({
              value: li.querySelector('.claim-value')?.textContent?.replace(/\s+/g, ' ').trim(),
              href: li.querySelector('a')?.getAttribute('href'),
            })),
          })),
        ),
      );
      for (const claim of claims) {
        const cell = cells.find(
          (c) => c.row === `aspect-${claim.aspect}` && c.column === comparison.options.indexOf(claim.option),
        );
        const value = claim.qualifier ? `${claim.qualifier}: ${claim.value}` : claim.value;
        expect(cell?.claims, `${claim.source} ${claim.aspectLabel}/${claim.optionLabel}`).toContainEqual({
          value,
          href: `/notes/${claim.source.replace('#', '/#')}`,
        });
      }
      expect(cells.reduce((n, c) => n + c.claims.length, 0)).toBe(claims.length);
    });
  }

  test('keyboard only: from the disagreement count to the resolution and back to its row', async ({
    page,
  }) => {
    await page.goto('/compare/stateful-vs-stateless/');
    const count = page.getByRole('link', { name: '2 disagreements' });
    await count.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#disagreements$/);
    const aspectLink = page
      .getByRole('region', { name: /simple option or the complex one/ })
      .getByRole('link', {
        name: 'Complexity',
      });
    // Tab through the resolution's links until its aspect link has focus.
    for (let i = 0; i < 40 && !(await aspectLink.evaluate((a) => a === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(aspectLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#aspect-complexity$/);
    await expect(page.getByRole('rowheader', { name: /^Complexity/ })).toBeInViewport();
  });

  test('the comparisons are found by search, filtered to “Compare & decide”', async ({ page }) => {
    await page.goto('/search/?q=must+be+stateless&type=compare');
    await expect(
      page
        .locator('[data-search-page-results]')
        .getByRole('link', { name: /Serverless vs traditional servers/ })
        .first(),
    ).toBeVisible();
  });

  test('search excerpts read as the page does: the source letters are left out, words stay apart', async ({
    page,
  }) => {
    await page.goto('/');
    const content: string = await page.evaluate(async () => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      await pagefind.init();
      for (const r of (await pagefind.search('session storage')).results) {
        const data = await r.data();
        if (data.url.endsWith('/compare/stateful-vs-stateless/')) return data.content as string;
      }
      return '';
    });
    // A claim, the wording it merged and the section it cites; no letter badge glued in between.
    expect(content).toContain('Server memory “Session Storage” Key Differences');
    expect(content).toContain('Stateless vs Stateful Architecture 16 claims');
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the matrix stacks: one aspect per block, each option named, nothing wider than the screen', async ({
    page,
  }) => {
    await page.goto('/compare/serverless-vs-traditional/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const cell = page.locator('.compare-matrix td').first();
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Serverless"');
    const row = page.locator('.compare-matrix tbody tr').first();
    const [th, td] = [row.locator('th'), row.locator('td').first()];
    // Stacked: the option's claims sit below the aspect name, not beside it.
    expect((await td.boundingBox())!.y).toBeGreaterThan((await th.boundingBox())!.y + 10);
  });
});

test('printing keeps the matrix and the resolutions, not the navigation', async ({ page }) => {
  await page.goto('/compare/stateful-vs-stateless/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('.compare-matrix thead')).toBeVisible();
  await expect(page.getByText(/stateful is simpler to start/)).toBeVisible();
});
