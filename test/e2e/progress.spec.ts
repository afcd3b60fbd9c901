/**
 * The progress dashboard (/progress/) in real Chromium against the built site: the first visit,
 * the dashboard after a quiz and a flashcard review done through the real pages, export → clear
 * → import bringing it all back, damaged storage, keyboard only, no JavaScript, and axe / CSP
 * with data on the page.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page, expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { applyRating } from '../../src/domain/flashcards/rating.ts';
import { emptyProgress } from '../../src/domain/flashcards/queue.ts';
import { type Quiz, QuizSchema } from '../../src/schemas/quiz.ts';

const QUIZ = QuizSchema.parse(parse(readFileSync('quizzes/stateful-vs-stateless.yaml', 'utf8'))) as Quiz;
/** The question missed on purpose: the first one (single choice, topic "state"). */
const MISSED = QUIZ.questions[0] as Extract<Quiz['questions'][number], { type: 'single' }>;
const MAX = QUIZ.questions.reduce((sum, q) => sum + q.points, 0);
const PERCENT = Math.floor(((MAX - MISSED.points) / MAX) * 100);
const CARD = 'sessions-and-state/sticky-sessions';
/** Mid-morning, so a card due in a minute is due "today" wherever the day boundary falls. */
const FIXED = new Date('2026-11-24T10:00:00Z');

test.use({ timezoneId: 'UTC' });

const dashboard = (page: Page) => page.locator('[data-dashboard]');
const topic = (page: Page, id: string) => page.locator(`[data-topic="${id}"]`);

/** Answers every question of QUIZ right except MISSED, through the quiz page, and finishes. */
async function takeQuiz(page: Page) {
  await page.goto(`/quizzes/${QUIZ.id}/`);
  for (const q of QUIZ.questions) {
    const item = page.locator(`li.question[data-qid="${q.id}"]`);
    switch (q.type) {
      case 'single': {
        const pick = q === MISSED ? q.options.find((o) => !o.correct) : q.options.find((o) => o.correct);
        await item.locator(`input[value="${pick?.id}"]`).click();
        break;
      }
      case 'multiple':
        for (const o of q.options.filter((o) => o.correct))
          await item.locator(`input[value="${o.id}"]`).click();
        break;
      case 'match':
        for (const pair of q.pairs)
          await item.locator(`li[data-pair="${pair.id}"] select`).selectOption(pair.right);
        break;
      default:
        throw new Error(`takeQuiz: no answer for a ${q.type} question`);
    }
    await item.getByRole('button', { name: 'Check answer' }).click();
    await expect(item.locator('.verdict')).toBeVisible();
  }
  await page.getByRole('button', { name: 'See results' }).last().click();
  await expect(page.getByRole('region', { name: 'Results' })).toContainText(`(${PERCENT} %)`);
}

/** Rates the deck's first card (sticky sessions) Again, through the review page. */
async function forgetCard(page: Page) {
  await page.goto('/flashcards/sessions-and-state/');
  await expect(page.locator('[data-review-front]')).toHaveText('What are sticky sessions?');
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(page.locator('[data-review-counts]')).toHaveText('19 new cards · 1 learning · 0 reviews due');
}

/** The same records as takeQuiz + forgetCard, written straight into storage (faster setup). */
function seededRecords(now: Date) {
  const questions = Object.fromEntries(
    QUIZ.questions.map((q) => [q.id, { score: q === MISSED ? 0 : q.points, max: q.points, topic: q.topic }]),
  );
  const all = Object.fromEntries(
    QUIZ.questions.map((q) => [q.id, { score: q.points, max: q.points, topic: q.topic }]),
  );
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString();
  // Yesterday every answer right; today the same miss as takeQuiz.
  const attempts = {
    version: 1,
    data: {
      attempts: [
        { quizId: QUIZ.id, at: yesterday, score: MAX, max: MAX, retry: false, questions: all },
        {
          quizId: QUIZ.id,
          at: now.toISOString(),
          score: MAX - MISSED.points,
          max: MAX,
          retry: false,
          questions,
        },
      ],
    },
  };
  const flashcards = { version: 1, data: applyRating(emptyProgress(), CARD, 1, now).progress };
  return {
    'tradeoffs.quiz-attempts': JSON.stringify(attempts),
    'tradeoffs.flashcards': JSON.stringify(flashcards),
  };
}

async function seed(page: Page, records: Record<string, string>) {
  // Written from a page that never reads progress: had it been /progress/ itself, a slow first
  // load could read (and keep aside) the records before the visit the test looks at.
  await page.goto('/404.html');
  await page.evaluate((r) => {
    for (const [k, v] of Object.entries(r)) localStorage.setItem(k, v);
  }, records);
  await page.goto('/progress/');
}

/** Presses Tab until the target has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

test('first visit: says what to do, with links to start', async ({ page }) => {
  await page.goto('/progress/');
  const empty = page.locator('[data-dashboard-empty]');
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible();
  await expect(empty.getByRole('link', { name: 'Take a quiz' })).toHaveAttribute('href', '/quizzes/');
  await expect(empty.getByRole('link', { name: 'Review flashcards' })).toHaveAttribute(
    'href',
    '/flashcards/',
  );
  await expect(page.getByRole('heading', { name: 'Quiz scores' })).toBeHidden();
  await expect(page.locator('[data-dashboard-notices]')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export all progress' })).toBeVisible();
  // Personal data is never indexed for search.
  expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
  await expect(dashboard(page)).toHaveAttribute('data-pagefind-ignore', 'all');
});

test('after a quiz with a miss and a card rated Again: score, weak topics with working links, cards due; export, clear, import brings it all back', async ({
  page,
}) => {
  test.slow();
  await page.clock.setFixedTime(FIXED);
  await takeQuiz(page);
  await forgetCard(page);
  await page.goto('/progress/');

  // Quiz scores: the attempt, its sparkline with a text alternative, the way to retry.
  const score = page.locator(`[data-score-quiz="${QUIZ.id}"]`);
  await expect(score).toContainText(`Best ${PERCENT} % · last ${PERCENT} % · 1 attempt`);
  await expect(score.getByRole('img')).toHaveAccessibleName(
    `Scores of full attempts, oldest first: ${PERCENT} %`,
  );
  await score.getByText('Every attempt').click();
  await expect(score.getByRole('table')).toContainText(`${PERCENT} %`);
  await expect(score.getByRole('link', { name: /^Retry the 1 question you missed/ })).toHaveAttribute(
    'href',
    `/quizzes/${QUIZ.id}/?retry=missed`,
  );
  await expect(page.locator('[data-dashboard-section]').first()).toContainText('Not taken yet:');

  // Weakest topics: the missed question's topic and the forgotten card's, one point each.
  const [slug, heading] = MISSED.source.split('#') as [string, string];
  const state = topic(page, MISSED.topic);
  await expect(state).toContainText('1 question missed');
  await expect(state.getByRole('link', { name: `Retry missed questions in ${QUIZ.title}` })).toHaveAttribute(
    'href',
    `/quizzes/${QUIZ.id}/?retry=missed`,
  );
  const sessions = topic(page, 'sessions');
  await expect(sessions).toContainText('1 card forgotten');
  await expect(sessions.getByRole('link', { name: '2. Sticky Sessions' })).toHaveAttribute(
    'href',
    '/notes/stateless-vs-stateful-architecture/#2-sticky-sessions',
  );
  await expect(sessions.getByRole('link', { name: 'Review Sessions and state in practice' })).toHaveAttribute(
    'href',
    '/flashcards/sessions-and-state/',
  );

  // Cards due: the forgotten card comes back in a minute: today, not now.
  await expect(page.locator('[data-due-summary]')).toHaveText(
    '0 cards due now · 1 today · 1 in the next 7 days. Up to 19 new cards can be started today.',
  );
  const row = page.locator('[data-due-deck="sessions-and-state"]');
  await expect(row.getByRole('cell')).toHaveText(['0', '1', '1', /Review now/]);
  await expect(
    row.getByRole('link', { name: /^Review now\s*: Sessions and state in practice$/ }),
  ).toHaveAttribute('href', '/flashcards/sessions-and-state/');

  // Export, then clear this browser: the first-visit page.
  const sections = page.locator('[data-dashboard-section]');
  const before = await sections.allInnerTexts();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all progress' }).click(),
  ]);
  const file = await download.path();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-dashboard-empty]')).toBeVisible();

  // Import: everything the dashboard showed is back.
  await page.locator('[data-import]').setInputFiles(file);
  await expect(page.locator('[data-progress-status]')).toHaveText(
    'Imported 1 card with 1 review and 1 quiz attempt.',
  );
  await expect(page.locator('[data-dashboard-empty]')).toBeHidden();
  await page
    .locator(`[data-score-quiz="${QUIZ.id}"] details`)
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  expect(await sections.allInnerTexts()).toEqual(before);
  await page.reload();
  await page
    .locator(`[data-score-quiz="${QUIZ.id}"] details`)
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  expect(await sections.allInnerTexts()).toEqual(before);

  // The re-read link lands on the note heading.
  await topic(page, MISSED.topic).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/notes/${slug}/#${heading}$`));
  const target = page.locator(`[id="${heading}"]`);
  await expect(target).toBeInViewport();
  expect(await target.evaluate((el) => /^H[1-6]$/.test(el.tagName))).toBe(true);
});

test('damaged storage: the page still works and says the record was kept aside, once', async ({ page }) => {
  const records = seededRecords(new Date());
  await seed(page, {
    'tradeoffs.quiz-attempts': records['tradeoffs.quiz-attempts'],
    'tradeoffs.flashcards': '{"version":1,"data":{"cards":7}',
  });
  const notices = page.locator('[data-dashboard-notices]');
  await expect(notices).toContainText('Your saved flashcard progress could not be read');
  await expect(notices).toContainText('kept aside in this browser as “tradeoffs.flashcards.corrupt.');
  // The quiz history is fine and shown; the flashcard part starts empty.
  await expect(page.locator(`[data-score-quiz="${QUIZ.id}"]`)).toContainText(`last ${PERCENT} %`);
  await expect(topic(page, MISSED.topic)).toBeVisible();
  await expect(page.getByText('No flashcard reviewed yet.')).toBeVisible();
  const corrupt = () =>
    page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('tradeoffs.flashcards.corrupt.')),
    );
  expect(await corrupt()).toHaveLength(1);
  // Kept aside once: the next visit finds an empty record, and no second copy is made.
  await page.reload();
  await expect(page.locator(`[data-score-quiz="${QUIZ.id}"]`)).toBeVisible();
  await expect(notices).toBeHidden();
  expect(await corrupt()).toHaveLength(1);
});

test('content that changed since: records of a deleted quiz, question or card are left out and counted', async ({
  page,
}) => {
  const now = new Date();
  const attempts = {
    version: 1,
    data: {
      attempts: [
        { quizId: 'a-deleted-quiz', at: now.toISOString(), score: 0, max: 1, questions: {} },
        {
          quizId: QUIZ.id,
          at: now.toISOString(),
          score: 0,
          max: 2,
          questions: {
            'a-deleted-question': { score: 0, max: 1, topic: 'gone' },
            [MISSED.id]: { score: 0, max: 1, topic: MISSED.topic },
          },
        },
      ],
    },
  };
  const cards = { version: 1, data: applyRating(emptyProgress(), 'gone-deck/gone-card', 1, now).progress };
  await seed(page, {
    'tradeoffs.quiz-attempts': JSON.stringify(attempts),
    'tradeoffs.flashcards': JSON.stringify(cards),
  });
  await expect(page.locator('[data-dashboard-notices]')).toHaveText(
    'Left out, as the content changed since: 1 attempt at quizzes that no longer exist; 1 answer to questions no longer in their quiz; 1 card no longer in any deck.',
  );
  await expect(topic(page, MISSED.topic)).toContainText('1 question missed');
  await expect(page.getByText('No flashcard reviewed yet.')).toBeVisible();
});

test('a merged card: history under its absorbed id counts for the surviving card, once', async ({ page }) => {
  await page.clock.setFixedTime(FIXED);
  await page.goto('/progress/');
  // Filled in from the progress catalogue once it has loaded (not inlined: it grows with the pile).
  await expect(page.locator('[data-card-aliases]')).not.toHaveAttribute('data-card-aliases', '{}');
  const aliases: Record<string, string> = JSON.parse(
    (await page.locator('[data-card-aliases]').getAttribute('data-card-aliases')) ?? '{}',
  );
  // Any card the quality stage merged into another (the build decides which).
  const [absorbed, survivor] = Object.entries(aliases)[0] ?? [];
  if (!absorbed || !survivor) throw new Error('the build merged no cards: nothing to test');
  const deck = survivor.split('/')[0] as string;
  const hourAgo = new Date(FIXED.getTime() - 3_600_000);
  // Rated Again under the old id an hour ago and under the surviving id now: one card, forgotten once.
  const older = applyRating(emptyProgress(), absorbed, 1, hourAgo).progress;
  const both = applyRating(older, survivor, 1, FIXED).progress;
  await seed(page, { 'tradeoffs.flashcards': JSON.stringify({ version: 1, data: both }) });
  await expect(page.locator('[data-dashboard-notices]')).toBeHidden();
  await expect(page.locator('[data-due-summary]')).toContainText('1 today · 1 in the next 7 days');
  const row = page.locator(`[data-due-deck="${deck}"]`);
  await expect(row.getByRole('cell')).toHaveText(['0', '1', '1', /Review now/]);
  const weak = page.locator('[data-weak] .weak-topic');
  await expect(weak).toHaveCount(1);
  await expect(weak).toContainText('1 card forgotten');

  // Only under the old id: still shown under the survivor, not "no longer in any deck".
  const onlyOld = applyRating(emptyProgress(), absorbed, 1, hourAgo).progress;
  await seed(page, { 'tradeoffs.flashcards': JSON.stringify({ version: 1, data: onlyOld }) });
  await expect(page.locator('[data-dashboard-notices]')).toBeHidden();
  await expect(row.getByRole('cell')).toHaveText(['1', '1', '1', /Review now/]);
  await expect(weak).toContainText('1 card forgotten');
});

test('keyboard only: from the skip link to a section to re-read, the attempt table and the export', async ({
  page,
}) => {
  await seed(page, seededRecords(new Date()));
  await expect(topic(page, MISSED.topic)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // The attempt table opens from the keyboard.
  const summary = page.locator(`[data-score-quiz="${QUIZ.id}"] summary`);
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-score-quiz="${QUIZ.id}"] table`)).toBeVisible();

  // Export with the keyboard.
  const exportButton = page.getByRole('button', { name: 'Export all progress' });
  await tabTo(page, exportButton);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^tradeoffs-progress-\d{4}-\d\d-\d\d\.json$/);
  await expect(page.locator('[data-progress-status]')).toContainText('Exported');

  // Back up with Shift+Tab to the section to re-read, then follow it.
  const reread = topic(page, MISSED.topic).locator('.reread-list a').first();
  for (let i = 0; i < 120 && !(await reread.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(reread).toBeFocused();
  expect(await reread.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#${MISSED.source.split('#')[1]}$`));
});

test('without JavaScript: says progress lives in this browser and needs JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/progress/');
  await expect(
    page.getByText(/kept in this browser only, and this page reads it with JavaScript/),
  ).toBeVisible();
  await expect(page.locator('[data-dashboard-empty]')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Quiz scores' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export all progress' })).toBeHidden();
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`with progress on the page: no axe violations, no CSP violations (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
      );
    });
    await seed(page, seededRecords(new Date()));
    await expect(page.locator('[data-due-summary]')).toBeVisible();
    await page
      .locator('details')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
      [],
    );
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    await context.close();
  });
}
