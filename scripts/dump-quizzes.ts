/**
 * `npm run dump:quizzes`: every quiz question as plain text (hand-written and generated), with
 * prompt, options, the marked answer, explanations and source — what a reviewer reads against
 * the notes when auditing the questions (see test/reliability/quiz-audit.md).
 * `--generated` prints only the generated practice quizzes.
 */
import type { Question } from '../src/schemas/quiz.ts';
import { gateContent } from '../src/integrations/load-notes.ts';

const { errors, quizzes, practice } = await gateContent();
if (errors.length) console.error(`(${errors.length} content errors; run npm run check:content)`);
const onlyGenerated = process.argv.includes('--generated');
const all = [
  ...(onlyGenerated ? [] : quizzes.map((q) => ({ quiz: q.data, generated: false }))),
  ...practice.flatMap((p) => (p.quiz ? [{ quiz: p.quiz, generated: true }] : [])),
];
const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

function lines(q: Question): string[] {
  const out = [`## ${q.id} [${q.type}] source=${q.source ?? '-'}`, `  Q: ${flat(q.prompt)}`];
  if (q.type === 'single' || q.type === 'multiple')
    for (const o of q.options)
      out.push(`  ${o.correct ? '*' : '-'} ${o.id}) ${flat(o.text)}`, `      → ${flat(o.explanation ?? '')}`);
  if (q.type === 'match') for (const p of q.pairs) out.push(`  = ${flat(p.left)}  ⇒  ${flat(p.right)}`);
  if (q.type === 'order') q.items.forEach((it, i) => out.push(`  ${i + 1}. ${flat(it.text)}`));
  if (q.type === 'free') out.push(`  A: ${flat(q.answer)}`);
  if ('explanation' in q && q.explanation) out.push(`  E: ${flat(q.explanation)}`);
  return out;
}

for (const { quiz, generated } of all) {
  console.log(`\n# ${quiz.id}${generated ? ' (generated)' : ''}: ${quiz.questions.length} questions`);
  for (const q of quiz.questions) console.log(lines(q).join('\n'));
}
