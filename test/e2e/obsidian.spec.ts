/**
 * Obsidian-flavoured notes as a reader meets them: callouts (a foldable one opened and closed
 * from the keyboard, readable in light and dark), wikilinks that land on the right section,
 * marks for links the importer could not resolve, math typeset at build time under the strict
 * CSP. The site's own notes have none of this, so the spec builds a fixture of its own
 * (test/fixtures/obsidian/notes: two folders, an attachment) and serves it on its own port.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { fixtureSite } from './fixture-site.ts';

const PORT = Number(process.env.E2E_PORT ?? 4322) + 80;
const BASE = `http://localhost:${PORT}`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

fixtureSite('test/fixtures/obsidian/notes', 'obsidian', PORT);

/** Records CSP violations from the first byte (an init script is not subject to the CSP). */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
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

test('a foldable callout opens and closes from the keyboard, and holds its table', async ({ browser }) => {
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(`${BASE}/notes/caching/`);
  const table = page.getByRole('table');
  await expect(table).toBeHidden();
  // Tab through the page to the callout's summary, as a keyboard user would.
  const summary = page.getByText('Stale reads (click to open)');
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await summary.evaluate((el) => el.closest('summary') === document.activeElement)) break;
  }
  await expect(page.locator('summary:focus')).toContainText('Stale reads');
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Write-through' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(table).toBeHidden();
  // Opened with `+`: open from the start, its list visible.
  await expect(page.getByText('many misses at once')).toBeVisible();
  await page.close();
});

test('a callout is a note named by its kind and title; the kind is in words, not only an icon', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${BASE}/notes/caching/`);
  const tip = page.getByRole('note', { name: /^Tip\W+Read-through beats cache-aside when$/ });
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('the cache library can load misses itself.');
  await expect(page.getByRole('note', { name: 'Caution' })).toContainText('Caution is Obsidian');
  await expect(page.getByRole('note', { name: /^Bug\W+Nested$/ })).toBeVisible();
  await page.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`callouts and highlights are readable in ${scheme}, following the site's theme`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ viewport: DESKTOP, colorScheme: scheme });
    await page.goto(`${BASE}/notes/caching/`);
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll('.callout, mark')].map((el) => {
        const box = getComputedStyle(el);
        const title = el.querySelector('.callout-title');
        const text = el.querySelector('.callout-title-text') ?? el;
        return {
          name: el.className,
          bg: box.backgroundColor,
          kind: title ? getComputedStyle(title).color : box.color,
          text: getComputedStyle(text).color,
          body: getComputedStyle(el.querySelector('.callout-content') ?? el).color,
        };
      }),
    );
    expect(colours.length).toBeGreaterThan(10);
    for (const c of colours) {
      // A dark page gets the dark tints (not the light ones on a dark page), and the reverse.
      if (scheme === 'dark') expect(luminance(c.bg), c.name).toBeLessThan(0.1);
      else expect(luminance(c.bg), c.name).toBeGreaterThan(0.75);
      for (const fg of [c.kind, c.text, c.body]) expect(contrast(fg, c.bg), c.name).toBeGreaterThan(4.5);
    }
    // The toggle pins the other theme, and the callouts follow it.
    const before = colours[0]?.bg;
    await page.evaluate(
      (s) => (document.documentElement.dataset.theme = s),
      scheme === 'dark' ? 'light' : 'dark',
    );
    const after = await page.evaluate(
      () => getComputedStyle(document.querySelector('.callout')!).backgroundColor,
    );
    expect(after).not.toBe(before);
    await page.close();
  });
}

test('wikilinks land on the named section; unresolved ones are marked, never a dead link', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${BASE}/notes/start-here/`);
  const prose = page.locator('.prose');
  await expect(prose.getByText('Consistent hashing (not included)')).toBeVisible();
  await expect(prose.getByRole('link', { name: /Consistent hashing/ })).toHaveCount(0);
  await expect(
    prose.getByRole('link', { name: 'Sharding › Resharding online (section not found)' }),
  ).toHaveAttribute('href', '/notes/sharding/');
  await expect(prose.getByRole('link', { name: '#interview/prep' })).toHaveAttribute(
    'href',
    '/tags/interview-prep/',
  );
  await expect(page.getByText('A reminder to myself')).toHaveCount(0);

  // [[#Heading]] stays on the page.
  await prose.getByRole('link', { name: 'What to practise', exact: true }).click();
  await expect(page).toHaveURL(/\/notes\/start-here\/#what-to-practise$/);
  await expect(page.getByRole('heading', { name: /^What to practise/ })).toBeInViewport();

  // [[Note#Heading|label]] goes to the other note's section, from the keyboard.
  await prose.getByRole('link', { name: 'how keys are split' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notes\/sharding\/#hash-partitioning$/);
  await expect(page.getByRole('heading', { name: /^Hash partitioning/ })).toBeInViewport();

  // [[Note#^block|label]] lands on the paragraph that carries the block id.
  await page.getByRole('link', { name: 'the hit ratio' }).click();
  await expect(page).toHaveURL(/\/notes\/caching\/#block-hit-ratio$/);
  await expect(page.getByText('A claim worth linking to.')).toBeInViewport();
  await page.close();
});

test('an embedded note is a link card; an embedded image is shown', async ({ browser }) => {
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(`${BASE}/notes/start-here/`);
  const card = page.getByRole('link', { name: /Sharding › Hash partitioning/ });
  await expect(card).toContainText('Split data across machines by key.');
  await card.click();
  await expect(page).toHaveURL(/\/notes\/sharding\/#hash-partitioning$/);
  await page.goto(`${BASE}/notes/caching/`);
  const image = page.getByRole('img', { name: 'cache layers' });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(120);
  await page.close();
});

test('math is typeset at build time: no script, KaTeX fonts from the site, no CSP violation', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: PHONE });
  const violations = await watchCsp(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${BASE}/notes/caching/`);
  await page.evaluate(() => document.fonts.ready);
  // No math script: what the page runs is the site's own (theme, offline), nothing from KaTeX.
  expect(requests.filter((u) => /\.m?js$/.test(u) && /katex|math/i.test(u))).toEqual([]);
  expect(
    await page
      .locator('script:not([src])')
      .evaluateAll((s) => s.filter((e) => /katex/i.test(e.textContent ?? '')).length),
  ).toBe(0);
  // The MathML is what assistive technology reads.
  await expect(page.locator('math').first()).toHaveAttribute('xmlns', 'http://www.w3.org/1998/Math/MathML');
  // The fraction is laid out (numerator above the bar, denominator below): KaTeX's positions
  // came through as classes, not as inline styles the CSP would block.
  const [numerator, denominator] = await page
    .locator('.katex-html .mfrac .vlist > span')
    .evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().top));
  expect(numerator).toBeDefined();
  expect(denominator).not.toBe(numerator);
  expect(
    await page.evaluate(() =>
      [...document.fonts].some((f) => f.family === 'KaTeX_Main' && f.status === 'loaded'),
    ),
  ).toBe(true);
  expect(requests.filter((u) => !u.startsWith(BASE))).toEqual([]);
  expect(requests.some((u) => u.includes('/katex/fonts/KaTeX_Main-Regular.woff2'))).toBe(true);
  expect(await violations()).toEqual([]);
  // A page without math does not load KaTeX.
  await page.goto(`${BASE}/notes/sharding/`);
  expect(await page.locator('link[href*="katex"]').count()).toBe(0);
  await page.close();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`no axe violations on Obsidian notes (${scheme}, ${device})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      for (const path of ['/notes/caching/', '/notes/start-here/']) {
        await page.goto(`${BASE}${path}`);
        // Opened, so the table inside the folded callout is checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      }
      await context.close();
    });
  }
}
