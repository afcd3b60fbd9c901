/**
 * A deck's cards as compact data (`flashcards/<deck>/deck.json`), for the review offline.
 *
 * A deck page carries every card as HTML inside the whole page (header, navigation, review
 * controls): about three times the bytes of its cards alone, and 500 notes make 500 decks. The
 * first visit keeps one review page without cards (`/offline/deck/`) and each deck's data
 * instead; offline, the service worker answers a deck address it has not cached with that page,
 * which builds the same card list from the data (src/client/flashcards/offline-deck.ts) and
 * starts the same review. Online, and without JavaScript, the deck page itself is served.
 *
 * The data is read from the built deck page (its card list is the one source of the markup) and
 * turned back into the same list by `cardListHtml`. Fields are HTML fragments as the page had
 * them (text already escaped, source links included). The merged card ids the deck page also
 * carries are not repeated here: the offline page takes them from the progress catalogue, which
 * is precached anyway. Pure: strings in, strings out.
 */

/** One card: id, context line, front, answer, where it comes from (HTML fragments). */
export type DeckCard = [id: string, context: string, front: string, answer: string, source: string];

export interface DeckData {
  id: string;
  title: string;
  /** The lede under the title. */
  summary: string;
  cards: DeckCard[];
}

export class DeckDataError extends Error {
  override name = 'DeckDataError';
}

// Context, front and answer are plain text (escaped); the source block holds paragraphs, lists
// and links, never a `<div>`.
const CARD =
  /<li data-card-id="([^"]+)" id="[^"]*">(?:<p class="card-context">([^<]*)<\/p>)?<p class="card-front">([^<]*)<\/p><details><summary>Answer<\/summary><div class="card-back" data-pagefind-ignore="all"><p class="card-answer">([^<]*)<\/p><div class="card-source">((?:(?!<\/?div[ >])[\s\S])*)<\/div><\/div><\/details><\/li>/g;

const unescapeAttr = (value: string) =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
const escapeAttr = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** Element id of a card in a deck list (`deck/slug` is not a valid fragment id as is). */
export const cardAnchor = (id: string): string => `card-${id.replace('/', '--')}`;

/** The deck's data from its built page; `file` names the page in errors. */
export function deckDataFromPage(html: string, id: string, file: string): DeckData {
  const list = /<ol data-card-list>([\s\S]*?)<\/ol>/.exec(html);
  if (!list) throw new DeckDataError(`${file}: no card list (<ol data-card-list>) in the deck page`);
  const body = list[1] as string;
  const cards: DeckCard[] = [];
  let end = 0;
  for (const m of body.matchAll(CARD)) {
    if (m.index !== end) break;
    end = m.index + m[0].length;
    cards.push([unescapeAttr(m[1] as string), m[2] ?? '', m[3] as string, m[4] as string, m[5] as string]);
  }
  if (end !== body.length)
    throw new DeckDataError(
      `${file}: card ${cards.length + 1} of the card list is not in the shape the offline review reads (src/pages/flashcards/[deck].astro and src/domain/offline/deck-data.ts must agree)`,
    );
  const field = (re: RegExp) => re.exec(html)?.[1] ?? '';
  return {
    id,
    title: field(/<div class="deck-page"[^>]*><header class="page-head">[\s\S]*?<h1>([\s\S]*?)<\/h1>/),
    summary: field(/<p class="lede">([\s\S]*?)<\/p>/),
    cards,
  };
}

/** The card list's items, as the deck page renders them. */
export function cardListHtml(cards: readonly DeckCard[]): string {
  return cards
    .map(
      ([id, context, front, answer, source]) =>
        `<li data-card-id="${escapeAttr(id)}" id="${escapeAttr(cardAnchor(id))}">` +
        (context ? `<p class="card-context">${context}</p>` : '') +
        `<p class="card-front">${front}</p><details><summary>Answer</summary>` +
        `<div class="card-back" data-pagefind-ignore="all"><p class="card-answer">${answer}</p>` +
        `<div class="card-source">${source}</div></div></details></li>`,
    )
    .join('');
}
