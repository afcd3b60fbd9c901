/**
 * Build-time: every quiz the site serves — the hand-written ones (quizzes/*.yaml) and one
 * generated practice quiz per note with enough material (src/domain/quiz/practice.ts), computed
 * once per build. The content gate has already checked both (and stopped the build on a
 * generated question with two right answers or a hand-written one that repeats it).
 */
import { getCollection } from 'astro:content';
import { loadCompareContent } from './compare-content.ts';
import {
  type PracticeResult,
  practiceContext,
  practiceQuiz,
  practiceSummary,
} from '../domain/quiz/practice.ts';
import { sortNotes } from '../domain/notes/collection.ts';
import type { Quiz } from '../schemas/quiz.ts';

export interface QuizEntry {
  quiz: Quiz;
  /** Generated from a note (its slug), not written by hand. */
  generatedFrom?: string;
}

let loaded: Promise<{ quizzes: QuizEntry[]; practice: PracticeResult[] }> | undefined;

async function load() {
  const [hand, { notes, compare }] = await Promise.all([getCollection('quizzes'), loadCompareContent()]);
  // The same context as the content gate: reviewed disagreements and the hand-written questions.
  const context = practiceContext(
    compare.comparisons,
    hand.map((q) => q.data),
  );
  const practice = sortNotes(notes).map((n) =>
    practiceQuiz({ slug: n.data.slug, title: n.data.title, body: n.body ?? '', tags: n.data.tags }, context),
  );
  const quizzes: QuizEntry[] = [
    ...hand.map((q) => ({ quiz: q.data })),
    ...practice.flatMap((p) => (p.quiz ? [{ quiz: p.quiz, generatedFrom: p.note }] : [])),
  ];
  console.log(`[practice] ${practiceSummary(practice)}`);
  return { quizzes, practice };
}

export const loadQuizzes = () => (loaded ??= load());
