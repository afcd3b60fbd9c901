/**
 * `node scripts/dump-cards.ts [--raw] [--hits]`: every card as the site shows it (front, back, each
 * note's wording, the disagreement link, sources), one block per card, for reading the decks
 * against the notes (test/reliability/cards-audit.md was written from this). `--raw` prints the
 * cards as derived, before the card-quality stage; `--hits` adds what each rule did.
 */
import { buildDecks } from '../src/domain/flashcards/build.ts';
import { gateContent } from '../src/integrations/load-notes.ts';

const { notes, decks, index, compare } = await gateContent();
const built = buildDecks({
  notes: notes.map((n) => ({
    slug: n.data.slug,
    title: n.data.title,
    order: n.data.order,
    body: n.body,
    tags: n.data.tags,
  })),
  hand: decks.map((d) => d.data),
  index,
  vocabulary: compare.vocabulary,
  comparisons: compare.comparisons,
  quality: !process.argv.includes('--raw'),
});
for (const d of built.decks) {
  console.log(`\n=== ${d.id} (${d.origin}) ${d.cards.length}`);
  for (const c of d.cards) {
    const lines = [`[${c.id}] (${c.kind}) {${c.context}}`, `  Q: ${c.front}`, `  A: ${c.back}`];
    if (c.wordings)
      lines.push(`  W: ${c.wordings.map((w) => `${w.source} «${w.label}» “${w.text}”`).join(' | ')}`);
    if (c.conflict) lines.push(`  C: ${c.conflict.href}`);
    lines.push(`  S: ${c.sources.join(' ')}`);
    if (c.related.length) lines.push(`  R: ${c.related.join(' ')}`);
    console.log(lines.join('\n'));
  }
}
if (process.argv.includes('--hits'))
  for (const h of built.hits) console.log(`${h.rule} ${h.action} ${h.id} ${h.into ?? ''} ${h.detail}`);
