/**
 * Quiz attempts in browser storage: the record spec (key, version, schema) and what the pages
 * ask of it — best and last score per quiz, the questions missed last time. Pure.
 */
import { type QuizAttempt, type QuizAttempts, QuizAttemptsSchema } from '../../schemas/progress.ts';
import type { RecordSpec } from '../progress/storage.ts';
import { plural } from '../content/text.ts';

/** Keep the history bounded: a reader retaking quizzes for months must not fill storage. */
export const MAX_ATTEMPTS_PER_QUIZ = 50;

export const QUIZ_ATTEMPTS: RecordSpec<QuizAttempts> = {
  key: 'tradeoffs.quiz-attempts',
  version: 1,
  schema: QuizAttemptsSchema,
  empty: () => ({ attempts: [] }),
};

export function addAttempt(record: QuizAttempts, attempt: QuizAttempt): QuizAttempts {
  const mine = record.attempts.filter((a) => a.quizId === attempt.quizId);
  const drop = new Set(mine.slice(0, Math.max(0, mine.length + 1 - MAX_ATTEMPTS_PER_QUIZ)));
  return { attempts: [...record.attempts.filter((a) => !drop.has(a)), attempt] };
}

export interface QuizSummary {
  attempts: number;
  /** Best full attempt (retries of missed questions do not count as a score for the quiz). */
  best?: { percent: number; at: string };
  last?: { percent: number; at: string; retry: boolean };
}

/** An attempt's score in whole percent, rounded down (99.9 % shows as 99 %). */
export const attemptPercent = (a: Pick<QuizAttempt, 'score' | 'max'>) =>
  Math.floor((a.score / a.max) * 100 + 1e-9);

export function summarize(record: QuizAttempts, quizId: string): QuizSummary {
  const mine = record.attempts.filter((a) => a.quizId === quizId);
  const summary: QuizSummary = { attempts: mine.length };
  const last = mine.at(-1);
  if (last) summary.last = { percent: attemptPercent(last), at: last.at, retry: last.retry };
  for (const a of mine) {
    if (a.retry) continue;
    if (!summary.best || attemptPercent(a) > summary.best.percent)
      summary.best = { percent: attemptPercent(a), at: a.at };
  }
  return summary;
}

/**
 * Questions to retry: those without full marks in the last attempt, minus the ones since
 * answered fully in a retry. Ids no longer in the quiz are dropped (the quiz was edited).
 */
export function missedQuestions(
  record: QuizAttempts,
  quizId: string,
  currentIds: readonly string[],
): string[] {
  const mine = record.attempts.filter((a) => a.quizId === quizId);
  const lastFull = mine.findLastIndex((a) => !a.retry);
  if (lastFull < 0) return [];
  const missed = new Set<string>();
  mine.slice(lastFull).forEach((a, i) => {
    for (const [id, r] of Object.entries(a.questions)) {
      if (r.score < r.max) missed.add(id);
      else if (i > 0) missed.delete(id);
    }
  });
  return currentIds.filter((id) => missed.has(id));
}

/** "Best 80 % · last 60 % (retry) · 3 attempts", or undefined before a first attempt. */
export function describeSummary(s: QuizSummary): string | undefined {
  if (!s.last) return undefined;
  return (
    `Best ${s.best ? `${s.best.percent} %` : '—'} · last ${s.last.percent} %${s.last.retry ? ' (retry)' : ''}` +
    ` · ${plural(s.attempts, 'attempt')}`
  );
}
