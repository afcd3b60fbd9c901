import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { notesLoader } from './lib/notes-loader.ts';
import { cardsDir, notesDir, quizzesDir } from './lib/paths.ts';
import { DeckFileSchema } from './schemas/deck.ts';
import { NoteSchema } from './schemas/note.ts';
import { QuizSchema } from './schemas/quiz.ts';

// The content gate (src/integrations/content-gate.ts) validates the same files with the same
// schema before Astro's loader sees them, because the loader can drop entries silently.
const notes = defineCollection({
  loader: notesLoader(notesDir()),
  schema: NoteSchema,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: quizzesDir() }),
  schema: QuizSchema,
});

const decks = defineCollection({
  loader: glob({ pattern: '*.yaml', base: cardsDir() }),
  schema: DeckFileSchema,
});

export const collections = { notes, quizzes, decks };
