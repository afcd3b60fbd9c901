/**
 * Review history of merged cards. When the quality stage (quality.ts) merges near-duplicates,
 * the absorbed card's id maps to the surviving card's; progress stored under the old id is moved
 * to the survivor when progress is read, so no rating is lost. Pure: progress in, progress out.
 *
 * Applied where progress is read: by the flashcard pages (src/client/flashcards/store.ts) and by
 * the progress dashboard (src/domain/progress/dashboard.ts), which only reads.
 */
import type { FlashcardProgress, FsrsCardState } from '../../schemas/progress.ts';

/** The card id a stored id now lives under (follows chains a → b → c; stops on a cycle). */
export function resolveCardId(id: string, aliases: Readonly<Record<string, string>>): string {
  let current = id;
  const seen = new Set([current]);
  while (aliases[current] !== undefined && !seen.has(aliases[current] as string)) {
    current = aliases[current] as string;
    seen.add(current);
  }
  return current;
}

/** The more informed of two states: the one reviewed last (then the one with more reviews). */
function keep(a: FsrsCardState, b: FsrsCardState): FsrsCardState {
  const at = (s: FsrsCardState) => (s.last_review ? Date.parse(s.last_review) : 0);
  if (at(a) !== at(b)) return at(a) > at(b) ? a : b;
  return b.reps > a.reps ? b : a;
}

/**
 * Progress with every absorbed card's state and log moved to the card that absorbed it.
 * Returns the same object when nothing needed moving (callers can skip a write).
 */
export function cardIdAliases(
  progress: FlashcardProgress,
  aliases: Readonly<Record<string, string>>,
): FlashcardProgress {
  const moves = Object.keys(progress.cards).some((id) => aliases[id] !== undefined);
  const logMoves = progress.log.some((e) => aliases[e.card] !== undefined);
  if (!moves && !logMoves) return progress;
  const cards: Record<string, FsrsCardState> = {};
  for (const [id, state] of Object.entries(progress.cards)) {
    const to = resolveCardId(id, aliases);
    const there = cards[to];
    cards[to] = there ? keep(there, state) : state;
  }
  const log = progress.log.map((e) =>
    aliases[e.card] === undefined ? e : { ...e, card: resolveCardId(e.card, aliases) },
  );
  return { ...progress, cards, log };
}
