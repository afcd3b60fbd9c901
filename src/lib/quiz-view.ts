/**
 * What the quiz pages render, computed once per quiz at build time: Markdown as HTML, each
 * `source` as a link to the note heading with its title, and the answer key the browser fetches
 * only when the reader checks an answer (so answers are not in the page's text).
 */
import { type AnchorIndex, anchorText } from '../domain/notes/anchors.ts';
import { hashSeed, seededRandom, shuffleUnsolved } from '../domain/quiz/shuffle.ts';
import type { Question, Quiz } from '../schemas/quiz.ts';
import { inlineMarkdown, markdown } from './markdown.ts';
import { href } from './url.ts';

export interface SourceLink {
  href: string;
  /** "Cost Model" */
  heading: string;
  /** "Architecture Paradigms" */
  note: string;
}

export function sourceLink(ref: string, index: AnchorIndex): SourceLink {
  const [slug, id] = ref.split('#');
  const found = anchorText(ref, index);
  // The content gate has already failed the build for a reference that does not resolve.
  if (!found) throw new Error(`unresolved source ${ref}`);
  return { href: href(`/notes/${slug}/#${id}`), heading: found.heading, note: found.note };
}

/** The answer key of one question: everything the page must not show before a check. */
export interface QuestionKey {
  question: Question;
  source: SourceLink;
  explanationHtml?: string;
  /** Per option id (single/multiple). */
  optionHtml?: Record<string, string>;
  answerHtml?: string;
  rubricHtml?: Record<string, string>;
}

export interface QuizKey {
  quizId: string;
  questions: Record<string, QuestionKey>;
}

export function quizKey(quiz: Quiz, index: AnchorIndex): QuizKey {
  const questions: Record<string, QuestionKey> = {};
  for (const question of quiz.questions) {
    const key: QuestionKey = { question, source: sourceLink(question.source, index) };
    if (question.type === 'single' || question.type === 'multiple') {
      key.optionHtml = Object.fromEntries(question.options.map((o) => [o.id, markdown(o.explanation)]));
    } else {
      key.explanationHtml = markdown(question.explanation);
    }
    if (question.type === 'free') {
      key.answerHtml = markdown(question.answer);
      key.rubricHtml = Object.fromEntries(question.rubric.map((r) => [r.id, inlineMarkdown(r.text)]));
    }
    questions[question.id] = key;
  }
  return { quizId: quiz.id, questions };
}

/**
 * Order questions are authored in the right order; the page must not show them that way (a
 * reader without JavaScript would see the answer). Deterministic per question id.
 */
export const buildTimeOrder = <T>(questionId: string, items: readonly T[]): T[] =>
  shuffleUnsolved(items, seededRandom(hashSeed(questionId)));

export const typeLabel: Record<Question['type'], string> = {
  single: 'Choose one',
  multiple: 'Choose all that apply',
  order: 'Put in order',
  match: 'Match each item',
  free: 'Answer in your own words',
};
