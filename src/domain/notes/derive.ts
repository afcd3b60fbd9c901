/**
 * The frontmatter fields an author may leave out, derived from the file: a hand-written note
 * in `content/notes/` needs no frontmatter at all. Only missing fields are filled; what the
 * author wrote is never replaced. Used by the content gate and by the notes loader, so the
 * check and the build see the same data.
 */
import { deriveSummary } from '../importer/frontmatter.ts';
import { slugify } from '../../schemas/note.ts';

/** A note file's frontmatter block (its YAML is group 1); a note may have none. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A note file's body: everything after its frontmatter, as written (leading blank lines and the
 * final newline kept, so lines count as in the file). The content gate and the notes loader
 * (src/lib/notes-loader.ts) read the same text, so what either derives from a body is derived once.
 */
export const noteBodyOf = (text: string): string => text.slice(FRONTMATTER.exec(text)?.[0].length ?? 0);

/** A Notion export's page id: a space and 32 hex digits at the end of a name. */
export const NOTION_ID = /\s+[0-9a-f]{32}$/i;

/** "Interview prep 0123…cdef" → "Interview prep" (a name without an id stays as it is). */
export const stripNotionId = (name: string): string => name.replace(NOTION_ID, '').trim() || name;

/** A file's name without folder, extension or Notion id: the note's name as its author sees it. */
export function noteName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return stripNotionId(base.replace(/\.(mdx?|markdown|txt)$/i, ''));
}

export function deriveNoteFields(raw: unknown, file: { path: string; body: string }): unknown {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return raw;
  const data: Record<string, unknown> = { ...(raw as Record<string, unknown> | null) };
  const name = noteName(file.path);
  data.title ??= name;
  data.slug ??= slugify(name) || 'note';
  if (data.summary === undefined) {
    const description = typeof data.description === 'string' ? data.description.trim() : '';
    data.summary = description || deriveSummary(file.body.split('\n')) || data.title;
  }
  return data;
}
