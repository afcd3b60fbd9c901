/**
 * Build-time: the comparison content (vocabulary, comparisons, claims) checked once per build
 * against the notes collection, shared by the quizzes' and the flashcards' loaders. Each of them
 * ran the same check over the same notes, in the collection's order. The content gate has
 * already reported its errors with file and line.
 */
import { getCollection } from 'astro:content';
import { checkCompareContent } from '../domain/compare/gate.ts';
import { anchorIndex } from '../domain/notes/anchors.ts';
import { readYamlFiles } from '../integrations/load-notes.ts';
import { noteText } from './notes.ts';
import { compareDir } from './paths.ts';

async function load() {
  const notes = await getCollection('notes');
  const index = anchorIndex(notes);
  const compare = checkCompareContent(
    await readYamlFiles(process.cwd(), compareDir()),
    notes.map(noteText),
    index,
  );
  return { notes, index, compare };
}

let loaded: ReturnType<typeof load> | undefined;

export const loadCompareContent = (): ReturnType<typeof load> => (loaded ??= load());
