import { gateContent } from '../src/integrations/load-notes.ts';
import { practiceQuiz, checkPractice } from '../src/domain/quiz/practice.ts';
const c = await gateContent();
const rs = c.notes.map((n) => ({ ...practiceQuiz({ slug: n.data.slug, title: n.data.title, body: n.body, tags: n.data.tags }), file: n.file }));
for (const r of rs) {
  console.log('=== ', r.note, r.skipped ?? '', r.quiz?.questions.length);
  for (const q of r.quiz?.questions ?? []) {
    console.log(`- [${q.type}] ${q.id} (${q.source}) ${q.prompt}`);
    if (q.type === 'single') for (const o of q.options) console.log(`    ${o.correct ? '*' : ' '} ${o.text} — ${o.explanation}`);
    if (q.type === 'match') for (const p of q.pairs) console.log(`    ${p.left} → ${p.right}`);
  }
}
console.log(checkPractice(rs, c.quizzes.map((q) => ({ file: q.file, quiz: q.data }))));
