/**
 * Build-time: every deck (derived from the notes, passed through the card-quality stage, plus
 * content/cards/*.yaml), computed once per build and shared by the flashcard pages and the Anki
 * files. The content gate has already checked the deck files; a derivation rule that gave two
 * cards one id would mix their review history, so it stops the build here.
 */
import { getCollection } from 'astro:content';
import { loadCompareContent } from './compare-content.ts';
import { buildDecks, deckNote } from '../domain/flashcards/build.ts';
import { allCardsDeck, duplicateCardIds } from '../domain/flashcards/derive.ts';
import { summarizeHits } from '../domain/flashcards/quality.ts';
import type { AnchorIndex } from '../domain/notes/anchors.ts';
import type { Deck } from '../schemas/deck.ts';
import { sourceLink as sectionLink } from './quiz-view.ts';

export interface FlashcardData {
  decks: Deck[];
  /** Every card of every deck (`/flashcards/all/`); not among `decks`. */
  all: Deck;
  index: AnchorIndex;
  /** Ids of cards merged into another → the surviving id (review history follows it). */
  aliases: Record<string, string>;
}

let loaded: Promise<FlashcardData> | undefined;

async function load(): Promise<FlashcardData> {
  // The reviewed vocabulary (which table labels name the same aspect) and disagreements.
  const { notes, index, compare } = await loadCompareContent();
  const hand = await getCollection('decks');
  const built = buildDecks({
    notes: notes.map(deckNote),
    hand: hand.map((d) => d.data),
    index,
    vocabulary: compare.vocabulary,
    comparisons: compare.comparisons,
  });
  const twice = duplicateCardIds(built.decks);
  if (twice.length) throw new Error(`flashcards: card ids derived twice: ${twice.join(', ')}`);
  console.log(`[flashcards] ${summarizeHits(built.hits)}`);
  return { decks: built.decks, all: allCardsDeck(built.decks), index, aliases: built.aliases };
}

export const loadFlashcards = (): Promise<FlashcardData> => (loaded ??= load());

/** Link and label ("Note › Heading") for a `note#heading` source. */
export function sourceLink(ref: string, index: AnchorIndex): { href: string; label: string } {
  const { href, note, heading } = sectionLink(ref, index);
  return { href, label: `${note} › ${heading}` };
}
