/**
 * The search index never carries a quiz's answers. The quiz pages are indexed (a hand-written
 * quiz's prompts and options are searchable; a generated one by its header), but explanations, model answers and rubrics come from the key file only
 * after an answer is checked. This reads what Pagefind actually indexed for every quiz page —
 * hand-written and generated — through Pagefind's own browser API on the built site, and looks
 * for every answer-only text in it.
 */
import { expect, test } from '@playwright/test';
import { gateContent } from '../../src/integrations/load-notes.ts';
import type { Question, Quiz } from '../../src/schemas/quiz.ts';

const { quizzes, practice } = await gateContent();
const all: Quiz[] = [...quizzes.map((q) => q.data), ...practice.flatMap((p) => (p.quiz ? [p.quiz] : []))];
// A generated quiz is indexed by its header only: its questions restate the note, which is indexed.
const handWritten = new Set(quizzes.map((q) => q.data.id));

const plain = (t: string) =>
  t
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[\\*_`>#|]/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Texts only the key holds: every explanation, model answer and rubric line. */
function answerTexts(q: Question): string[] {
  const texts: string[] = [];
  if (q.type === 'single' || q.type === 'multiple') texts.push(...q.options.map((o) => o.explanation ?? ''));
  if ('explanation' in q && q.explanation) texts.push(q.explanation);
  if (q.type === 'free') texts.push(q.answer, ...q.rubric.map((r) => r.text));
  return texts;
}

/** What the page shows before any answer: an explanation quoting it gives nothing away. */
function shownTexts(quiz: Quiz): string {
  const parts = [quiz.title, quiz.summary];
  for (const q of quiz.questions) {
    parts.push(q.prompt);
    if (q.type === 'single' || q.type === 'multiple') parts.push(...q.options.map((o) => o.text));
    if (q.type === 'match') parts.push(...q.pairs.flatMap((p) => [p.left, p.right]));
    if (q.type === 'order') parts.push(...q.items.map((i) => i.text));
  }
  return ` ${parts.map(plain).join(' | ')} `;
}

/** Eight words in a row from a text: long enough not to occur by chance in a prompt. */
function probes(text: string): string[] {
  const words = plain(text).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 8 <= words.length; i += 8) out.push(words.slice(i, i + 8).join(' '));
  return out;
}

test('no quiz page in the Pagefind index holds an explanation, model answer or rubric', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  // Every quiz page as the index holds it: searched by its title, kept when the URL is the quiz's.
  const indexed: Record<string, string> = await page.evaluate(
    async (quizzes) => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      await pagefind.init();
      const found: Record<string, string> = {};
      for (const { id, title } of quizzes) {
        const search = await pagefind.search(title);
        for (const r of search.results) {
          const data = await r.data();
          if (data.url.replace(/\/$/, '').endsWith(`/quizzes/${id}`)) found[id] = data.content;
        }
      }
      return found;
    },
    all.map((q) => ({ id: q.id, title: q.title })),
  );
  // The check can fail: every quiz page is in the index, with its prompts in it.
  expect(Object.keys(indexed).sort()).toEqual(all.map((q) => q.id).sort());
  let checked = 0;
  for (const quiz of all) {
    const content = ` ${plain(indexed[quiz.id] ?? '')} `;
    // Each question's counter and kind are the same words on every quiz: not what a search
    // matches, and they ran into the excerpts ("Question 1 of 9Choose one · 1 point Scenario…").
    expect(content, `${quiz.id}: question counters indexed`).not.toMatch(/question \d+ of \d+|choose one/);
    const shown = shownTexts(quiz);
    for (const q of quiz.questions) {
      const prompt = probes(q.prompt)[0];
      if (prompt && handWritten.has(quiz.id))
        expect(content, `${quiz.id}/${q.id}: prompt indexed`).toContain(prompt);
      for (const text of answerTexts(q))
        for (const probe of probes(text)) {
          if (shown.includes(` ${probe} `)) continue;
          checked++;
          expect(content, `${quiz.id}/${q.id}: answer text in the index: “${probe}”`).not.toContain(
            ` ${probe} `,
          );
        }
    }
  }
  expect(checked).toBeGreaterThan(500);
});
