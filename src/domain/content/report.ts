/**
 * The content-quality report (`npm run report:content`): per deck and per quiz, what a reviewer
 * would count — cards, what each card-quality rule did, what still looks wrong, questions per
 * type, and the note sections nothing practises. Pure: built decks, quizzes and notes in, lines out.
 */
import type { Deck } from '../../schemas/deck.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import type { RuleHit } from '../flashcards/quality.ts';

export interface ReportInput {
  decks: readonly Deck[];
  /** Cards per derived deck before the quality stage. */
  derivedCounts: Readonly<Record<string, number>>;
  hits: readonly RuleHit[];
  quizzes: readonly { quiz: Quiz; generated?: boolean }[];
  /** Notes the practice generator skipped, with why. */
  skipped?: readonly { note: string; reason: string }[];
  index: AnchorIndex;
  /**
   * The quality rules run again over the built decks: what they would still do is what is left
   * to fix (zero but the contradiction flags once the stage has run).
   */
  audit: (decks: readonly Deck[]) => readonly RuleHit[];
}

/** Every `note#heading` that no question or card points at (or below). */
export function uncoveredSections(refs: readonly string[], index: AnchorIndex, maxDepth = 3) {
  const used = new Set(refs);
  const out: { note: string; id: string; text: string; depth: number }[] = [];
  for (const [slug, { anchors }] of index) {
    anchors.forEach((a, i) => {
      if (a.depth < 2 || a.depth > maxDepth) return;
      let end = anchors.findIndex((b, j) => j > i && b.depth <= a.depth);
      if (end < 0) end = anchors.length;
      const covered = anchors.slice(i, end).some((b) => used.has(`${slug}#${b.id}`));
      if (!covered) out.push({ note: slug, id: a.id, text: a.text, depth: a.depth });
    });
  }
  return out;
}

export function contentReport(input: ReportInput): string[] {
  const lines: string[] = [];
  const count = (deck: string, rule: RuleHit['rule'], hits = input.hits) =>
    hits.filter((h) => h.deck === deck && h.rule === rule).length;
  const left = input.audit(input.decks);
  const leftText = (deck?: string) => {
    const n = (rule: RuleHit['rule']) =>
      left.filter((h) => (!deck || h.deck === deck) && h.rule === rule).length;
    return `left: ${n('trivial') + n('reason')} trivial, ${n('vague')} vague, ${n('near-duplicate') + n('same-answer')} near-duplicates, ${n('contradiction')} disputed`;
  };
  lines.push('Decks (cards before → after the quality stage; rule hits; audit of what is left)');
  for (const deck of input.decks) {
    const before = input.derivedCounts[deck.id];
    const rules =
      deck.origin === 'note'
        ? ` · trivial dropped ${count(deck.id, 'trivial')}, reason prompts dropped ${count(deck.id, 'reason')}, ` +
          `vague given context ${count(deck.id, 'vague')}, ` +
          `merged away ${count(deck.id, 'near-duplicate') + count(deck.id, 'same-answer')}, ` +
          `contradictions flagged ${count(deck.id, 'contradiction')}`
        : '';
    lines.push(
      `  ${deck.id} (${deck.origin}): ${before !== undefined ? `${before} → ` : ''}${deck.cards.length} cards${rules}` +
        ` · ${leftText(deck.id)} (${deck.cards.filter((c) => c.conflict).length} say so on the card)`,
    );
  }
  for (const deck of input.derivedCounts ? Object.keys(input.derivedCounts) : [])
    if (!input.decks.some((d) => d.id === deck))
      lines.push(`  ${deck} (note): every card merged into other decks`);
  const all = input.decks.flatMap((d) => d.cards);
  const derivedTotal = Object.values(input.derivedCounts).reduce((s, n) => s + n, 0);
  const derivedAfter = input.decks.filter((d) => d.origin === 'note').reduce((s, d) => s + d.cards.length, 0);
  lines.push(
    `  total: ${derivedTotal} → ${derivedAfter} derived cards + ${all.length - derivedAfter} hand cards; ` +
      `${leftText()}`,
  );
  lines.push('Quizzes (questions per type)');
  for (const { quiz, generated } of input.quizzes) {
    const types = new Map<string, number>();
    for (const q of quiz.questions) types.set(q.type, (types.get(q.type) ?? 0) + 1);
    lines.push(
      `  ${quiz.id}${generated ? ' (generated)' : ''}: ${quiz.questions.length} questions — ` +
        [...types].map(([t, n]) => `${t} ${n}`).join(', '),
    );
  }
  for (const s of input.skipped ?? []) lines.push(`  ${s.note}: no practice quiz (${s.reason})`);
  const refs = [
    ...input.quizzes.flatMap(({ quiz }) => quiz.questions.map((q) => q.source)),
    ...all.flatMap((c) => c.sources),
  ];
  const handRefs = [
    ...input.quizzes.filter((q) => !q.generated).flatMap(({ quiz }) => quiz.questions.map((q) => q.source)),
    ...input.decks.filter((d) => d.origin === 'hand').flatMap((d) => d.cards.flatMap((c) => c.sources)),
  ];
  const open = uncoveredSections(refs, input.index);
  const openByHand = uncoveredSections(handRefs, input.index);
  lines.push(
    `Topics without practice (## and ### sections no question or card points into): ${open.length}` +
      ` (${openByHand.length} without a hand-written question or card)`,
  );
  for (const s of open) lines.push(`  ${s.note}#${s.id} (${'#'.repeat(s.depth)} ${s.text.trim()})`);
  return lines;
}
