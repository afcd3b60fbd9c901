/**
 * `npm run check:content`: the content gate without a build (seconds, no browser for prose;
 * diagrams are checked by the build). Exits non-zero and names file, line and field.
 */
import { formatContentError } from '../src/domain/content/errors.ts';
import { plural } from '../src/domain/content/text.ts';
import { gateContent } from '../src/integrations/load-notes.ts';

const { counts, errors, warnings, pricing } = await gateContent();
for (const warning of warnings) console.warn(`warning: ${warning}`);
if (errors.length) {
  console.error(`Content errors (${errors.length}):`);
  for (const error of errors) console.error(`  ${formatContentError(error)}`);
  process.exit(1);
}
console.log(
  `content ok: ${plural(counts.notes, 'note file')}, ${plural(counts.quizzes, 'quiz file')}, ${plural(counts.decks, 'deck file')}, ${plural(counts.comparisons, 'comparison')}, ${plural(counts.walkers, 'decision walker')}${pricing ? ' and the pricing file' : ''} valid`,
);
