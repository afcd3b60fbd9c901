/** `/flashcards/anki/<deck>.txt`: a deck as an Anki import file (see src/domain/flashcards/anki.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ankiFile } from '../../../domain/flashcards/anki.ts';
import { loadFlashcards, sourceLink } from '../../../lib/flashcards.ts';
import { href } from '../../../lib/url.ts';
import { pageCache } from '../../../lib/page-cache.ts';

export const getStaticPaths = (async () => {
  const { decks } = await loadFlashcards();
  return decks.map((deck) => ({ params: { deck: deck.id }, ...pageCache() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { decks, index } = await loadFlashcards();
  const deck = decks.find((d) => d.id === params.deck);
  if (!deck) return new Response('not found', { status: 404 });
  // Anki opens links from outside the site: absolute when the site's address is configured.
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  const text = ankiFile(
    deck.id,
    deck.cards,
    (ref) => {
      const link = sourceLink(ref, index);
      return { href: absolute(link.href), label: link.label };
    },
    (path) => absolute(href(path)),
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
