import { z } from 'zod';

/** Lower-case words joined by single hyphens: safe in URLs, file names and ids. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug: lower-case words joined by hyphens');

/** Frontmatter of one note in `content/notes/*.mdx`. */
export const NoteSchema = z
  .object({
    /** Page title, from the note's first heading. */
    title: z.string().trim().min(1, 'title must not be empty'),
    /** URL slug; unique across notes; the page lives at `/notes/<slug>/`. */
    slug: SlugSchema,
    /** One or two sentences shown under the title and on the home page. */
    summary: z.string().trim().min(1, 'summary must not be empty'),
    /** Topic tags; each gets a page at `/tags/<tag>/`. */
    tags: z.array(SlugSchema).min(1, 'at least one tag'),
    /** Reading order (prev/next links follow it); ties sort by title. */
    order: z.number().int().nonnegative(),
    /** File name of the raw note this was imported from. */
    source: z.string().trim().min(1),
  })
  .strict();

export type Note = z.infer<typeof NoteSchema>;
