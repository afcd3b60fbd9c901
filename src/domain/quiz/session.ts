/**
 * The decisions of one quiz visit, taken out of the browser script (src/client/quiz/quiz.ts only
 * reads the page, calls these and fills templates): what a checked question says, which question
 * comes next, the attempt record to save, which questions a retry asks again, and the results
 * summary. Pure: `now` and the stored attempts are passed in.
 */
import { type QuizAttempt, QuizAttemptSchema, type QuizAttempts } from '../../schemas/progress.ts';
import type { Question } from '../../schemas/quiz.ts';
import { missedQuestions } from './attempts.ts';
import type { QuestionScore, QuizScore } from './scoring.ts';
import { safeParse } from 'zod/mini';

export const pointsText = (n: number) => (n === 1 ? '1 point' : `${n} points`);
export const topicLabel = (topic: string) =>
  topic.charAt(0).toUpperCase() + topic.slice(1).replace(/-/g, ' ');

export interface QuestionVerdict {
  kind: 'right' | 'partial' | 'wrong';
  /** "Right", "Partly right", "Not quite". */
  word: string;
  /** "1 of 2 points" */
  points: string;
}

export function questionVerdict(score: Pick<QuestionScore, 'score' | 'max' | 'correct'>): QuestionVerdict {
  const kind = score.correct ? 'right' : score.score > 0 ? 'partial' : 'wrong';
  const word = { right: 'Right', partial: 'Partly right', wrong: 'Not quite' }[kind];
  return { kind, word, points: `${score.score} of ${pointsText(score.max)}` };
}

/** The next question still open after `after`, wrapping round; undefined when all are checked. */
export function nextOpen(
  active: readonly string[],
  checked: Readonly<Record<string, unknown>>,
  after: string,
): string | undefined {
  const start = active.indexOf(after);
  return [...active.slice(start + 1), ...active.slice(0, start)].find((id) => !checked[id]);
}

/**
 * The attempt to save, or why it cannot be saved: a record that would not pass its own schema
 * is never written (it would set the whole history aside on the next read).
 */
export function attemptRecord(
  quizId: string,
  questions: readonly Pick<Question, 'id' | 'topic' | 'points'>[],
  scores: Readonly<Record<string, Pick<QuestionScore, 'score'> | undefined>>,
  total: Pick<QuizScore, 'score' | 'max'>,
  retry: boolean,
  now: Date,
): { ok: true; attempt: QuizAttempt } | { ok: false; problem: string } {
  const attempt: QuizAttempt = {
    quizId,
    at: now.toISOString(),
    score: total.score,
    max: total.max,
    retry,
    questions: Object.fromEntries(
      questions.map((q) => [q.id, { score: scores[q.id]?.score ?? 0, max: q.points, topic: q.topic }]),
    ),
  };
  const checked = safeParse(QuizAttemptSchema, attempt);
  if (checked.success) return { ok: true, attempt };
  const issue = checked.error.issues[0];
  return {
    ok: false,
    problem: `it does not match the stored format (${issue?.path.join('.') || 'attempt'}: ${issue?.message})`,
  };
}

export interface RetryChoice {
  ids: string[];
  /** False: the whole quiz (nothing to retry). */
  retry: boolean;
}

/**
 * The one rule for "retry the ones I missed": the questions missed in the stored history; when
 * the history has none (the result could not be saved), those missed in this visit's attempt;
 * when there are none either, the whole quiz.
 */
export function retryChoice(
  record: QuizAttempts,
  quizId: string,
  allIds: readonly string[],
  thisVisit?: {
    active: readonly string[];
    scores: Readonly<Record<string, { correct: boolean } | undefined>>;
  },
): RetryChoice {
  const stored = missedQuestions(record, quizId, allIds);
  const ids = stored.length
    ? stored
    : (thisVisit?.active.filter((id) => !thisVisit.scores[id]?.correct) ?? []);
  return ids.length ? { ids, retry: true } : { ids: [...allIds], retry: false };
}

export interface ResultSummary {
  /** "3 of 5 points" */
  score: string;
  /** " (60 %) on the questions you retried." */
  rest: string;
  topics: { label: string; score: string; questions: string }[];
  missed: { id: string; title: string; source?: { href: string; heading: string } }[];
  /** "Retry the one I missed" / "Retry the 3 I missed"; undefined when all were right. */
  retryLabel?: string;
}

const TITLE_LENGTH = 110;

export function resultSummary(
  total: QuizScore,
  retry: boolean,
  titleOf: (id: string) => string,
  sourceOf: (id: string) => { href: string; heading: string } | undefined,
): ResultSummary {
  const summary: ResultSummary = {
    score: `${total.score} of ${pointsText(total.max)}`,
    rest: ` (${total.percent} %)${retry ? ' on the questions you retried' : ''}.`,
    topics: total.topics.map((t) => ({
      label: topicLabel(t.topic),
      score: `${t.score} / ${t.max}`,
      questions: String(t.questions),
    })),
    missed: total.missed.map((id) => {
      const title = titleOf(id);
      const source = sourceOf(id);
      return {
        id,
        title: title.slice(0, TITLE_LENGTH) + (title.length > TITLE_LENGTH ? '…' : ''),
        ...(source ? { source } : {}),
      };
    }),
  };
  const n = total.missed.length;
  if (n) summary.retryLabel = `Retry the ${n === 1 ? 'one' : n} I missed`;
  return summary;
}
