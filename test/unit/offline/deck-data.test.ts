import { describe, expect, it } from 'vitest';
import {
  type DeckCard,
  DeckDataError,
  cardAnchor,
  cardListHtml,
  deckDataFromPage,
} from '../../../src/domain/offline/deck-data.ts';

// Shaped as src/pages/flashcards/[deck].astro renders a deck (Astro writes it without spaces).
const cards: DeckCard[] = [
  [
    'sessions/sticky',
    '2. Sticky Sessions',
    'What are sticky sessions?',
    'The load balancer routes a user to the same server (the user&#39;s session lives there).',
    '<p>From <a href="/notes/s/#2-sticky-sessions">State › 2. Sticky Sessions</a></p>',
  ],
  [
    'sessions/jwt',
    '',
    'JWT &amp; sessions — which is stateless?',
    'JWT',
    '<p>The notes say it 2 ways:</p><ul class="card-wordings"><li>“JWT” — <a href="/notes/s/#auth">State › Auth</a></li></ul><p class="card-conflict">The notes disagree here: <a href="/compare/x/">X</a></p>',
  ],
];
const page = (list: string) =>
  `<main><div class="deck-page" data-pagefind-body><header class="page-head"><p class="eyebrow"><a href="/flashcards/">Flashcards</a></p><h1>Sessions &amp; state</h1><p class="lede">Sticky sessions and JWT.</p></header>` +
  `<div hidden data-card-aliases="{&quot;old/a&quot;:&quot;sessions/sticky&quot;}"></div>` +
  `<section class="card-list"><h2 id="cards-title">Cards in this deck</h2><ol data-card-list>${list}</ol></section></div></main>`;

describe('deck data', () => {
  it('reads every card of a deck page and writes the same card list back', () => {
    const list = cardListHtml(cards);
    const data = deckDataFromPage(page(list), 'sessions', 'flashcards/sessions/index.html');
    expect(data).toEqual({
      id: 'sessions',
      title: 'Sessions &amp; state',
      summary: 'Sticky sessions and JWT.',
      cards,
    });
    expect(cardListHtml(data.cards)).toBe(list);
    expect(list).toContain(`id="${cardAnchor('sessions/jwt')}"`);
    expect(list).not.toContain('card-context"></p>');
  });

  it('reads an empty deck', () => {
    expect(deckDataFromPage(page(''), 'd', 'f').cards).toEqual([]);
  });

  it('stops the build, naming the page, when the card markup is not what it reads', () => {
    const changed = cardListHtml(cards).replace('<details>', '<details open>');
    expect(() => deckDataFromPage(page(changed), 'sessions', 'flashcards/sessions/index.html')).toThrow(
      DeckDataError,
    );
    expect(() => deckDataFromPage(page(changed), 'sessions', 'flashcards/sessions/index.html')).toThrow(
      /flashcards\/sessions\/index\.html: card 1 /,
    );
    expect(() => deckDataFromPage('<main></main>', 'x', 'flashcards/x/index.html')).toThrow(/no card list/);
  });
});
