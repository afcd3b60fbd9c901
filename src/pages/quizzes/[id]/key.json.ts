import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { anchorIndex } from '../../../domain/notes/anchors.ts';
import { quizKey } from '../../../lib/quiz-view.ts';
import { loadQuizzes } from '../../../lib/quizzes.ts';
import { pageCache } from '../../../lib/page-cache.ts';

/**
 * The answer key of a quiz (hand-written or generated practice), fetched by the quiz page when
 * the reader checks an answer (and precached for offline use): answers stay out of the page's
 * text and out of the search index.
 */
export const getStaticPaths = (async () => {
  const [{ quizzes }, notes] = await Promise.all([loadQuizzes(), getCollection('notes')]);
  const index = anchorIndex(notes);
  return quizzes.map(({ quiz }) => ({
    params: { id: quiz.id },
    props: { key: quizKey(quiz, index) },
    ...pageCache(),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.key), { headers: { 'Content-Type': 'application/json' } });
