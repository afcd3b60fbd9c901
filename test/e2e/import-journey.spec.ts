/**
 * The author's journey: bring a vault (Obsidian folders, frontmatter, attachments, a Notion
 * export, broken notes) into a fresh notes folder with `npm run import`, build the site over
 * it, and read it. Slow (an import, a build): one spec, serial, with its own server.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { otherNotesEnv } from '../../src/lib/paths.ts';
import { type DistServer, serveDist } from './fixture-site.ts';
import { withBuildLock } from '../support/build-lock.ts';

const port = Number(process.env.E2E_PORT ?? 4322) + 100;
const base = `http://localhost:${port}`;
const checkout = mkdtempSync(join(tmpdir(), 'tradeoffs-journey-'));
const notes = join(checkout, 'content/notes');
let server: DistServer | undefined;
let importOutput = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  const imported = run(['scripts/import.ts', 'test/fixtures/vault', '--out', notes]);
  importOutput = imported.output;
  expect(imported.status, imported.output).toBe(0);
  const built = withBuildLock(() =>
    run(
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(checkout, 'dist')],
      otherNotesEnv(notes),
    ),
  );
  expect(built.status, built.output.slice(-3000)).toBe(0);
  server = await serveDist(join(checkout, 'dist'), port);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(checkout, { recursive: true, force: true });
});

test('the import report ends with a one-line summary and names what needs a human', () => {
  expect(importOutput).toMatch(
    /\nSummary: 15 imported \(15 new, 0 updated\), 0 unchanged, 0 kept because edited, 2 refused, 2 need a human, 2 not published\n/,
  );
  expect(importOutput).toMatch(/Inbox\/Bad frontmatter\.md:4: frontmatter is not valid YAML/);
  expect(importOutput).toMatch(
    /Load balancing\.md[\s\S]*line 11: \[\[Service mesh\|the mesh note\]\] links to a note that is not included/,
  );
});

test('an imported note opens from the notes index by keyboard and reads like the vault', async ({ page }) => {
  await page.goto(`${base}/notes/`);
  const link = page.getByRole('link', { name: 'Database replication', exact: true }).first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notes\/database-replication\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Database replication');
  await expect(page.getByRole('heading', { level: 2, name: /Leader election/ })).toBeVisible();
  await expect(
    page.getByText('Replication keeps a copy of the same data on several machines').last(),
  ).toBeVisible();
});

test('wikilinks lead to the notes they name; one to a note not imported is marked, not broken', async ({
  page,
}) => {
  await page.goto(`${base}/notes/start-here/`);
  await expect(page.getByText('Service mesh (not included)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Service mesh' })).toHaveCount(0);
  await page.getByRole('link', { name: 'how to split data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sharding');
  await page.goBack();
  await page.getByRole('link', { name: 'Replication', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Database replication');
  // ![[replication-lag.png]]: the attachment was copied and is shown.
  const chart = page.getByRole('img', { name: 'replication lag' });
  await expect(chart).toBeVisible();
  // Visible is not loaded: wait for the file itself (a missing one never gets a width).
  await expect
    .poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
});

test('a Notion page shows its image and links to its child page', async ({ page }) => {
  await page.goto(`${base}/notes/interview-prep/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interview prep');
  const image = page.getByRole('img', { name: 'Untitled' });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  await page.getByRole('link', { name: 'Rate limiting' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rate limiting');
  await expect(page.getByRole('heading', { level: 2, name: /Token bucket/ })).toBeVisible();
});

test('two notes with the same title each keep their own page', async ({ page }) => {
  await page.goto(`${base}/notes/caching/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caching');
  await expect(page.getByText('Keep hot data close to where it is read.').last()).toBeVisible();
  await page.goto(`${base}/notes/caching-2/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caching');
  await expect(page.getByText('A CDN caches responses at edges near the reader.').last()).toBeVisible();
});

test('Unicode and emoji names get readable pages; drafts and private notes get none', async ({ page }) => {
  await page.goto(`${base}/notes/ecriture-differee/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Écriture différée');
  await page.goto(`${base}/notes/rocket/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('🚀');
  await page.goto(`${base}/notes/`);
  await expect(page.getByRole('link', { name: 'Salary negotiation' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Rate limiter', exact: true })).toHaveCount(0);
  expect((await page.request.get(`${base}/notes/salary-negotiation/`)).status()).toBe(404);
});

test('HTML copied from the web keeps its safe parts and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${base}/notes/web-security-basics/`);
  await expect(page.getByText('Click to learn about XSS.')).toBeVisible();
  await page.getByText('Click to learn about XSS.').click();
  await page.getByText('a bad link').click();
  await expect(page.locator('kbd', { hasText: 'Ctrl' })).toBeVisible();
  await expect(page.getByText('Generic types like List<String> are text, not tags.')).toBeVisible();
  expect(dialogs).toEqual([]);
});
