/**
 * A pile of notes in folders, read as a reader would: the notes index and the section list
 * (sidebar on a desktop, a disclosure on a phone, no JavaScript needed), breadcrumbs, prev/next
 * that stay within a section, "Linked from" with the linking sentence, related notes by tag.
 * The site's own notes sit at the top level, so this builds a fixture pile of its own
 * (test/fixtures/sections/notes: three folders, one nested, one `_section.yaml`) and serves it on
 * its own port.
 */
import { spawnSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { fixtureSite } from './fixture-site.ts';

const PORT = Number(process.env.E2E_PORT ?? 4322) + 70;
const BASE = `http://localhost:${PORT}`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const site = fixtureSite('test/fixtures/sections/notes', 'sections', PORT);

test('the sectioned pages validate and every link and #section anchor resolves (npm run test:site on this build)', () => {
  const check = spawnSync(process.execPath, ['scripts/check-site.ts'], {
    env: { ...process.env, DIST_DIR: site.dir, BASE_PATH: '/' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
  expect(check.stdout).toMatch(/site ok: \d+ pages, \d+ links checked, .* 0 broken, 0 html-validate errors/);
});

const sectionNav = (page: Page) => page.getByRole('navigation', { name: 'Notes by section', exact: true });

test('desktop: the index follows the folders; a note shows where it is, who links to it, and stays in its section', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(`${BASE}/notes/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All notes');
  await expect(page.getByText('8 notes in 4 sections, in reading order.')).toBeVisible();

  // The sidebar: sections with counts, the configured title and order, the nested folder.
  const nav = sectionNav(page);
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('listitem')).toHaveText([
    /^General\s+1$/,
    /^Networking basics\s+3$/,
    /^Storage\s+4\s*Databases\s+2$/,
    /^Databases\s+2$/,
  ]);
  await nav.getByRole('link', { name: 'Databases' }).click();
  await expect(page).toHaveURL(/\/notes\/#storage--02-databases$/);
  await expect(page.getByRole('heading', { name: /^Databases/ })).toBeInViewport();
  const databases = page.getByRole('region', { name: /^Databases/ });
  await expect(databases.getByRole('link')).toHaveText(['Sharding', 'Indexes']);

  // A note: breadcrumbs, its place in the section, the section list opened at it.
  await page.getByRole('link', { name: 'DNS', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DNS');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link')).toHaveText(['All notes', 'Networking basics']);
  await expect(crumbs).toContainText('1 of 3');
  await expect(sectionNav(page).getByRole('link', { name: 'DNS' })).toHaveAttribute('aria-current', 'page');
  await expect(sectionNav(page).getByRole('link', { name: 'Sharding' })).toHaveCount(0);

  // Linked from: each linking note once, with its sentence; a link inside code is not one.
  const linked = page.getByRole('region', { name: 'Linked from' });
  await expect(linked.getByRole('link')).toHaveText(['Start here', 'TCP vs UDP', 'Caching']);
  await expect(linked.getByRole('listitem').first()).toContainText(
    'Begin with DNS to see how a name becomes an address, then read about caching before the storage section.',
  );
  await expect(linked.getByRole('listitem').nth(2)).toContainText('Expire entries with a TTL, as DNS does');
  // Related by tags, without repeating the notes already listed as linking here.
  await expect(page.getByRole('region', { name: 'Related notes' }).getByRole('link')).toHaveText([
    'Load balancers',
  ]);

  // Prev/next within the section: DNS is first, TCP vs UDP last, and neither leaves it.
  const more = page.getByRole('navigation', { name: 'More notes' });
  await expect(more.getByRole('link')).toHaveCount(1);
  await more.getByRole('link', { name: /Next in Networking basics\s*Load balancers/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Load balancers');
  await page
    .getByRole('navigation', { name: 'More notes' })
    .getByRole('link', { name: /^Next in/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TCP vs UDP');
  await expect(page.getByRole('navigation', { name: 'More notes' }).getByRole('link')).toHaveText([
    /^Previous in Networking basics\s*Load balancers$/,
  ]);

  // A wikilink is a backlink too, with the words it shows.
  await page.goto(`${BASE}/notes/sharding/`);
  const wiki = page
    .getByRole('region', { name: 'Linked from' })
    .getByRole('listitem')
    .filter({ hasText: 'Indexes' });
  await expect(wiki).toContainText('An index is kept per shard, so splitting the data splits the index too.');
  await page.close();
});

test('phone: the section list is a closed disclosure, opened and followed with the keyboard', async ({
  browser,
}) => {
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${BASE}/notes/sharding/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sharding');
  const summary = page.locator('summary', { hasText: 'Sections' });
  await expect(summary).toHaveText(/Sections · Databases\s*8 notes/);
  // Closed: no list in the way of the text; the sidebar's copy is not displayed on a phone.
  await expect(sectionNav(page)).toBeHidden();
  await expect(page.locator('.section-nav-wide')).toBeHidden();

  await summary.focus();
  await page.keyboard.press('Enter');
  const nav = sectionNav(page);
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Sharding' })).toHaveAttribute('aria-current', 'page');
  // Tab from the summary into the list, to "General", and follow it.
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'General' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notes\/#notes$/);
  await expect(page.getByRole('heading', { name: /^General/ })).toBeInViewport();

  // The notes index on a phone has the same closed disclosure above the list.
  await expect(page.locator('summary', { hasText: 'Sections' })).toBeVisible();
  await expect(sectionNav(page)).toBeHidden();
  // Nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.close();
});

test('without JavaScript: sections, backlinks and related notes are all there', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${BASE}/notes/replication/`);
  await page.locator('summary', { hasText: 'Sections' }).click();
  await expect(sectionNav(page).getByRole('link', { name: 'Replication' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const linked = page.getByRole('region', { name: 'Linked from' });
  await expect(linked.getByRole('link')).toHaveText(['Load balancers', 'Sharding']);
  await expect(linked.getByRole('listitem').first()).toContainText(
    'Sticky sessions tie a client to one server, which replication makes less necessary.',
  );
  // Sharing "storage" (3 notes carry it) counts more than sharing "scaling" (4 do).
  await expect(page.getByRole('region', { name: 'Related notes' }).getByRole('link')).toHaveText([
    'Indexes',
    'Caching',
  ]);
  await context.close();
});

test('the home page stays short: sections with counts and their first notes', async ({ browser }) => {
  const page = await browser.newPage({ viewport: DESKTOP });
  await page.goto(`${BASE}/`);
  const notes = page.getByRole('region', { name: 'Notes' });
  await expect(notes.getByRole('heading', { level: 3 })).toHaveText([
    'General',
    'Networking basics',
    'Storage',
  ]);
  await expect(notes.getByRole('article').filter({ hasText: 'Storage' })).toContainText('4 notes');
  // Storage's first three in reading order, its subfolder's included; never every note.
  await expect(notes.getByRole('article').filter({ hasText: 'Storage' }).getByRole('listitem')).toHaveText([
    'Caching',
    'Replication',
    'Sharding',
  ]);
  await notes.getByRole('link', { name: 'All 8 notes' }).click();
  await expect(page).toHaveURL(`${BASE}/notes/`);
  await page.close();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`the sectioned index and a note with backlinks have no axe violations (${device}, ${scheme})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      for (const path of ['/notes/', '/notes/dns/', '/']) {
        await page.goto(`${BASE}${path}`);
        const summary = page.locator('summary', { hasText: 'Sections' });
        if (device === 'phone' && (await summary.count())) await summary.click();
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
          [],
        );
      }
      await page.close();
    });
  }
}
