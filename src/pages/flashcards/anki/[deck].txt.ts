/** `/flashcards/anki/<deck>.txt`: a deck as an Anki import file (see src/domain/flashcards/anki.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ankiFile } from '../../../domain/flashcards/anki.ts';
import { loadFlashcards, sourceLink } from '../../../lib/flashcards.ts';

export const getStaticPaths = (async () => {
  const { decks } = await loadFlashcards();
  return decks.map((deck) => ({ params: { deck: deck.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { decks, index } = await loadFlashcards();
  const deck = decks.find((d) => d.id === params.deck);
  if (!deck) return new Response('not found', { status: 404 });
  const text = ankiFile(deck.id, deck.cards, (ref) => {
    const link = sourceLink(ref, index);
    // Anki opens links from outside the site: absolute when the site's address is configured.
    return { href: site ? new URL(link.href, site).href : link.href, label: link.label };
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
