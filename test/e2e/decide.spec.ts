/**
 * The decision walker (/decide/) in real Chromium against the built site. The paths come from
 * the diagram itself (parsed from the note as the build does), so a new branch in the flowchart
 * is walked here without touching this file: every root-to-leaf path by mouse, one by keyboard
 * alone, going back and changing an answer, a shared link, and the page without JavaScript.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { parse } from 'yaml';
import { diagramUnder } from '../../src/domain/decide/gate.ts';
import { allPaths, type DecisionTree, decisionTree, type TreePath } from '../../src/domain/decide/tree.ts';
import { DecisionWalkerSchema } from '../../src/schemas/decide.ts';

const walker = DecisionWalkerSchema.parse(
  parse(readFileSync('content/decide/decision-framework.yaml', 'utf8')),
);
const [slug = '', heading = ''] = walker.diagram.split('#');
const diagram = diagramUnder(readFileSync(`content/notes/${slug}.mdx`, 'utf8'), heading);
const tree = decisionTree(diagram?.source ?? '').tree as DecisionTree;
const paths = allPaths(tree);
const answerLabel = (question: string, answer: string) =>
  tree.questions[question]?.answers.find((a) => a.slug === answer)?.label ?? answer;

const walk = (page: Page) => page.getByRole('region', { name: 'Walk through the decision' });
const trail = (page: Page) =>
  walk(page).getByRole('region', { name: 'Your answers so far' }).getByRole('list');

test('the tree read from the note has the shape the issue describes', () => {
  expect(Object.keys(tree.questions)).toHaveLength(4);
  expect(Object.keys(tree.leaves)).toHaveLength(5);
  expect(paths).toHaveLength(5);
});

for (const path of paths) {
  const leaf = tree.leaves[path.leaf]?.label ?? path.leaf;
  const name = path.steps.map((s) => answerLabel(s.question, s.answer)).join(' → ');
  test(`walks ${name} to ${leaf}`, async ({ page }) => {
    await page.goto('/decide/');
    for (const [i, step] of path.steps.entries()) {
      const question = tree.questions[step.question];
      const group = walk(page).getByRole('group', { name: `Question ${i + 1}: ${question?.label}` });
      await expect(group).toBeVisible();
      await group.getByRole('button', { name: answerLabel(step.question, step.answer), exact: true }).click();
    }
    const result = walk(page).getByRole('region', { name: `Recommendation: ${leaf}` });
    await expect(result).toBeVisible();
    await expect(result.getByRole('heading', { level: 3 })).toBeFocused();
    await expect(walk(page).getByRole('group')).toBeHidden();
    // The path so far: one "question — answer" per step.
    await expect(trail(page).getByRole('listitem')).toHaveText(
      path.steps.map(
        (s) =>
          new RegExp(
            `${escape(tree.questions[s.question]?.label)} — ${escape(answerLabel(s.question, s.answer))}`,
          ),
      ),
    );
    // Each step's reason, and the leaf's, as written in content/decide.
    const leafReason = walker.leaves.find((l) => l.id === path.leaf)?.reason ?? '';
    await expect(result).toContainText(leafReason);
    await expect(result.getByRole('listitem')).toHaveCount(
      path.steps.length +
        (walker.leaves.find((l) => l.id === path.leaf)?.sources.length ?? 0) +
        walker.links.length,
    );
    await expect(page.getByRole('status')).toHaveText(new RegExp(`^Recommendation: ${escape(leaf)}\\.`));
    // The walk is in the address.
    expect(new URL(page.url()).searchParams.get('path')).toBe(path.steps.map((s) => s.answer).join('.'));
    // A note link lands on its heading.
    const link = result.getByRole('link').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await expect(page).toHaveURL(href);
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeVisible();
  });
}

const escape = (text = '') => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The longest path: the one the keyboard and back tests use. */
const longest = paths.reduce<TreePath>(
  (a, b) => (b.steps.length > a.steps.length ? b : a),
  paths[0] as TreePath,
);

test('keyboard only: Tab to an answer, Enter; focus moves to each new question, then to the result', async ({
  page,
}) => {
  await page.goto('/decide/');
  await page.locator('h1').click(); // start the tab order inside the page
  for (const [i, step] of longest.steps.entries()) {
    const label = answerLabel(step.question, step.answer);
    const target = walk(page).getByRole('button', { name: label, exact: true });
    for (let n = 0; n < 10 && !(await target.evaluate((el) => el === document.activeElement)); n++)
      await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    if (i < longest.steps.length - 1) await expect(page.locator('legend')).toBeFocused();
  }
  const title = walk(page).getByRole('heading', { level: 3, name: /^Recommendation: / });
  await expect(title).toBeFocused();
  await expect(title).toHaveText(`Recommendation: ${tree.leaves[longest.leaf]?.label}`);
  // Start over, by keyboard: back to question 1 with focus on it.
  const restart = walk(page).getByRole('button', { name: 'Start over' });
  await restart.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('legend')).toBeFocused();
  await expect(page.locator('legend')).toHaveText(`Question 1: ${tree.questions[tree.start]?.label}`);
  await expect(trail(page)).toBeHidden();
});

test('going back: one step, the browser Back button, and changing an earlier answer', async ({ page }) => {
  const slugs = longest.steps.map((s) => s.answer);
  await page.goto(`/decide/?path=${slugs.join('.')}`);
  await expect(walk(page).getByRole('heading', { level: 3, name: /^Recommendation: / })).toBeVisible();

  await walk(page).getByRole('button', { name: 'Back one step' }).click();
  const last = longest.steps.at(-1)!;
  await expect(page.locator('legend')).toHaveText(
    `Question ${slugs.length}: ${tree.questions[last.question]?.label}`,
  );
  await expect(page.locator('legend')).toBeFocused();
  await expect(trail(page).getByRole('listitem')).toHaveCount(slugs.length - 1);

  await page.goBack();
  await expect(walk(page).getByRole('heading', { level: 3, name: /^Recommendation: / })).toBeVisible();

  // Change the first answer: the walk returns to question 1 with nothing after it.
  await trail(page)
    .getByRole('button', { name: `Change answer to “${tree.questions[tree.start]?.label}”` })
    .click();
  await expect(page.locator('legend')).toHaveText(`Question 1: ${tree.questions[tree.start]?.label}`);
  await expect(trail(page)).toBeHidden();
  expect(new URL(page.url()).searchParams.has('path')).toBe(false);
});

for (const scheme of ['light', 'dark'] as const)
  test(`the walk part way and the recommendation have no axe violations (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const slugs = longest.steps.map((s) => s.answer);
    for (const path of [slugs.slice(0, 2), slugs]) {
      await page.goto(`/decide/?path=${path.join('.')}`);
      await expect(trail(page).getByRole('listitem')).toHaveCount(path.length);
      const { violations } = await new AxeBuilder({ page }).exclude('.decide-diagram').analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
        [],
      );
    }
    await context.close();
  });

test('a shared link that no longer matches the diagram continues from where it stops matching', async ({
  page,
}) => {
  const first = longest.steps[0]!;
  await page.goto(`/decide/?path=${first.answer}.no-such-answer`);
  await expect(walk(page).getByText(/no longer match the diagram after step 1/)).toBeVisible();
  await expect(trail(page).getByRole('listitem')).toHaveCount(1);
  expect(new URL(page.url()).searchParams.get('path')).toBe(first.answer);
});

test('on paper: the tree and the diagram, not the walker', async ({ page }) => {
  await page.goto(`/decide/?path=${longest.steps[0]?.answer}`);
  await expect(walk(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(walk(page)).toBeHidden();
  await expect(page.getByRole('region', { name: 'The whole decision tree' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Diagram \d+: / })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the whole tree is readable as nested lists, with the diagram', async ({ page }) => {
    await page.goto('/decide/');
    await expect(walk(page)).toBeHidden();
    const section = page.getByRole('region', { name: 'The whole decision tree' });
    for (const q of Object.values(tree.questions))
      await expect(section.getByText(q.label, { exact: true })).toBeVisible();
    for (const p of paths)
      for (const s of p.steps)
        await expect(
          section.getByText(answerLabel(s.question, s.answer), { exact: true }).first(),
        ).toBeVisible();
    const leaves = section.getByText(/^Recommendation: /);
    await expect(leaves).toHaveCount(paths.length);
    const img = section.getByRole('img', { name: `Diagram ${diagram?.index}: ${diagram?.heading}` });
    await expect(img).toBeVisible();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
      .toBe(true);
    await expect(section.getByRole('link', { name: 'Walk this path' }).first()).toBeHidden();
  });
});
