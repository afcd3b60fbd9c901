/**
 * Generated practice and the quiz progress panel, in real Chromium against the built site: take a
 * generated quiz by keyboard alone and see the score the answers earn; follow an explanation's
 * link to the exact note section; the page never carries the answers; the panel counts answers,
 * keeps the score, jumps to a question, and speaks once per checked question.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { practiceId, practiceQuiz } from '../../src/domain/quiz/practice.ts';
import type { Question } from '../../src/schemas/quiz.ts';

const SLUG = 'stateless-vs-stateful-systems';
const raw = readFileSync(`content/notes/${SLUG}.mdx`, 'utf8');
const body = raw.split(/^---$/m).slice(2).join('---');
const quiz = practiceQuiz({ slug: SLUG, title: 'Stateless vs Stateful Systems', body }).quiz;
if (!quiz) throw new Error(`no practice quiz for ${SLUG}`);
const URL = `/quizzes/${practiceId(SLUG)}/`;

const question = (page: Page, q: Question) => page.locator(`li.question[data-qid="${q.id}"]`);

/** Answers one question with the keyboard only; `wrong` picks a wrong option instead. */
async function answerByKeyboard(page: Page, q: Question, wrong = false) {
  const li = question(page, q);
  if (q.type === 'single') {
    const option = q.options.find((o) => (wrong ? !o.correct : o.correct));
    const radio = li.getByRole('radio', { name: option?.text.replace(/\\/g, '') ?? '' });
    // Arrow keys move through a radio group; stop on the wanted option.
    for (let i = 0; i < q.options.length && !(await radio.isChecked()); i++)
      await page.keyboard.press('ArrowDown');
    await expect(radio).toBeChecked();
  } else if (q.type === 'match') {
    const selects = li.getByRole('combobox');
    for (let i = 0; i < (await selects.count()); i++) {
      const select = selects.nth(i);
      await expect(select).toBeFocused();
      // The label says which left-hand item this is; type the right answer (select typeahead).
      const left = (await li.locator('label').nth(i).textContent())?.trim() ?? '';
      const right = q.pairs.find((p) => p.left.replace(/\\/g, '') === left)?.right ?? '';
      await page.keyboard.type(right);
      await expect(select).toHaveValue(right);
      await page.keyboard.press('Tab');
    }
  }
  // Tab on to the check button and press it.
  const check = li.getByRole('button', { name: 'Check answer' });
  for (let i = 0; i < 5 && !(await check.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
}

test('a generated practice quiz, taken by keyboard alone, scores what the answers earn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(URL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice: Stateless vs Stateful Systems');
  const panel = page.getByRole('navigation', { name: 'Your progress' });
  await expect(panel).toContainText(`0 of ${quiz.questions.length} questions answered`);
  const firstSingle = quiz.questions.find((q) => q.type === 'single') as Question;

  // The first control of question 1; from then on "Next question" carries the focus.
  await question(page, quiz.questions[0] as Question)
    .locator('input, select')
    .first()
    .focus();
  for (const [i, q] of quiz.questions.entries()) {
    await answerByKeyboard(page, q, q.id === firstSingle.id);
    const feedback = question(page, q).locator('.q-feedback');
    await expect(feedback).toContainText(q.id === firstSingle.id ? 'Not quite' : 'Right');
    await expect(feedback.getByRole('link').first()).toHaveAttribute(
      'href',
      `/notes/${q.source.replace('#', '/#')}`,
    );
    if (i < quiz.questions.length - 1) {
      await expect(feedback.getByRole('button', { name: 'Next question' })).toBeFocused();
      await page.keyboard.press('Enter');
    }
  }
  const n = quiz.questions.length;
  await expect(panel).toContainText(`${n} of ${n} questions answered · score ${n - 1} of ${n}`);
  const last = quiz.questions.at(-1) as Question;
  await expect(question(page, last).getByRole('button', { name: 'See results' })).toBeFocused();
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toBeFocused();
  await expect(results).toContainText(`${n - 1} of ${n} points`);
  // Saved like a hand-written quiz: the quiz list shows the score.
  await page.goto('/quizzes/');
  await expect(page.locator(`[data-quiz-score="${quiz.id}"]`)).toContainText(
    `${Math.floor(((n - 1) / n) * 100)}`,
  );
});

test('an explanation links to the exact note section', async ({ page }) => {
  await page.goto(URL);
  const q = quiz.questions[0] as Question;
  const li = question(page, q);
  if (q.type === 'match')
    for (const s of await li.getByRole('combobox').all()) await s.selectOption({ index: 1 });
  else await li.getByRole('radio').first().check();
  await li.getByRole('button', { name: 'Check answer' }).click();
  const link = li.locator('.q-source').getByRole('link');
  const [, id] = q.source.split('#');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/notes/${SLUG}/#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('the page (and so the search index) never carries the answers', async ({ request }) => {
  const html = await (await request.get(URL)).text();
  expect(html).not.toContain('class="q-answer"><summary');
  expect(html).not.toMatch(/Right: the table gives|Right: this is how the note defines/);
  expect(html).not.toContain('"correct"');
  // Without JavaScript each question says where to read, not what to answer.
  const hints = [
    ...html.matchAll(
      /<noscript[^>]*><p class="q-answer">Checking answers needs JavaScript\. [^<]*<a href="([^"]+)"/g,
    ),
  ];
  expect(hints.map((m) => m[1])).toEqual(quiz.questions.map((q) => `/notes/${q.source.replace('#', '/#')}`));
  const key = await (await request.get(`${URL}key.json`)).json();
  expect(Object.keys(key.questions)).toHaveLength(quiz.questions.length);
});

test('the progress panel: jump to a question, one announcement per check; a compact bar on phones', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/quizzes/serverless-or-servers/');
  const panel = page.getByRole('navigation', { name: 'Your progress' });
  await expect(panel).toBeVisible();
  const third = panel.getByRole('link', { name: 'Question 3, not answered yet' });
  await third.focus();
  await page.keyboard.press('Enter');
  const q3 = page.locator('li.question').nth(2);
  await expect(q3).toBeInViewport();
  await expect(q3.locator('input, select, textarea').first()).toBeFocused();

  const q1 = page.locator('li.question').first();
  await q1.locator('input').first().check();
  await q1.getByRole('button', { name: 'Check answer' }).click();
  const verdict = (await q1.locator('.verdict').textContent()) ?? '';
  const right = verdict.startsWith('Right');
  await expect(panel.getByRole('link', { name: `Question 1, ${right ? 'right' : 'wrong'}` })).toBeVisible();
  const live = panel.locator('[aria-live="polite"]');
  await expect(live).toHaveText(
    new RegExp(`^Question 1: ${right ? 'right' : 'not right'}\\. 1 of \\d+ answered`),
  );
  await expect(panel).toContainText(/1 of \d+ questions answered/);
  // Sticky: still in view far down the page.
  await page.mouse.wheel(0, 4000);
  await expect(panel).toBeInViewport();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(panel.getByRole('link', { name: /Question 3/ })).toBeHidden();
  await expect(panel).toContainText(/0 of \d+ questions answered/);
  const box = await panel.boundingBox();
  expect(box && box.y + box.height).toBeGreaterThan(844 - 8);
  expect(box && box.height).toBeLessThan(90);
});

test('a merged flashcard keeps the review history stored under the card it absorbed', async ({ page }) => {
  // Before the quality stage, "Stateful — Scalability?" of the summary table was its own card.
  const absorbed = 'stateful-vs-stateless-architecture/summary-table--scalability--stateful';
  const survivor = 'architecture-paradigms/comparison--scaling--stateful';
  await page.goto('/flashcards/');
  // Filled in from the progress catalogue once it has loaded.
  await expect(page.locator('[data-card-aliases]')).not.toHaveAttribute('data-card-aliases', '{}');
  const aliases = JSON.parse(
    (await page.locator('[data-card-aliases]').getAttribute('data-card-aliases')) ?? '{}',
  );
  expect(aliases[absorbed]).toBe(survivor);
  await page.evaluate((id) => {
    const due = new Date(Date.now() - 86_400_000).toISOString();
    localStorage.setItem(
      'tradeoffs.flashcards',
      JSON.stringify({
        version: 1,
        data: {
          cards: {
            [id]: {
              due,
              stability: 3,
              difficulty: 5,
              elapsed_days: 3,
              scheduled_days: 3,
              learning_steps: 0,
              reps: 2,
              lapses: 0,
              state: 2,
              last_review: due,
            },
          },
          log: [{ card: id, rating: 3, state: 0, at: due }],
          settings: { newPerDay: 20 },
        },
      }),
    );
  }, absorbed);
  await page.reload();
  // Without the alias the old id would be pruned as removed; with it, the survivor is due.
  await expect(page.locator('[data-deck="architecture-paradigms"] [data-deck-counts]')).toContainText(
    '1 due',
  );
  // Reviewing it saves the history under the surviving id.
  await page.goto('/flashcards/architecture-paradigms/');
  await expect(page.locator('[data-review-front]')).toHaveText('Stateful — Scaling?');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('tradeoffs.flashcards') ?? ''))
    .toContain(`"${survivor}"`);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('tradeoffs.flashcards') ?? '{}'));
  expect(Object.keys(stored.data.cards)).toEqual([survivor]);
  expect(stored.data.cards[survivor].reps).toBe(3);
});
