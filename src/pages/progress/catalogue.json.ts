import type { APIRoute } from 'astro';
import { buildCatalogue } from '../../domain/progress/catalogue.ts';
import { packCatalogue } from '../../domain/progress/packed-catalogue.ts';
import { loadFlashcards } from '../../lib/flashcards.ts';
import { loadQuizzes } from '../../lib/quizzes.ts';

/**
 * What the progress dashboard reads the stored records against: every quiz question and card
 * by id, with its topic and note sections (src/domain/progress/catalogue.ts). A static file,
 * precached by the service worker like every other, so /progress/ works offline. Packed (each
 * topic and source written once: src/domain/progress/packed-catalogue.ts).
 */
export const GET: APIRoute = async () => {
  const [{ quizzes }, { decks, index, aliases }] = await Promise.all([loadQuizzes(), loadFlashcards()]);
  const catalogue = buildCatalogue({
    quizzes: quizzes.map((q) => q.quiz).sort((a, b) => a.title.localeCompare(b.title)),
    decks,
    notes: index,
  });
  return new Response(JSON.stringify(packCatalogue(catalogue, aliases)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
