import anyAscii from 'any-ascii';
import { z } from 'zod';

/** Lower-case words joined by single hyphens: safe in URLs, file names and ids. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug: lower-case words joined by hyphens');

/**
 * Any text as a slug: transliterated to ASCII first (any-ascii), so "Écriture différée" is
 * `ecriture-differee`, "缓存" is `huancun` and an emoji-only name like "🚀" is `rocket`.
 */
export function slugify(text: string): string {
  return anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * One tag as the site uses it. A nested Obsidian tag `a/b` becomes two tags, the parent `a`
 * and `a-b` (each level gets its page, and the parent's page lists every note under it, as
 * Obsidian's tag pane counts them); `#` is dropped and each segment is slugified.
 */
export function tagSlugs(tag: string): string[] {
  const parts = tag
    .replace(/^#/, '')
    .split('/')
    .map((p) => slugify(p))
    .filter(Boolean);
  return parts.map((_, i) => parts.slice(0, i + 1).join('-'));
}

/**
 * Tags as authors write them: a YAML list, or one string separated by commas or spaces
 * (`tags: databases, scaling`), plain or nested (`databases/relational`), with or without `#`.
 */
export const TagsSchema = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((value, ctx) => {
    const written = (Array.isArray(value) ? value.map(String) : value.split(/[,\s]+/))
      .map((t) => t.trim())
      .filter(Boolean);
    const tags: string[] = [];
    for (const tag of written) {
      const slugs = tagSlugs(tag);
      if (!slugs.length)
        ctx.addIssue({ code: 'custom', message: `tag ${JSON.stringify(tag)} has no letters` });
      for (const slug of slugs) if (!tags.includes(slug)) tags.push(slug);
    }
    return tags;
  });

/** Other names of the note (Obsidian `aliases`): a list, or one string separated by commas. */
export const AliasesSchema = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((value) =>
    (Array.isArray(value) ? value.map(String) : value.split(',')).map((a) => a.trim()).filter(Boolean),
  );

/**
 * A date as YAML gives it: a timestamp (`2024-03-02`, read as a Date by some parsers) or any
 * string a Date can read. Kept as ISO text: `2024-03-02` for a day, the full form with a time.
 */
export const NoteDateSchema = z.union([z.date(), z.string().trim()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a date like 2024-03-02; received ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
});

/** Reading order of a note that does not give one: after every numbered note, ties by title. */
export const UNORDERED = 1_000_000;

/**
 * Frontmatter of one note in `content/notes/**\/*.mdx`, after the fields an author may leave
 * out have been derived (`title` and `slug` from the file name, `summary` from the first
 * paragraph: src/domain/notes/derive.ts). Fields this schema does not know are kept as written
 * (authors' and other tools' fields, e.g. Obsidian's `cssclasses`), never an error.
 */
export const NoteSchema = z.looseObject({
  /** Page title: from the frontmatter, else the imported note's first heading, else the file name. */
  title: z.string().trim().min(1, 'title must not be empty'),
  /** URL slug; unique across all notes in all folders; the page lives at `/notes/<slug>/`. */
  slug: SlugSchema,
  /** One or two sentences shown under the title and on the home page (`description` counts too). */
  summary: z.string().trim().min(1, 'summary must not be empty'),
  /** The author's description (Jekyll, Hugo, Docusaurus); the summary when there is no `summary`. */
  description: z.string().trim().min(1).optional(),
  /** Topic tags; each gets a page at `/tags/<tag>/`. Nested `a/b` gives `a` and `a-b`. */
  tags: TagsSchema.default([]),
  /** Other names a wikilink may use for this note. */
  aliases: AliasesSchema.default([]),
  /** Reading order (prev/next links follow it); ties sort by title. */
  order: z.number().int().nonnegative().default(UNORDERED),
  /** Where the note was imported from: its path relative to the imported folder. */
  source: z.string().trim().min(1).optional(),
  date: NoteDateSchema.optional(),
  created: NoteDateSchema.optional(),
  updated: NoteDateSchema.optional(),
  /** `draft: true`: kept in the folder, not published. */
  draft: z.boolean().optional(),
  /** `publish: false` (Obsidian Publish): not published. */
  publish: z.boolean().optional(),
  /**
   * Wikilink targets, as written (`Missing note`, `Other note#No such heading`), that pointed at
   * nothing when the note was imported: shown as "not included" / "section not found" marks.
   * Any other wikilink that does not resolve is a build error.
   */
  unresolvedLinks: z.array(z.string().min(1)).optional(),
});

export type Note = z.infer<typeof NoteSchema>;
/** Frontmatter as an author writes it (derived fields optional). */
export type NoteInput = z.input<typeof NoteSchema>;

/** A note that says it is not for the site (`draft: true` or `publish: false`). */
export const isPublished = (data: { draft?: boolean | undefined; publish?: boolean | undefined }): boolean =>
  data.draft !== true && data.publish !== false;
