/**
 * Cross-note comparisons, authored in `content/compare/`:
 * - `vocabulary.yaml` — the reviewed synonym map: which table headers name the same aspect
 *   ("Scalability", "Horizontal Scaling" → scaling) and which column headers the same option
 *   ("Stateful Architecture" → stateful);
 * - `<id>.yaml` — one comparison page (`/compare/<id>/`): its options and the human-written
 *   resolutions of the disagreements between notes.
 * JSON Schemas for editors: `content/compare/*.schema.json` (`npm run schemas`).
 */
import { z } from 'zod';
import { SlugSchema } from './note.ts';
import { SourceRefSchema } from './quiz.ts';

const Text = z.string().trim().min(1, 'must not be empty');

/** One aspect of comparison and the table labels that mean it. */
export const AspectSchema = z
  .object({
    id: SlugSchema.describe('Stable key of the aspect (a row of every comparison matrix).'),
    label: Text.describe('Row label shown on the comparison pages.'),
    aliases: z
      .array(Text)
      .min(1, 'list at least one table label')
      .describe('Table labels (row labels or column headers) that mean this aspect; matched without case.'),
    effort: z
      .enum(['same', 'inverse'])
      .optional()
      .describe(
        'How effort words (easy, hard, complex) relate to amount words (low, high) for this aspect: ' +
          '"same" when harder means more (complexity), "inverse" when harder means less (fault tolerance). ' +
          'Without it, cells are compared only with cells that use the same kind of word.',
      ),
  })
  .strict();

/** One option (a side of a comparison) and the column headers or headings that name it. */
export const OptionTermSchema = z
  .object({
    id: SlugSchema.describe('Stable key of the option (stateful, serverless, …).'),
    label: Text.describe('Column header shown on the comparison pages.'),
    aliases: z
      .array(Text)
      .min(1, 'list at least one label')
      .describe('Column headers or section headings that name this option; matched without case.'),
    tells: z
      .array(Text)
      .optional()
      .describe(
        'Words that name what this option is ("session", "sticky" for stateful): a reverse flashcard ' +
          'whose prompt contains one gives its answer away and is dropped. Matched as whole words, without case.',
      ),
  })
  .strict();

/** `content/compare/vocabulary.yaml`. */
export const VocabularySchema = z
  .object({
    aspects: z.array(AspectSchema).min(1),
    options: z.array(OptionTermSchema).min(2),
  })
  .strict();

/**
 * A claim a resolution refers to: a table cell (`option` + `value`, exactly as the note has it)
 * or a sentence of prose (`quote`), in the note section `source`. The build checks the note
 * still says it, so an edited note flags a stale resolution.
 */
export const ClaimRefSchema = z
  .object({
    source: SourceRefSchema,
    option: SlugSchema.optional().describe('For a table cell: the option key (from the vocabulary).'),
    value: Text.optional().describe('For a table cell: the cell text, as the note has it.'),
    quote: Text.optional().describe('For prose: words the section contains (Markdown marks ignored).'),
  })
  .strict()
  .refine((c) => (c.quote === undefined) !== (c.value === undefined && c.option === undefined), {
    message: 'give either option + value (a table cell) or quote (prose)',
  })
  .refine((c) => c.quote !== undefined || (c.option !== undefined && c.value !== undefined), {
    message: 'a table cell needs both option and value',
  });

/** Two or more claims that point different ways, and what to make of it. */
export const ResolutionSchema = z
  .object({
    id: SlugSchema.describe('Stable id (the anchor #<id> on the page).'),
    aspect: SlugSchema.describe('The aspect key (from the vocabulary) the disagreement is about.'),
    title: Text.describe('One line: what the notes disagree on.'),
    claims: z.array(ClaimRefSchema).min(2, 'a disagreement needs at least two claims'),
    resolution: Text.describe('The answer in words (inline Markdown): who is right when, what to say.'),
  })
  .strict();

/** `content/compare/<id>.yaml`: one comparison page. */
export const ComparisonSchema = z
  .object({
    id: SlugSchema.describe('Same as the file name; the page is /compare/<id>/.'),
    title: Text,
    summary: Text.describe('One or two sentences for the page header and the list of comparisons.'),
    options: z.array(SlugSchema).min(2).describe('Option keys (from the vocabulary), one column each.'),
    disagreements: z.array(ResolutionSchema).default([]),
  })
  .strict();

export type Aspect = z.infer<typeof AspectSchema>;
export type OptionTerm = z.infer<typeof OptionTermSchema>;
export type Vocabulary = z.infer<typeof VocabularySchema>;
export type ClaimRef = z.infer<typeof ClaimRefSchema>;
export type Resolution = z.infer<typeof ResolutionSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
