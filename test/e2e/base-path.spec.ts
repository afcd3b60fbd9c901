/**
 * The site deployed under a sub-path, as on GitHub Pages (`https://user.github.io/<repo>/`):
 * `npm run test:base` builds with BASE_PATH=/tradeoffs/ and serves the build under that prefix
 * only (anything outside it is a 404), and this journey runs against it — reading, search, a
 * quiz, a flashcard review and offline — by following the site's own links. Every request the
 * pages make must stay under the base: a single root-absolute URL would be a 404 here.
 * (It runs only in that mode; playwright.config.ts picks it when BASE_PATH is set.)
 */
import { type Page, expect, test } from '@playwright/test';
import { normalizeBase } from '../../src/domain/site/url.ts';

const BASE = normalizeBase(process.env.BASE_PATH);

/** Every same-origin request path and every failed response, for the whole test. */
function watch(page: Page) {
  const outside: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(page.url() || request.url()).origin && !url.pathname.startsWith(BASE))
      outside.push(url.pathname);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('no-such-page'))
      failed.push(`${response.status()} ${response.url()}`);
  });
  return { outside, failed };
}

/** Every root-relative link on the page, as the browser sees it now (scripts' links included). */
async function expectLinksUnderBase(page: Page) {
  const hrefs = await page
    .locator('a[href^="/"], link[href^="/"], [src^="/"], form[action^="/"]')
    .evaluateAll((elements) =>
      elements.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? ''),
    );
  expect(hrefs.length).toBeGreaterThan(5);
  expect(hrefs.filter((h) => !h.startsWith(BASE))).toEqual([]);
}

test.beforeAll(() => {
  expect(BASE, 'run with BASE_PATH set (npm run test:base)').not.toBe('/');
});

test('read, search, take a quiz, review cards and go offline — all under the base path', async ({ page }) => {
  test.setTimeout(120_000);
  const seen = watch(page);

  // Reading: the home page, then the site's own links.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Know the trade-offs cold.');
  await expect(page.getByRole('link', { name: 'Tradeoffs' })).toHaveAttribute('href', BASE);
  await expectLinksUnderBase(page);
  await page.getByRole('link', { name: 'Start reading' }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}notes/[a-z-]+/$`));
  await expect(page.getByRole('img', { name: /^Diagram 1: / })).toBeVisible();
  // Styles arrived (a missing stylesheet would leave the header unstyled).
  await expect(page.locator('.site-header')).toHaveCSS('position', 'sticky');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Notes' }).click();
  await expect(page).toHaveURL(`${BASE}notes/`);
  await page.getByRole('link', { name: 'Stateless vs Stateful Architecture', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stateless vs Stateful Architecture');
  await page.waitForLoadState('load');

  // Search: Pagefind's bundle and index come from under the base, and a result opens there.
  const box = page.getByRole('combobox', { name: /Search/ });
  await box.fill('sticky sessions');
  const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(option).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${BASE}notes/[a-z-]+/#`));

  // A quiz: the answer key is fetched from under the base; the source link points there too.
  await nav.getByRole('link', { name: 'Quizzes' }).click();
  await page
    .getByRole('link', { name: /Serverless or servers/i })
    .first()
    .click();
  await expect(page).toHaveURL(`${BASE}quizzes/serverless-or-servers/`);
  // The quiz's script shuffles (and so resets) the options once it runs: answer after that.
  await page.waitForLoadState('load');
  const first = page.locator('li.question').first();
  await first.getByRole('radio').first().check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.locator('.verdict')).toBeVisible();
  const source = first.locator('.q-source').getByRole('link');
  await expect(source).toHaveAttribute('href', new RegExp(`^${BASE}notes/[a-z-]+/#`));
  await expectLinksUnderBase(page);

  // A flashcard review, by keyboard.
  await nav.getByRole('link', { name: 'Flashcards' }).click();
  await page.getByRole('link', { name: 'Sessions and state in practice' }).first().click();
  await expect(page).toHaveURL(`${BASE}flashcards/sessions-and-state/`);
  await page.waitForLoadState('load');
  const counts = page.locator('[data-review-counts]');
  await expect(counts).toHaveText('20 new cards · 0 learning · 0 reviews due');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(counts).toHaveText('19 new cards · 1 learning · 0 reviews due');
  await expectLinksUnderBase(page);

  // The progress dashboard, drawn by script from the catalogue: its links stay under the base.
  await nav.getByRole('link', { name: 'Progress' }).click();
  await expect(page.locator('[data-due-deck="sessions-and-state"]')).toBeVisible();
  await expectLinksUnderBase(page);

  // The manifest describes an app that lives under the base.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBe(`${BASE}manifest.webmanifest`);
  const manifestUrl = new URL(manifestHref ?? '', page.url());
  const manifest = (await (await page.request.get(manifestUrl.href)).json()) as {
    start_url: string;
    scope: string;
    icons: { src: string }[];
  };
  expect(new URL(manifest.start_url, manifestUrl).pathname).toBe(BASE);
  expect(new URL(manifest.scope, manifestUrl).pathname).toBe(BASE);
  for (const icon of manifest.icons)
    expect((await page.request.get(new URL(icon.src, manifestUrl).href)).status()).toBe(200);

  // Offline: the worker registered from and scoped to the base, precached the site.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe(BASE);
  await page.context().setOffline(true);
  await nav.getByRole('link', { name: 'Notes' }).click();
  await page.getByRole('link', { name: 'Serverless Architecture', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Serverless Architecture');
  await page.waitForLoadState('load');
  await box.fill('sticky sessions');
  await expect(
    page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first(),
  ).toBeVisible();
  // A deck never opened, reviewed from its data; a page of the site not kept says so.
  await page.goto('flashcards/serverless-in-practice/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Serverless/);
  await expect(page.locator('[data-review-counts]')).toHaveText(/new cards? · 0 learning/);
  await page.goto('tags/caching/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not downloaded for offline use');
  // An address that is not part of the site: the site's own 404 page, whose links lead back in.
  await page.goto('no-such-page/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Home' })).toHaveAttribute('href', BASE);
  await page.context().setOffline(false);

  expect(seen.outside, 'requests outside the base path').toEqual([]);
  expect(seen.failed, 'failed requests').toEqual([]);
});

test('with a site URL: canonical links and a sitemap under the base; none on the 404 page', async ({
  page,
}) => {
  const site = process.env.SITE_URL;
  test.skip(!site, 'run with SITE_URL set (npm run test:base sets it)');
  await page.goto('notes/serverless-architecture/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    new URL(`${BASE}notes/serverless-architecture/`, site).href,
  );
  const index = await page.request.get('sitemap-index.xml');
  expect(index.status()).toBe(200);
  const sitemap = await (await page.request.get('sitemap-0.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  expect(locs).toContain(new URL(`${BASE}notes/serverless-architecture/`, site).href);
  expect(locs.every((loc) => loc.startsWith(new URL(BASE, site).href))).toBe(true);
  expect(locs.some((loc) => loc.includes('404'))).toBe(false);
  await page.goto('no-such-page/');
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
});

test('the 404 page under the base, online, links back into the site', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Browse all notes' }).click();
  await expect(page).toHaveURL(`${BASE}notes/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All notes');
});
