import { z } from 'zod';

/**
 * `content/notes/<folder>/_section.yaml` (optional): how a folder of notes shows as a section.
 * Without it the section is titled after the folder (`system-design` → "System design") and
 * sorted by title. `content/notes/_section.yaml` does the same for the notes at the top level.
 */
export const SectionSchema = z
  .object({
    /** Shown in the section list, the notes index and above a note ("Networking basics"). */
    title: z.string().trim().min(1, 'title must not be empty').optional(),
    /** Position among its sibling sections (lower first); sections without one follow, by title. */
    order: z.number().int().nonnegative().optional(),
  })
  .strict();

export type Section = z.infer<typeof SectionSchema>;

/** The file name that configures a folder's section. */
export const SECTION_FILE = '_section.yaml';
