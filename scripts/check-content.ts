/**
 * `npm run check:content`: the content gate without a build (seconds, no browser for prose;
 * diagrams are checked by the build). Exits non-zero and names file, line and field.
 * `--report` (or `npm run report:content`) then prints the content-quality report;
 * `--report --no-quality` shows the cards as derived, before the card-quality stage.
 */
import { formatContentError } from '../src/domain/content/errors.ts';
import { contentReport } from '../src/domain/content/report.ts';
import { plural } from '../src/domain/content/text.ts';
import { buildDecks, deckNote } from '../src/domain/flashcards/build.ts';
import { improveDecks, summarizeHits } from '../src/domain/flashcards/quality.ts';
import { gateContent } from '../src/integrations/load-notes.ts';
import { practiceSummary } from '../src/domain/quiz/practice.ts';

const { counts, errors, warnings, pricing, notes, decks, quizzes, practice, index, compare } =
  await gateContent();
for (const warning of warnings) console.warn(`warning: ${warning}`);
if (errors.length) {
  console.error(`Content errors (${errors.length}):`);
  for (const error of errors) console.error(`  ${formatContentError(error)}`);
  process.exit(1);
}
console.log(`practice: ${practiceSummary(practice)}`);
console.log(
  `content ok: ${plural(counts.notes, 'note file')}, ${plural(counts.quizzes, 'quiz file')}, ${plural(counts.decks, 'deck file')}, ${plural(counts.comparisons, 'comparison')}, ${plural(counts.walkers, 'decision walker')}${pricing ? ' and the pricing file' : ''} valid`,
);
if (process.argv.includes('--report')) {
  const built = buildDecks({
    notes: notes.map(deckNote),
    hand: decks.map((d) => d.data),
    index,
    vocabulary: compare.vocabulary,
    comparisons: compare.comparisons,
    quality: !process.argv.includes('--no-quality'),
  });
  console.log(summarizeHits(built.hits));
  for (const line of contentReport({
    decks: built.decks,
    derivedCounts: built.derivedCounts,
    hits: built.hits,
    quizzes: [
      ...quizzes.map((q) => ({ quiz: q.data })),
      ...practice.flatMap((p) => (p.quiz ? [{ quiz: p.quiz, generated: true }] : [])),
    ],
    skipped: practice.flatMap((p) => (p.skipped ? [{ note: p.note, reason: p.skipped }] : [])),
    index,
    // The hand decks are audited too (a vague or duplicate hand card counts), with the same options.
    audit: (all) => improveDecks(all, built.options).hits,
  }))
    console.log(line);
}
