/**
 * Generated practice and the quiz progress panel, in real Chromium against the built site: take a
 * generated quiz by keyboard alone and see the score the answers earn; follow an explanation's
 * link to the exact note section; the page never carries the answers; the panel counts answers,
 * keeps the score, jumps to a question, and speaks once per checked question.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { practiceId, practiceQuiz } from '../../src/domain/quiz/practice.ts';
import type { Question } from '../../src/schemas/quiz.ts';
import { practiceContext } from '../../src/domain/quiz/practice.ts';
import { gateContent } from '../../src/integrations/load-notes.ts';

// The quiz exactly as the build generates it: the same context (disagreements, hand-written questions).
const { compare, quizzes } = await gateContent();
const context = practiceContext(
  compare.comparisons,
  quizzes.map((q) => q.data),
);

const SLUG = 'serverless-architecture';
const raw = readFileSync(`content/notes/${SLUG}.mdx`, 'utf8');
const body = raw.split(/^---$/m).slice(2).join('---');
const quiz = practiceQuiz({ slug: SLUG, title: 'Serverless Architecture', body }, context).quiz;
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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice: Serverless Architecture');
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

test('the page never carries the answers (the search index: quiz-index.spec.ts)', async ({ request }) => {
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
  // The jump list comes before the questions in the keyboard order (like a note's contents).
  await page.getByRole('link', { name: 'Quizzes' }).first().focus();
  const third = panel.getByRole('link', { name: 'Question 3, not answered yet' });
  for (let i = 0; i < 25 && !(await third.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(third).toBeFocused();
  await page.keyboard.press('Enter');
  const q3 = page.locator('li.question').nth(2);
  await expect(q3.locator('input, select, textarea').first()).toBeFocused();
  // Scrolled to the question's top, just below the sticky site header, not under it (once the
  // smooth scroll has come to rest).
  const header = await page.locator('.site-header').boundingBox();
  const below = (header?.y ?? 0) + (header?.height ?? 0);
  await expect
    .poll(async () => {
      const y = (await q3.boundingBox())?.y ?? -1;
      return y >= below && y < below + 40;
    })
    .toBe(true);

  const q1 = page.locator('li.question').first();
  await q1.locator('input').first().check();
  await q1.getByRole('button', { name: 'Check answer' }).click();
  const verdict = (await q1.locator('.verdict').textContent()) ?? '';
  const right = verdict.startsWith('Right');
  const q1Link = panel.getByRole('link', { name: `Question 1, ${right ? 'right' : 'wrong'}` });
  await expect(q1Link).toBeVisible();
  // The question's own feedback speaks the verdict; the panel adds only the running totals.
  const live = panel.locator('[aria-live="polite"]');
  await expect(live).toHaveText(/^1 of \d+ answered, score [\d.]+ of \d+ points\.$/);
  await expect(panel).toContainText(/1 of \d+ questions answered/);
  // Jumping back to a checked question lands on the question itself, not on a link in its feedback.
  await q1Link.focus();
  await page.keyboard.press('Enter');
  await expect(q1).toBeFocused();
  // Sticky: still in view far down the page.
  await page.mouse.wheel(0, 4000);
  await expect(panel).toBeInViewport();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(panel.getByRole('link', { name: /Question 3/ })).toBeHidden();
  await expect(panel).toContainText(/0 of \d+ questions answered/);
  // On the one-line bar the score keeps its word; "questions" and "points" give way.
  await expect(panel.locator('.panel-long')).toHaveText([/questions/, /points/]);
  await expect(panel.locator('[data-panel-summary]')).toHaveText(/ answered · score 0 of \d+ points$/);
  const box = await panel.boundingBox();
  expect(box && box.y + box.height).toBeGreaterThan(844 - 8);
  expect(box && box.height).toBeLessThan(90);
});

test('from a note, "Practise this note" leads to its practice quiz and its deck; the quiz list points to practice', async ({
  page,
}) => {
  await page.goto(`/notes/${SLUG}/`);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  // Near the top of the note, before the reading: a link to the practice below it.
  await page.getByRole('link', { name: 'Practise this note' }).click();
  const practise = page.getByRole('region', { name: 'Practise this note' });
  await expect(practise).toBeInViewport();
  await expect(practise.getByRole('link', { name: `Flashcards: ${title}` })).toHaveAttribute(
    'href',
    `/flashcards/${SLUG}/`,
  );
  await expect(practise).toContainText(`${quiz.questions.length} questions generated from this note`);
  // Hand-written quizzes with questions from this note are there too, with how many.
  await expect(practise.getByRole('link', { name: /^Quiz: / }).first()).toBeVisible();
  await practise.getByRole('link', { name: 'Practice quiz' }).click();
  await expect(page).toHaveURL(new RegExp(`${URL}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Practice: ${title}`);
  // And from the practice quiz, the other way to practise the same note.
  await expect(page.getByRole('link', { name: 'flashcards from this note' })).toHaveAttribute(
    'href',
    `/flashcards/${SLUG}/`,
  );

  await page.goto('/quizzes/');
  await page.getByRole('link', { name: /^\d+ practice quizzes$/ }).click();
  await expect(page.getByRole('heading', { name: 'Practice from every note' })).toBeInViewport();
  await expect(
    page.locator('.practice-list').getByRole('link', { name: `Practice: ${title}` }),
  ).toBeVisible();
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

test('a practice quiz is saved like a hand-written one: after a reload, its score on the quiz list and on /progress/', async ({
  page,
}) => {
  await page.goto(URL);
  // Every question right but the first: answers from the build's own generation of the quiz.
  for (const [i, q] of quiz.questions.entries()) {
    const li = question(page, q);
    if (q.type === 'single') {
      const option = q.options.find((o) => (i === 0 ? !o.correct : o.correct));
      await li.getByRole('radio', { name: option?.text.replace(/\\/g, '') ?? '' }).check();
    } else if (q.type === 'match') {
      for (const [j, select] of (await li.getByRole('combobox').all()).entries()) {
        const left = (await li.locator('label').nth(j).textContent())?.trim() ?? '';
        const right = q.pairs.find((p) => p.left.replace(/\\/g, '') === left)?.right ?? '';
        await select.selectOption(i === 0 ? { index: 1 } : right);
      }
    }
    await li.getByRole('button', { name: 'Check answer' }).click();
    await expect(li.locator('.verdict')).toBeVisible();
  }
  const first = quiz.questions[0] as Question;
  const max = quiz.questions.reduce((sum, q) => sum + q.points, 0);
  await page.locator('[data-quiz-finish]').getByRole('button', { name: 'See results' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  const scored = (await results.textContent()) ?? '';
  // The first answer may still earn part of its points (a match with one pair right by chance).
  const score = Number(/(\d+(?:\.\d+)?) of \d+ points/.exec(scored)?.[1]);
  expect(score).toBeGreaterThanOrEqual(max - first.points);
  expect(score).toBeLessThan(max);
  const percent = Math.floor((score / max) * 100);

  await page.reload();
  await expect(page.locator('[data-quiz-history]')).toContainText(`${percent} %`);
  await page.goto('/quizzes/');
  await expect(page.locator(`[data-quiz-score="${quiz.id}"]`)).toContainText(`${percent}`);
  await page.goto('/progress/');
  const card = page.locator(`[data-score-quiz="${quiz.id}"]`);
  await expect(card).toContainText(`Best ${percent} % · last ${percent} % · 1 attempt`);
  await expect(card.getByRole('link', { name: /^Retry the 1 question you missed/ })).toHaveAttribute(
    'href',
    `${URL}?retry=missed`,
  );
});

test('on a 390 px phone no quiz page is wider than the screen, before or after checking the answers', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/quizzes/');
  const links = await page
    .locator('.quiz-card a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(links.length).toBeGreaterThan(8);
  const wide = async () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const path of links) {
    await page.goto(path);
    expect(await wide(), path).toBeLessThanOrEqual(0);
  }
  // Checked answers add the right answer beside each pair and option: long ones must wrap too.
  for (const path of ['/quizzes/serverless-fit/', URL]) {
    await page.goto(path);
    for (const li of await page.locator('li.question').all()) {
      for (const select of await li.getByRole('combobox').all()) await select.selectOption({ index: 1 });
      const option = li.locator('input[type="radio"], input[type="checkbox"]').first();
      if (await option.count()) await option.check();
      await li.getByRole('button', { name: /^(Check answer|Reveal model answer)$/ }).click();
    }
    expect(await wide(), `${path}, answers checked`).toBeLessThanOrEqual(0);
  }
});

test('on a phone, the keyboard focus never hides behind the progress bar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/quizzes/serverless-fit/');
  await page.locator('li.question input, li.question select').first().focus();
  const hidden: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const focus = document.activeElement as HTMLElement;
      const bar = document.querySelector('[data-quiz-panel]')?.getBoundingClientRect();
      // Only while the bar is stuck to the bottom of the screen (not once the quiz has scrolled past).
      const stuck = bar && bar.bottom >= innerHeight - 1;
      return stuck && focus.getBoundingClientRect().bottom > bar.top ? focus.outerHTML.slice(0, 60) : '';
    });
    if (where) hidden.push(where);
  }
  expect(hidden).toEqual([]);
});

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`a practice quiz with checked answers, its panel and storage-full export: no axe violations (${device}, ${scheme})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport });
      const page = await context.newPage();
      await page.goto(URL);
      // One wrong, one right: every panel state and feedback style on screen.
      for (const [i, q] of quiz.questions.slice(0, 3).entries()) {
        const li = question(page, q);
        if (q.type === 'single')
          await li
            .getByRole('radio')
            .nth(i % q.options.length)
            .check();
        else
          for (const select of await li.getByRole('combobox').all()) await select.selectOption({ index: 1 });
        await li.getByRole('button', { name: 'Check answer' }).click();
        await expect(li.locator('.verdict')).toBeVisible();
      }
      // Storage that refuses every write: the results say so and offer the export.
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('full', 'QuotaExceededError');
        };
      });
      await page.locator('[data-quiz-finish]').getByRole('button', { name: 'See results' }).click();
      const results = page.getByRole('region', { name: 'Results' });
      await expect(results.getByRole('button', { name: 'Export all progress' })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
        [],
      );
      await context.close();
    });
  }
}
