import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { anchorIndex } from '../../../domain/notes/anchors.ts';
import { quizKey } from '../../../lib/quiz-view.ts';

/**
 * The answer key of a quiz, fetched by the quiz page when the reader checks an answer (and
 * precached for offline use): answers stay out of the page's text and out of the search index.
 */
export const getStaticPaths = (async () => {
  const [quizzes, notes] = await Promise.all([getCollection('quizzes'), getCollection('notes')]);
  const index = anchorIndex(notes);
  return quizzes.map((entry) => ({
    params: { id: entry.data.id },
    props: { key: quizKey(entry.data, index) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.key), { headers: { 'Content-Type': 'application/json' } });
