/**
 * Build-time: every deck (derived from the notes + content/cards/*.yaml), computed once per build
 * and shared by the flashcard pages and the Anki files. The content gate has already checked
 * the deck files; a derivation rule that gave two cards one id would mix their review history,
 * so it stops the build here.
 */
import { getCollection } from 'astro:content';
import { allCardsDeck, allDecks, duplicateCardIds } from '../domain/flashcards/derive.ts';
import { type AnchorIndex, anchorIndex } from '../domain/notes/anchors.ts';
import type { Card, Deck } from '../schemas/deck.ts';
import { sourceLink as sectionLink } from './quiz-view.ts';

export interface FlashcardData {
  decks: Deck[];
  /** Every card of every deck (`/flashcards/all/`); not among `decks`. */
  all: Deck;
  index: AnchorIndex;
}

let loaded: Promise<FlashcardData> | undefined;

async function load(): Promise<FlashcardData> {
  const notes = await getCollection('notes');
  const hand = await getCollection('decks');
  const index = anchorIndex(notes);
  const decks = allDecks(
    notes.map((n) => ({
      slug: n.data.slug,
      title: n.data.title,
      order: n.data.order,
      body: n.body ?? '',
      tags: n.data.tags,
    })),
    hand.map((d) => d.data),
    index,
  );
  const twice = duplicateCardIds(decks);
  if (twice.length) throw new Error(`flashcards: card ids derived twice: ${twice.join(', ')}`);
  return { decks, all: allCardsDeck(decks), index };
}

export const loadFlashcards = (): Promise<FlashcardData> => (loaded ??= load());

/** Link and label ("Note › Heading") for a `note#heading` source. */
export function sourceLink(ref: string, index: AnchorIndex): { href: string; label: string } {
  const { href, note, heading } = sectionLink(ref, index);
  return { href, label: `${note} › ${heading}` };
}

export const cardIds = (cards: readonly Card[]) => cards.map((c) => c.id).join(' ');
