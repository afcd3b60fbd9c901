/**
 * What the reader's browser keeps: quiz attempts (and, with the flashcards, review progress).
 * Each record is versioned and validated on read by src/domain/storage.ts; the export file of
 * all progress is built from these same schemas.
 *
 * Written with `zod/mini`: these schemas ship to the browser, where full zod would cost
 * ~26 KiB gzip, more than a whole quiz page's script budget. Same validation, tree-shaken.
 */
import { z } from 'zod/mini';

const Slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** Score of one question in one attempt. */
export const QuestionResultSchema = z.object({
  /** Points earned (may be a fraction: partial credit). */
  score: z.number().check(z.minimum(0)),
  /** Points available. */
  max: z.number().check(z.positive()),
  /** The question's topic, for the per-topic breakdown. */
  topic: Slug,
});

/** One finished attempt at a quiz (or at the questions retried from one). */
export const QuizAttemptSchema = z.object({
  quizId: Slug,
  /** ISO time the attempt was finished. */
  at: z.iso.datetime(),
  score: z.number().check(z.minimum(0)),
  max: z.number().check(z.positive()),
  /** True when only the previously missed questions were retried. */
  retry: z.boolean(),
  /** Per question id. */
  questions: z.record(z.string(), QuestionResultSchema),
});

/** Stored under `tradeoffs.quiz-attempts`: every attempt, newest last. */
export const QuizAttemptsSchema = z.object({
  attempts: z.array(QuizAttemptSchema),
});

export type QuestionResult = z.infer<typeof QuestionResultSchema>;
export type QuizAttempt = z.infer<typeof QuizAttemptSchema>;
export type QuizAttempts = z.infer<typeof QuizAttemptsSchema>;
