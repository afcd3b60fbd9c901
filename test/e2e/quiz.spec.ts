/**
 * Taking quizzes in real Chromium against the built site: a scripted set of answers must give
 * the score the README's rules give, by mouse on a phone and by keyboard alone; missed questions
 * can be retried; scores survive a reload; source links land on their heading; broken storage
 * is kept aside; without JavaScript the answers wait behind <details>.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { parse } from 'yaml';
import { type Question, type Quiz, QuizSchema } from '../../src/schemas/quiz.ts';

const QUIZ_ID = 'serverless-or-servers';
const quiz: Quiz = QuizSchema.parse(parse(readFileSync(`quizzes/${QUIZ_ID}.yaml`, 'utf8')));
const ATTEMPTS_KEY = 'tradeoffs.quiz-attempts';

/**
 * The scripted answers: the first single question wrong, every other single right; multiple:
 * all right options plus one wrong (score (c − 1) / c); order: right; match: first pair wrong;
 * free: all rubric items but the first. Expected points are worked out here from the README's
 * rules, independently of src/domain/quiz/scoring.ts.
 */
function expectedShare(q: Question, isFirstSingle: boolean): number {
  switch (q.type) {
    case 'single':
      return isFirstSingle ? 0 : 1;
    case 'multiple': {
      const right = q.options.filter((o) => o.correct).length;
      const hasWrong = q.options.some((o) => !o.correct);
      return hasWrong ? Math.max(0, right - 1) / right : 1;
    }
    case 'order':
      return 1;
    case 'match':
      return (q.pairs.length - 1) / q.pairs.length;
    case 'free':
      return (q.rubric.length - 1) / q.rubric.length;
  }
}

const firstSingle = quiz.questions.find((q) => q.type === 'single')?.id;
const expected = quiz.questions.reduce(
  (sum, q) => sum + expectedShare(q, q.id === firstSingle) * q.points,
  0,
);
const maxPoints = quiz.questions.reduce((sum, q) => sum + q.points, 0);
const missedIds = quiz.questions.filter((q) => expectedShare(q, q.id === firstSingle) < 1).map((q) => q.id);

const round2 = (n: number) => Math.round(n * 100) / 100;

function group(page: Page, q: Question): Locator {
  return page.locator(`li.question[data-qid="${q.id}"]`).getByRole('group', { name: /^Question \d+ of/ });
}

/**
 * Sorts an order question into the right order with its "Move up" buttons; `moveUp` presses one
 * (by mouse or keyboard). Each item bubbles up to its place, so later items never move it again.
 */
async function putInOrder(
  scope: Locator,
  q: Extract<Question, { type: 'order' }>,
  moveUp: (button: Locator) => Promise<void>,
) {
  for (const [target, it] of q.items.entries()) {
    for (;;) {
      const ids = await scope
        .locator('.q-order > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-item')));
      if (ids.indexOf(it.id) <= target) break;
      await moveUp(scope.locator(`li[data-item="${it.id}"]`).getByRole('button', { name: 'Move up' }));
    }
  }
}

async function answerByMouse(page: Page, q: Question, wrong: boolean) {
  const g = group(page, q);
  const item = page.locator(`li.question[data-qid="${q.id}"]`);
  switch (q.type) {
    case 'single': {
      const pick = wrong ? q.options.find((o) => !o.correct) : q.options.find((o) => o.correct);
      await g.locator(`input[value="${pick?.id}"]`).click();
      break;
    }
    case 'multiple':
      for (const o of q.options.filter((o) => o.correct)) await g.locator(`input[value="${o.id}"]`).click();
      {
        const wrongOption = q.options.find((o) => !o.correct);
        if (wrongOption) await g.locator(`input[value="${wrongOption.id}"]`).click();
      }
      break;
    case 'order':
      // Bubble each item up to its place with the "Move up" buttons.
      await putInOrder(g, q, (up) => up.click());
      break;
    case 'match':
      for (const [i, pair] of q.pairs.entries()) {
        const other = q.pairs.find((p) => p.right !== pair.right)?.right ?? pair.right;
        await g.locator(`li[data-pair="${pair.id}"] select`).selectOption(i === 0 ? other : pair.right);
      }
      break;
    case 'free':
      await g.getByRole('textbox').fill('Stateless app servers behind a load balancer; state in Redis.');
      await item.getByRole('button', { name: 'Reveal model answer' }).click();
      for (const r of q.rubric.slice(1)) await item.locator(`.q-rubric input[value="${r.id}"]`).click();
      await item.getByRole('button', { name: 'Score my answer' }).click();
      return;
  }
  await item.getByRole('button', { name: 'Check answer' }).click();
}

test.describe('quiz on a phone, by touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('scripted answers give the expected score; retry the missed ones; the score survives a reload', async ({
    page,
  }) => {
    await page.goto(`/quizzes/${QUIZ_ID}/`);
    await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
    for (const q of quiz.questions) {
      await answerByMouse(page, q, q.id === firstSingle);
      const feedback = page.locator(`li.question[data-qid="${q.id}"] .q-feedback`);
      await expect(feedback.locator('.verdict')).toBeVisible();
      // Every checked question links to the note section that answers it.
      await expect(feedback.getByRole('link')).toHaveAttribute('href', new RegExp(`^/notes/[a-z0-9-]+/#`));
    }
    // The first single question was answered wrong: every option now carries its explanation.
    const wrongOne = page.locator(`li.question[data-qid="${firstSingle}"]`);
    await expect(wrongOne.locator('.q-option-feedback:visible')).toHaveCount(
      quiz.questions.find((q) => q.id === firstSingle)?.type === 'single'
        ? (quiz.questions.find((q) => q.id === firstSingle) as Extract<Question, { type: 'single' }>).options
            .length
        : 0,
    );
    await expect(wrongOne.getByText(/✗ Wrong — you picked it/)).toBeVisible();

    await page.getByRole('button', { name: 'See results' }).last().click();
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results).toBeFocused();
    await expect(results).toContainText(`${round2(expected)} of ${maxPoints} points`);
    await expect(results.getByRole('table', { name: /By topic/ })).toBeVisible();
    await expect(results.getByRole('listitem')).toHaveCount(missedIds.length);

    await results.getByRole('button', { name: /^Retry the/ }).click();
    await expect(page.locator('li.question:visible')).toHaveCount(missedIds.length);
    await expect(
      page.getByText(`0 of ${missedIds.length} checked · retrying the ones you missed`),
    ).toBeVisible();

    await page.reload();
    await expect(
      page.getByText(new RegExp(`Best ${Math.floor((expected / maxPoints) * 100)} %`)),
    ).toBeVisible();
    await page.goto('/quizzes/');
    await expect(
      page.getByText(new RegExp(`Best ${Math.floor((expected / maxPoints) * 100)} %`)),
    ).toBeVisible();

    // "Retry the ones I missed" also works as a link after a reload.
    await page.goto(`/quizzes/${QUIZ_ID}/?retry=missed`);
    await expect(page.locator('li.question:visible')).toHaveCount(missedIds.length);
  });
});

/** Presses Tab (or Shift+Tab) until the target has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

async function answerByKeyboard(page: Page, q: Question) {
  const item = page.locator(`li.question[data-qid="${q.id}"]`);
  const check = item.getByRole('button', {
    name: q.type === 'free' ? 'Reveal model answer' : 'Check answer',
  });
  switch (q.type) {
    case 'single': {
      const values = await item
        .locator('input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      await expect(item.locator('input').first()).toBeFocused();
      const target = values.indexOf(q.options.find((o) => o.correct)?.id ?? '');
      // Arrow keys move the choice through the (shuffled) options.
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      if (target === 0) await page.keyboard.press('Space');
      break;
    }
    case 'multiple':
      for (const o of q.options.filter((o) => o.correct)) {
        await tabTo(page, item.locator(`input[value="${o.id}"]`));
        await page.keyboard.press('Space');
      }
      break;
    case 'order':
      await putInOrder(item, q, async (up) => {
        await tabTo(page, up, true);
        await page.keyboard.press('Enter');
      });
      break;
    case 'match': {
      // In page order: Tab only goes forward.
      const order = await item
        .locator('.q-match > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-pair')));
      const pairs = order.map((id) => q.pairs.find((p) => p.id === id) as (typeof q.pairs)[number]);
      for (const pair of pairs) {
        const select = item.locator(`li[data-pair="${pair.id}"] select`);
        await tabTo(page, select);
        const options = await select.locator('option').evaluateAll((els) => els.map((e) => e.textContent));
        for (let i = 0; i < options.indexOf(pair.right); i++) await page.keyboard.press('ArrowDown');
        await expect(select).toHaveValue(pair.right);
      }
      break;
    }
    case 'free':
      await page.keyboard.type(
        'Stateless API servers, state in Redis, functions for the event-driven parts.',
      );
      await tabTo(page, check);
      await page.keyboard.press('Enter');
      await expect(item.getByRole('heading', { name: 'Model answer' })).toBeFocused();
      for (const r of q.rubric) {
        await tabTo(page, item.locator(`.q-rubric input[value="${r.id}"]`));
        await page.keyboard.press('Space');
      }
      await tabTo(page, item.getByRole('button', { name: 'Score my answer' }));
      await page.keyboard.press('Enter');
      return;
  }
  await tabTo(page, check);
  await page.keyboard.press('Enter');
}

test('keyboard only: a whole quiz, every answer right, from the first Tab to the results', async ({
  page,
}) => {
  test.slow(); // dozens of key presses per question on a 2-core machine
  await page.goto(`/quizzes/${QUIZ_ID}/`);
  await tabTo(page, page.locator('li.question').first().locator('input, textarea').first());
  for (const [i, q] of quiz.questions.entries()) {
    await answerByKeyboard(page, q);
    const feedback = page.locator(`li.question[data-qid="${q.id}"] .q-feedback`);
    await expect(feedback).toContainText(`Right — ${q.points} of`);
    // Focus moved to the next step; Enter takes the keyboard there.
    const next = feedback.getByRole('button', {
      name: i < quiz.questions.length - 1 ? 'Next question' : 'See results',
    });
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
  }
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toBeFocused();
  await expect(results).toContainText(`${maxPoints} of ${maxPoints} points (100 %)`);
  await expect(results).toContainText('Every answer right.');
});

test('keyboard only: match questions are answered with the arrow keys', async ({ page }) => {
  const matchQuiz = QuizSchema.parse(parse(readFileSync('quizzes/serverless-fit.yaml', 'utf8')));
  const q = matchQuiz.questions.find((x) => x.type === 'match') as Question;
  await page.goto(`/quizzes/${matchQuiz.id}/`);
  await tabTo(page, page.locator(`li.question[data-qid="${q.id}"] select`).first());
  await answerByKeyboard(page, q);
  await expect(page.locator(`li.question[data-qid="${q.id}"] .q-feedback`)).toContainText(
    `Right — ${q.points} of`,
  );
});

test('an order question is solved with the keyboard: focus stays on the moved item', async ({ page }) => {
  const orderQuiz = ['migration-to-stateless', QUIZ_ID]
    .map((id) => QuizSchema.parse(parse(readFileSync(`quizzes/${id}.yaml`, 'utf8'))))
    .find((qz) => qz.questions.some((q) => q.type === 'order')) as Quiz;
  const q = orderQuiz.questions.find((q) => q.type === 'order');
  if (q?.type !== 'order') throw new Error('no order question');
  await page.goto(`/quizzes/${orderQuiz.id}/`);
  const g = group(page, q);
  await putInOrder(g, q, async (up) => {
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(up).toBeFocused();
  });
  await page
    .locator(`li.question[data-qid="${q.id}"]`)
    .getByRole('button', { name: 'Check answer' })
    .press('Enter');
  await expect(page.locator(`li.question[data-qid="${q.id}"] .q-feedback`)).toContainText(
    `Right — ${q.points} of`,
  );
});

test('a source link opens the note at its heading', async ({ page }) => {
  await page.goto(`/quizzes/${QUIZ_ID}/`);
  const q = quiz.questions[0] as Question;
  await answerByMouse(page, q, false);
  const link = page.locator(`li.question[data-qid="${q.id}"] .q-feedback`).getByRole('link');
  const [, id] = q.source.split('#');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/notes/[a-z0-9-]+/#${id}$`));
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading).toBeInViewport();
  expect(await heading.evaluate((el) => /^H[1-6]$/.test(el.tagName))).toBe(true);
});

test('answers are not in the page text before checking, with JavaScript', async ({ page }) => {
  await page.goto(`/quizzes/${QUIZ_ID}/`);
  const text = await page.evaluate(() => document.body.innerText);
  const q = quiz.questions.find((q) => q.type === 'single');
  if (q?.type !== 'single') throw new Error('no single question');
  for (const o of q.options) expect(text).not.toContain(o.explanation.split('\n')[0]?.slice(0, 40));
  expect(text).not.toMatch(/Answer and explanation/);
});

test('corrupted quiz history is kept aside; the quiz still works and saves', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"data":{"attempts":"oops"');
      sessionStorage.setItem('seeded', '1');
    }
  }, ATTEMPTS_KEY);
  await page.goto(`/quizzes/${QUIZ_ID}/`);
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.corrupt.')));
  expect(kept).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), kept[0] as string)).toContain('oops');
  const q = quiz.questions[0] as Question;
  await answerByMouse(page, q, false);
  await page.getByRole('button', { name: 'See results' }).last().click();
  await expect(page.getByRole('region', { name: 'Results' })).toContainText(`${q.points} of ${maxPoints}`);
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), ATTEMPTS_KEY);
  expect(saved.data.attempts).toHaveLength(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('questions are readable and every answer waits behind a disclosure', async ({ page }) => {
    await page.goto(`/quizzes/${QUIZ_ID}/`);
    await expect(page.locator('li.question')).toHaveCount(quiz.questions.length);
    await expect(page.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
    const answers = page.locator('details.q-answer');
    await expect(answers).toHaveCount(quiz.questions.length);
    await answers.first().locator('summary').click();
    await expect(answers.first()).toContainText('Source:');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a checked quiz with results has no axe violations (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`/quizzes/${QUIZ_ID}/`);
    // One right, one wrong, the free question revealed: every feedback style on screen.
    await answerByMouse(page, quiz.questions[0] as Question, false);
    await answerByMouse(page, quiz.questions[1] as Question, true);
    const freeQ = quiz.questions.find((q) => q.type === 'free');
    if (freeQ) await answerByMouse(page, freeQ, false);
    await page.getByRole('button', { name: 'See results' }).last().click();
    await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
      [],
    );
    await context.close();
  });
}

test('reading saved attempts back (quiz page, home page) causes no CSP violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective}: ${e.sample}`),
    );
  });
  await page.goto(`/quizzes/${QUIZ_ID}/`);
  await answerByMouse(page, quiz.questions[0] as Question, false);
  await page.getByRole('button', { name: 'See results' }).last().click();
  // Scored (and saved) once the answer key is in: reloading before that raced the fetch.
  await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Best \d+ %/)).toBeVisible();
  await page.goto('/');
  await expect(page.getByText(/^Best \d+ %/).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});
