/**
 * What the reader's browser keeps: quiz attempts (and, with the flashcards, review progress).
 * Each record is versioned and validated on read by src/domain/storage.ts; the export file of
 * all progress is built from these same schemas.
 */
import { z } from 'zod';
import { SlugSchema } from './note.ts';

/** Score of one question in one attempt. */
export const QuestionResultSchema = z.object({
  /** Points earned (may be a fraction: partial credit). */
  score: z.number().min(0),
  /** Points available. */
  max: z.number().positive(),
  /** The question's topic, for the per-topic breakdown. */
  topic: SlugSchema,
});

/** One finished attempt at a quiz (or at the questions retried from one). */
export const QuizAttemptSchema = z.object({
  quizId: SlugSchema,
  /** ISO time the attempt was finished. */
  at: z.iso.datetime(),
  score: z.number().min(0),
  max: z.number().positive(),
  /** True when only the previously missed questions were retried. */
  retry: z.boolean().default(false),
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
