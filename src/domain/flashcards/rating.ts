/**
 * Rating a card and taking the rating back. Separate from review.ts because it loads the
 * scheduler (ts-fsrs): the deck list only counts and should not pay for it.
 */
import type { FlashcardProgress, FsrsCardState, ReviewLogEntry } from '../../schemas/progress.ts';
import { CARD_STATE } from './queue.ts';
import { type Rating1to4, rate } from './scheduler.ts';

/** What undo needs to put back: the card's previous state (none if it was new). */
export interface Undo {
  id: string;
  previous?: FsrsCardState;
}

export function applyRating(
  progress: FlashcardProgress,
  id: string,
  rating: Rating1to4,
  now: Date,
): { progress: FlashcardProgress; undo: Undo } {
  const previous = progress.cards[id];
  const { state } = rate(previous, rating, now);
  const entry: ReviewLogEntry = {
    card: id,
    rating,
    state: previous?.state ?? CARD_STATE.new,
    at: now.toISOString(),
  };
  return {
    progress: { ...progress, cards: { ...progress.cards, [id]: state }, log: [...progress.log, entry] },
    undo: previous ? { id, previous } : { id },
  };
}

/** Takes back the last rating: the card's state and its log entry. */
export function undoRating(progress: FlashcardProgress, undo: Undo): FlashcardProgress {
  const cards = { ...progress.cards };
  if (undo.previous) cards[undo.id] = undo.previous;
  else delete cards[undo.id];
  const at = progress.log.map((e) => e.card).lastIndexOf(undo.id);
  const log = at >= 0 ? [...progress.log.slice(0, at), ...progress.log.slice(at + 1)] : progress.log;
  return { ...progress, cards, log };
}
