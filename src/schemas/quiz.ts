/**
 * Scenario quizzes, authored in `quizzes/<id>.yaml`. One schema per concept (quiz, question,
 * option); the content collection, `npm run check:content`, the tests and the JSON Schema that
 * editors use (`quizzes/quiz.schema.json`, `npm run schemas`) all come from here.
 */
import { z } from 'zod';
import { SlugSchema } from './note.ts';

const Markdown = z.string().trim().min(1, 'must not be empty');

/** `note-slug#heading-id`: the note section that answers the question. */
export const SourceRefSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[^\s#]+$/, 'expected "<note-slug>#<heading-id>"')
  .describe('The note section that answers this, as <note-slug>#<heading-id> (the id in the page URL).');

/** One choice of a `single` or `multiple` question. */
export const OptionSchema = z
  .object({
    /** Stable id within the question (a, b, … or a slug). */
    id: SlugSchema.describe('Stable id within the question.'),
    /** The choice as the reader sees it (Markdown, inline). */
    text: Markdown.describe('The choice as the reader sees it (inline Markdown).'),
    /** Whether picking this option is right. */
    correct: z.boolean().default(false).describe('True for a right option.'),
    /** Why this option is right or wrong: shown after checking, for every option. */
    explanation: Markdown.describe(
      'Why this option is right or wrong (Markdown). Required for every option.',
    ),
    /** Keeps its place when options are shuffled ("All of the above"). */
    fixed: z
      .boolean()
      .default(false)
      .describe('Keep this option in place when shuffling (e.g. "All of the above").'),
  })
  .strict();

const common = {
  /** Stable id within the quiz: attempts and "retry the ones I missed" refer to it. */
  id: SlugSchema.describe('Stable id within the quiz (attempts refer to it).'),
  /** Points for a fully right answer. */
  points: z.number().positive().max(100).default(1).describe('Points for a fully right answer (default 1).'),
  /** Topic for the results breakdown, e.g. `cost`, `scaling`. */
  topic: SlugSchema.describe('Topic for the per-topic breakdown on the results screen, e.g. cost.'),
  /** The scenario and the question, in Markdown. */
  prompt: Markdown.describe('The scenario and the question (Markdown).'),
  source: SourceRefSchema,
};

const choiceQuestion = <T extends 'single' | 'multiple'>(type: T) =>
  z
    .object({
      type: z.literal(type),
      ...common,
      options: z.array(OptionSchema).min(2, 'needs at least 2 options'),
    })
    .strict()
    .superRefine((q, ctx) => {
      const right = q.options.filter((o) => o.correct).map((o) => o.id);
      if (type === 'single' && right.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: `a single-answer question needs exactly one option with correct: true; found ${right.length}${right.length ? ` (${right.join(', ')})` : ''}`,
        });
      if (type === 'multiple' && right.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'a multiple-answer question needs at least one option with correct: true; found 0',
        });
    });

/** One right option. Scored all or nothing. */
export const SingleQuestionSchema = choiceQuestion('single');
/** Several right options. Scored per option: right picks minus wrong picks, floored at 0. */
export const MultipleQuestionSchema = choiceQuestion('multiple');

const Explanation = Markdown.describe('Why the answer is what it is (Markdown), shown after checking.');

/** Put steps in order. Items are written in the right order and shown shuffled. */
export const OrderQuestionSchema = z
  .object({
    type: z.literal('order'),
    ...common,
    items: z
      .array(z.object({ id: SlugSchema, text: Markdown }).strict())
      .min(2, 'needs at least 2 items')
      .describe('The steps, written in the right order.'),
    explanation: Explanation,
  })
  .strict();

/** Pair each item on the left with one on the right (several lefts may share a right). */
export const MatchQuestionSchema = z
  .object({
    type: z.literal('match'),
    ...common,
    pairs: z
      .array(z.object({ id: SlugSchema, left: Markdown, right: z.string().trim().min(1) }).strict())
      .min(2, 'needs at least 2 pairs')
      .describe('Each left item with its right answer; the choices are the distinct right values.'),
    explanation: Explanation,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (new Set(q.pairs.map((p) => p.right)).size < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['pairs'],
        message: 'needs at least 2 different right-hand values',
      });
  });

/** Write an answer, reveal a model answer, tick the rubric items covered. */
export const FreeQuestionSchema = z
  .object({
    type: z.literal('free'),
    ...common,
    answer: Markdown.describe('The model answer (Markdown), revealed after writing your own.'),
    rubric: z
      .array(z.object({ id: SlugSchema, text: Markdown }).strict())
      .min(1, 'needs at least 1 rubric item')
      .describe('Points a good answer covers; the reader ticks what they covered.'),
    explanation: Explanation,
  })
  .strict();

export const QUESTION_TYPES = ['single', 'multiple', 'order', 'match', 'free'] as const;

export const QuestionSchema = z.discriminatedUnion(
  'type',
  [
    SingleQuestionSchema,
    MultipleQuestionSchema,
    OrderQuestionSchema,
    MatchQuestionSchema,
    FreeQuestionSchema,
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown question type: expected one of ${QUESTION_TYPES.join(', ')}`
        : undefined,
  },
);

/**
 * A quiz file: `quizzes/<id>.yaml`. Ids must be unique within each list (questions, options,
 * steps, pairs, rubric items); the content gate checks that for every content file alike
 * (`duplicateIdErrors` in src/domain/content/yaml.ts), with the line of the repeat.
 */
export const QuizSchema = z
  .object({
    /** Same as the file name; the quiz lives at `/quizzes/<id>/`. */
    id: SlugSchema.describe('Same as the file name; the quiz lives at /quizzes/<id>/.'),
    title: z.string().trim().min(1).describe('Title on the quiz list and page.'),
    summary: z.string().trim().min(1).describe('One or two sentences for the quiz list.'),
    tags: z.array(SlugSchema).min(1).describe('Topic tags.'),
    /** Slugs of the notes this quiz draws on. */
    notes: z.array(SlugSchema).min(1).describe('Slugs of the notes this quiz draws on.'),
    minutes: z.number().int().positive().max(120).describe('Estimated minutes to take the quiz.'),
    questions: z.array(QuestionSchema).min(1, 'a quiz needs at least one question'),
  })
  .strict();

export type Quiz = z.infer<typeof QuizSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type QuestionType = Question['type'];
