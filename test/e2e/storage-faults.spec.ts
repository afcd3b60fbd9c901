/**
 * Storage faults as a reader meets them, in real Chromium: a card state the scheduler rejects,
 * a big damaged record on every visit, and storage that fills up in the middle of a review.
 */
import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';

const DECK = '/flashcards/sessions-and-state/';
const card = (over: Record<string, unknown>) => ({
  due: '2020-01-01T00:00:00.000Z',
  stability: 3,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 3,
  lapses: 0,
  state: 2,
  last_review: '2019-12-29T00:00:00.000Z',
  ...over,
});

test('a card state the scheduler cannot take: set aside with a message, and review goes on', async ({
  page,
}) => {
  await page.goto('/flashcards/');
  const record = {
    version: 1,
    data: {
      cards: {
        'sessions-and-state/sticky-sessions': card({ stability: 0 }),
        'sessions-and-state/sticky-sessions-problem': card({ last_review: '2099-01-01T00:00:00.000Z' }),
      },
      log: [],
      settings: { newPerDay: 20 },
    },
  };
  await page.evaluate((r) => localStorage.setItem('tradeoffs.flashcards', JSON.stringify(r)), record);
  await page.goto(DECK);
  const notice = page.locator('[data-review-notice]');
  await expect(notice).toContainText('1 card had a saved state the scheduler cannot use');
  await expect(notice).toContainText('1 card had a last review in the future: moved to now');
  // The card whose review was "in the future" is due and can be answered and rated.
  await page.keyboard.press('Space');
  await expect(page.locator('[data-review-answer]')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Good: next in / })).toBeFocused();
  await page.keyboard.press('3');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-review-answer]')).toBeVisible();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt.')));
  expect(kept).toHaveLength(1);
});

test('a 1 MB damaged record on every visit is kept aside once, and ratings still save', async ({ page }) => {
  await page.goto('/flashcards/');
  await page.evaluate(() =>
    localStorage.setItem('tradeoffs.flashcards', `{"version":1,"data":"${'x'.repeat(1_000_000)}`),
  );
  for (let i = 0; i < 5; i++) {
    await page.goto('/flashcards/');
    await page.goto(DECK);
    await expect(page.locator('[data-review-notice]')).toContainText('could not be read');
  }
  const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt.')));
  expect(copies).toHaveLength(1);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await page.reload();
  await expect(page.locator('[data-review-counts]')).toHaveText('19 new cards · 1 learning · 0 reviews due');
});

/** Fills what is left of the origin's storage quota with another site's data. */
const fillStorage = (page: Page) =>
  page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 16;) {
      try {
        localStorage.setItem(`other.${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });

test('storage full: said at the rating it refuses, with the export offered (and holding that rating)', async ({
  page,
}) => {
  await page.goto(DECK);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await fillStorage(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  const notice = page.locator('[data-review-notice]');
  await expect(notice).toHaveText(
    /^Browser storage is full: this rating was not saved\. Export your progress/,
  );
  await expect(page.locator('[data-review-counts]')).toHaveText('18 new cards · 2 learning · 0 reviews due');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all progress' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.records['tradeoffs.flashcards'].data.log).toHaveLength(2);
});

test('a progress file holding only quiz attempts merges, and flashcard progress stays', async ({ page }) => {
  await page.goto(DECK);
  for (const key of ['3', '4', '1']) {
    await page.keyboard.press('Space');
    await page.keyboard.press(key);
  }
  await page.goto('/flashcards/');
  // The live counts come from the (fetched) catalogue: compare those, not the page's static line.
  await expect(page.locator('[data-deck-counts]').first()).toContainText('new');
  const before = await page.locator('[data-deck-counts]').allTextContents();
  const attempt = {
    quizId: 'serverless-or-servers',
    at: '2026-11-30T10:00:00.000Z',
    score: 3,
    max: 14,
    retry: false,
    questions: {},
  };
  const file = {
    app: 'tradeoffs',
    kind: 'progress',
    format: 1,
    exportedAt: '2026-11-30T10:00:00.000Z',
    records: { 'tradeoffs.quiz-attempts': { version: 1, data: { attempts: [attempt] } } },
  };
  await page.locator('[data-import]').setInputFiles({
    name: 'quiz-only.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.locator('[data-progress-status]')).toHaveText(
    'Imported 1 quiz attempt. The file has no flashcard progress: yours is left as it was.',
  );
  expect(await page.locator('[data-deck-counts]').allTextContents()).toEqual(before);
  const log = await page.evaluate(
    () => JSON.parse(localStorage.getItem('tradeoffs.flashcards') ?? '{}').data.log,
  );
  expect(log).toHaveLength(3);
});

test('storage full at the end of a quiz: said at the results, with the export offered (holding that attempt)', async ({
  page,
}) => {
  const quiz = 'practice-serverless-architecture';
  await page.goto(`/quizzes/${quiz}/`);
  const first = page.locator('li.question').first();
  const select = first.getByRole('combobox');
  if (await select.count()) for (const s of await select.all()) await s.selectOption({ index: 1 });
  else await first.getByRole('radio').first().check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  await expect(first.locator('.verdict')).toBeVisible();
  await fillStorage(page);
  await page.locator('[data-quiz-finish]').getByRole('button', { name: 'See results' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toBeFocused();
  // Where the reader is: at the results, not in a notice at the top of the page.
  await expect(results.getByRole('status')).toHaveText(
    /^Browser storage is full: this result was not saved\. Export your progress to keep it/,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    results.getByRole('button', { name: 'Export all progress' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const attempts = file.records['tradeoffs.quiz-attempts'].data.attempts;
  expect(attempts.map((a: { quizId: string }) => a.quizId)).toEqual([quiz]);
  await expect(results.getByRole('status')).toHaveText(/^Exported tradeoffs-.*\.json/);

  // Room made again, the file imported: the attempt is back, on the quiz list too.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('other.')) localStorage.removeItem(key);
  });
  await page.goto('/progress/');
  await page.locator('[data-import]').setInputFiles(await download.path());
  await expect(page.locator('[data-progress-status]')).toContainText('1 quiz attempt');
  await page.goto('/quizzes/');
  await expect(page.locator(`[data-quiz-score="${quiz}"]`)).not.toHaveText('Not taken yet');
});
