/**
 * Quiz scoring, one rule per question type (the README's quiz section states the same rules):
 * - single:   all or nothing;
 * - multiple: (right picks − wrong picks) / right options, floored at 0;
 * - order:    share of adjacent pairs in the reader's order that are in the right relative order;
 * - match:    share of left items paired with their right answer (compared after trimming and
 *             ignoring case, as the content gate compares them);
 * - free:     share of rubric items the reader ticked as covered.
 * Each share is scaled to the question's points. Pure: no DOM, no storage.
 */
import type { Question } from '../../schemas/quiz.ts';

export type Response =
  | { type: 'single'; choice?: string | undefined }
  | { type: 'multiple'; choices: readonly string[] }
  | { type: 'order'; order: readonly string[] }
  | { type: 'match'; pairs: Readonly<Record<string, string | undefined>> }
  | { type: 'free'; ticked: readonly string[] };

export interface QuestionScore {
  score: number;
  max: number;
  /** Share of the points earned, 0..1. */
  share: number;
  /** Full marks. */
  correct: boolean;
}

const share01 = (n: number) => Math.min(1, Math.max(0, n));

/** How answers are compared: `Serverless` and ` serverless` are the same answer. */
export const normaliseAnswer = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

type Choice = Extract<Question, { type: 'single' | 'multiple' }>;
type OrderQuestion = Extract<Question, { type: 'order' }>;
type MatchQuestion = Extract<Question, { type: 'match' }>;

/** What the page shows on one option after a check (the class and the sentence). */
export interface OptionVerdict {
  id: string;
  mark: 'is-right' | 'is-missed' | 'is-wrong' | 'is-other';
  label: string;
}

export function optionVerdicts(question: Choice, picked: readonly string[]): OptionVerdict[] {
  const mine = new Set(picked);
  return question.options.map((o) => {
    const chosen = mine.has(o.id);
    if (o.correct)
      return chosen
        ? { id: o.id, mark: 'is-right', label: '✓ Right answer — you picked it' }
        : { id: o.id, mark: 'is-missed', label: '✓ Right answer — you did not pick it' };
    return chosen
      ? { id: o.id, mark: 'is-wrong', label: '✗ Wrong — you picked it' }
      : { id: o.id, mark: 'is-other', label: 'Wrong answer' };
  });
}

/** One item or pair after a check: right or not, and the mark shown next to it. */
export interface ItemVerdict {
  id: string;
  right: boolean;
  label: string;
}

/** Per item of the reader's order: in its right place, or where it belongs (1-based). */
export function orderVerdicts(question: OrderQuestion, order: readonly string[]): ItemVerdict[] {
  const rank = new Map(question.items.map((item, i) => [item.id, i + 1]));
  return order.map((id, i) => {
    const belongs = rank.get(id) ?? 0;
    const right = belongs === i + 1;
    return { id, right, label: right ? '✓ right place' : `✗ belongs at ${belongs}` };
  });
}

/** Per pair, in the question's order: the reader's choice against the right answer. */
export function matchVerdicts(
  question: MatchQuestion,
  pairs: Readonly<Record<string, string | undefined>>,
): ItemVerdict[] {
  return question.pairs.map((p) => {
    const chosen = pairs[p.id];
    const right = chosen !== undefined && normaliseAnswer(chosen) === normaliseAnswer(p.right);
    return { id: p.id, right, label: right ? '✓ right' : `✗ right answer: ${p.right}` };
  });
}

/** Share (0..1) of a question earned by a response; a response of another type earns 0. */
export function responseShare(question: Question, response: Response): number {
  if (question.type !== response.type) return 0;
  switch (question.type) {
    case 'single': {
      const { choice } = response as Extract<Response, { type: 'single' }>;
      return question.options.some((o) => o.correct && o.id === choice) ? 1 : 0;
    }
    case 'multiple': {
      const picked = new Set((response as Extract<Response, { type: 'multiple' }>).choices);
      const right = question.options.filter((o) => o.correct);
      const rightPicks = right.filter((o) => picked.has(o.id)).length;
      const wrongPicks = question.options.filter((o) => !o.correct && picked.has(o.id)).length;
      return share01((rightPicks - wrongPicks) / right.length);
    }
    case 'order': {
      const order = (response as Extract<Response, { type: 'order' }>).order;
      const rank = new Map(question.items.map((item, i) => [item.id, i]));
      const ranks = order.map((id) => rank.get(id) ?? -1);
      // An order that leaves items out, repeats them or adds others does not answer the question.
      if (
        order.length !== question.items.length ||
        new Set(order).size !== order.length ||
        ranks.includes(-1)
      )
        return 0;
      let inOrder = 0;
      for (let i = 0; i + 1 < ranks.length; i++)
        if ((ranks[i] as number) < (ranks[i + 1] as number)) inOrder++;
      return inOrder / (order.length - 1);
    }
    case 'match': {
      const pairs = (response as Extract<Response, { type: 'match' }>).pairs;
      const right = matchVerdicts(question, pairs).filter((v) => v.right).length;
      return right / question.pairs.length;
    }
    case 'free': {
      const ticked = new Set((response as Extract<Response, { type: 'free' }>).ticked);
      return question.rubric.filter((r) => ticked.has(r.id)).length / question.rubric.length;
    }
  }
}

// Points are shown with at most two decimals; round so 1/3 + 2/3 adds up to 1.
const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreQuestion(question: Question, response: Response): QuestionScore {
  const share = responseShare(question, response);
  return { score: round2(share * question.points), max: question.points, share, correct: share === 1 };
}

export interface TopicScore {
  topic: string;
  score: number;
  max: number;
  questions: number;
}

export interface QuizScore {
  score: number;
  max: number;
  /** Whole per cent, rounded down so 99.6 % is not shown as 100 %. */
  percent: number;
  topics: TopicScore[];
  /** Ids of the questions without full marks, in quiz order. */
  missed: string[];
}

/** Totals over the answered questions; questions without a score count as missed with 0 points. */
export function scoreQuiz(
  questions: readonly Pick<Question, 'id' | 'topic' | 'points'>[],
  scores: Readonly<Record<string, Pick<QuestionScore, 'score' | 'max' | 'correct'> | undefined>>,
): QuizScore {
  const topics = new Map<string, TopicScore>();
  let score = 0;
  let max = 0;
  const missed: string[] = [];
  for (const q of questions) {
    const s = scores[q.id];
    const earned = s?.score ?? 0;
    score += earned;
    max += q.points;
    if (!s?.correct) missed.push(q.id);
    const t = topics.get(q.topic) ?? { topic: q.topic, score: 0, max: 0, questions: 0 };
    t.score = round2(t.score + earned);
    t.max = round2(t.max + q.points);
    t.questions += 1;
    topics.set(q.topic, t);
  }
  return {
    score: round2(score),
    max: round2(max),
    percent: max ? Math.floor((score / max) * 100 + 1e-9) : 0,
    // Weakest topic first: that is what to re-read.
    topics: [...topics.values()].sort(
      (a, b) => a.score / a.max - b.score / b.max || a.topic.localeCompare(b.topic),
    ),
    missed,
  };
}
