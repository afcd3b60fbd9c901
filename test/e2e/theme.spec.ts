import { expect, type Page, test } from '@playwright/test';
import { DIAGRAM_NOTE } from './pages.ts';

/** Colours of the first flowchart node and its label, and the page background. */
async function diagramColours(page: Page) {
  return page.evaluate(() => {
    const node = document.querySelector('svg.mmd .node rect, svg.mmd .node path');
    const label = document.querySelector('svg.mmd .node text');
    if (!node || !label) throw new Error('no flowchart node');
    return {
      fill: getComputedStyle(node).fill,
      text: getComputedStyle(label).fill,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

test.use({ colorScheme: 'light' });

test('the toggle switches the site and its diagrams to dark, readably, and the choice survives a reload', async ({
  page,
}) => {
  await page.goto(DIAGRAM_NOTE);
  const light = await diagramColours(page);
  expect(contrast(light.text, light.fill)).toBeGreaterThan(4.5);

  const toggle = page.getByRole('button', { name: /theme/ });
  await expect(toggle).toHaveAccessibleName(/^Auto theme/);
  await toggle.click(); // auto → light
  await expect(toggle).toHaveAccessibleName(/^Light theme/);
  await toggle.click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const dark = await diagramColours(page);
  expect(dark.fill).not.toBe(light.fill);
  expect(dark.background).not.toBe(light.background);
  expect(contrast(dark.text, dark.fill), 'diagram label text on its box, dark theme').toBeGreaterThan(4.5);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await diagramColours(page)).fill).toBe(dark.fill);
});

test('a stored theme is applied before the page is shown (no flash of the other theme)', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('tradeoffs:theme', 'dark');
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { themeAtLoad: string | undefined }).themeAtLoad =
        document.documentElement.dataset.theme;
    });
  });
  await page.goto('/');
  expect(await page.evaluate(() => (window as unknown as { themeAtLoad?: string }).themeAtLoad)).toBe('dark');
});

test('with no choice the OS setting decides, diagrams included', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(DIAGRAM_NOTE);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  const { fill, text } = await diagramColours(page);
  expect(luminance(fill)).toBeLessThan(0.2);
  expect(contrast(text, fill)).toBeGreaterThan(4.5);
  await context.close();
});

test('an author-coloured box keeps dark text in dark mode', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/notes/stateless-vs-stateful-systems/');
  const { fill, text } = await page.evaluate(() => {
    const group = document.querySelector('svg.mmd .lightfill');
    const shape = group?.querySelector('rect, path, polygon');
    const label = group?.querySelector('text');
    if (!shape || !label) throw new Error('no author-filled node');
    return { fill: getComputedStyle(shape).fill, text: getComputedStyle(label).fill };
  });
  expect(contrast(text, fill)).toBeGreaterThan(4.5);
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every diagram label is readable on its own shape (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    for (const path of [DIAGRAM_NOTE, '/notes/stateless-vs-stateful-systems/']) {
      await page.goto(path);
      const pairs = await page.evaluate(() =>
        [...document.querySelectorAll('svg.mmd g.node')].flatMap((node) => {
          const shape = node.querySelector(':scope > rect, :scope > path, :scope > polygon, :scope > circle');
          const text = node.querySelector('text');
          if (!shape || !text) return [];
          const fill = getComputedStyle(shape).fill;
          return fill.startsWith('rgb')
            ? [{ fill, text: getComputedStyle(text).fill, label: text.textContent ?? '' }]
            : [];
        }),
      );
      expect(pairs.length).toBeGreaterThan(20);
      const low = pairs
        .filter((p) => contrast(p.text, p.fill) < 4.5)
        .map((p) => `${p.label}: ${p.text} on ${p.fill}`);
      expect(low, path).toEqual([]);
    }
    await context.close();
  });
}

test('on a phone, the theme toggle appearing does not move the page', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { shifts: string[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { sources?: { node?: Node }[] }[])
        for (const source of entry.sources ?? [])
          if (source.node instanceof Element && source.node.closest('.site-header'))
            shifts.push(source.node.outerHTML.slice(0, 80));
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/flashcards/sessions-and-state/');
  await expect(page.getByRole('button', { name: /theme/i })).toBeVisible();
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
  await page.close();
});
