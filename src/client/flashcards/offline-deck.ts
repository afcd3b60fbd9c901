/**
 * The offline deck page (src/pages/offline/deck.astro): which deck the address names, its cards
 * from the precached `deck.json` (every deck's, for `/flashcards/all/`), the same card list as
 * the deck page, the merged card ids from the progress catalogue, and then the same review
 * (review.ts).
 */
import { type DeckData, cardListHtml } from '../../domain/offline/deck-data.ts';
import { deckIdFromPath } from '../../domain/offline/plan.ts';
import { catalogueAliases, isPackedCatalogue } from '../../domain/progress/packed-catalogue.ts';
import { plural } from '../../domain/content/text.ts';
import { BASE, href } from '../../lib/url.ts';
import { initReview } from './review.ts';

const ALL = 'all';

const fetchDeck = async (id: string): Promise<DeckData | null> => {
  const response = await fetch(href(`/flashcards/${id}/deck.json`)).catch(() => null);
  return response?.ok ? ((await response.json()) as DeckData) : null;
};

/** Merged card ids → their survivor, from the (precached) progress catalogue. */
async function aliases(): Promise<Record<string, string>> {
  const response = await fetch(href('/progress/catalogue.json')).catch(() => null);
  const data = response?.ok ? ((await response.json().catch(() => null)) as unknown) : null;
  return isPackedCatalogue(data) ? catalogueAliases(data) : {};
}

/** `/flashcards/all/`: every deck's cards, in the order of the deck list. */
async function allDecks(): Promise<DeckData | null> {
  const response = await fetch(href('/flashcards/decks.json')).catch(() => null);
  if (!response?.ok) return null;
  const ids = (await response.json()) as string[];
  const decks = (await Promise.all(ids.map(fetchDeck))).filter((d): d is DeckData => d !== null);
  return {
    id: ALL,
    title: 'All cards',
    summary: 'Every card of every deck, in one review.',
    cards: decks.flatMap((d) => d.cards),
  };
}

export async function initOfflineDeck(): Promise<void> {
  const page = document.querySelector<HTMLElement>('[data-offline-deck]');
  const review = document.querySelector<HTMLElement>('[data-review]');
  if (!page || !review) return;
  const id = deckIdFromPath(location.pathname, BASE);
  const [deck, merged] = await Promise.all([id === ALL ? allDecks() : id ? fetchDeck(id) : null, aliases()]);
  const $ = (name: string) => page.querySelector<HTMLElement>(`[data-${name}]`) as HTMLElement;
  if (!deck) {
    review.hidden = true;
    $('deck-missing').hidden = false;
    return;
  }
  $('deck-title').innerHTML = deck.title;
  document.title = `${$('deck-title').textContent} · Flashcards · Tradeoffs`;
  $('deck-summary').innerHTML = deck.summary;
  $('deck-count').textContent = plural(deck.cards.length, 'card');
  $('card-aliases').dataset.cardAliases = JSON.stringify(merged);
  $('card-list').innerHTML = cardListHtml(deck.cards);
  $('deck-list').hidden = false;
  review.dataset.review = deck.id;
  review.removeAttribute('data-review-pending');
  initReview();
}
