/**
 * Decision walkers, authored in `content/decide/<id>.yaml`: which note diagram to walk, and the
 * short human-written reasons shown with each answer and each recommendation. The questions,
 * answers and leaves themselves come from the diagram (src/domain/decide/tree.ts), never from
 * here; the content gate checks that every id and answer named here still exists in it.
 */
import { z } from 'zod';
import { SlugSchema } from './note.ts';
import { SourceRefSchema } from './quiz.ts';

const Text = z.string().trim().min(1, 'must not be empty');
const NodeId = z
  .string()
  .regex(/^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/, 'expected a mermaid node id such as Q1 or SL3');

/** Why one answer of a question leads where it does. */
export const WalkerAnswerSchema = z
  .object({
    /** The edge label exactly as the diagram shows it, e.g. "> 15 minutes". */
    answer: Text.describe(
      'The edge label as the diagram shows it (line breaks as spaces), e.g. "> 15 minutes".',
    ),
    reason: Text.describe('Why this answer points where it does (inline Markdown, one or two sentences).'),
    source: SourceRefSchema.optional(),
  })
  .strict();

export const WalkerQuestionSchema = z
  .object({
    /** The question's node id in the diagram, e.g. Q1. */
    id: NodeId.describe('The question node id in the diagram, e.g. Q1.'),
    /** Extra words under the question, e.g. what "execution duration" means. */
    hint: Text.optional().describe('Optional words under the question (inline Markdown).'),
    answers: z.array(WalkerAnswerSchema).default([]),
  })
  .strict();

export const WalkerLeafSchema = z
  .object({
    /** The leaf's node id in the diagram, e.g. SL3. */
    id: NodeId.describe('The leaf (recommendation) node id in the diagram, e.g. SL3.'),
    reason: Text.describe('Why this is the recommendation at the end of this path (inline Markdown).'),
    sources: z.array(SourceRefSchema).default([]).describe('Note sections that say more.'),
  })
  .strict();

/** A walker file: `content/decide/<id>.yaml`. */
export const DecisionWalkerSchema = z
  .object({
    id: SlugSchema.describe('Same as the file name.'),
    title: Text.describe('Page title.'),
    summary: Text.describe('One or two sentences under the title.'),
    tags: z.array(SlugSchema).default([]).describe('Topic tags (for search filters).'),
    /** `<note-slug>#<heading-id>`: the walker reads the first mermaid diagram under that heading. */
    diagram: SourceRefSchema.describe(
      'The note section whose first mermaid flowchart is the decision tree, as <note-slug>#<heading-id>.',
    ),
    questions: z.array(WalkerQuestionSchema).default([]),
    leaves: z.array(WalkerLeafSchema).default([]),
    /** Site pages to go on to from a recommendation, e.g. the comparison and the cost calculator. */
    links: z
      .array(
        z
          .object({ href: z.string().regex(/^\/[^\s]*$/, 'expected a site path such as /cost/'), text: Text })
          .strict(),
      )
      .default([])
      .describe('Site pages to go on to from the recommendation.'),
  })
  .strict();

export type DecisionWalker = z.infer<typeof DecisionWalkerSchema>;
