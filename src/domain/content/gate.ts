/**
 * The content gate: checks every note file before Astro's loader sees it. Astro's glob loader
 * logs and drops some bad entries (a duplicate id overwrites, an unparseable file can vanish),
 * so a broken note would become a missing page. Here every problem becomes an error that names
 * the file, the line where we know it, and the field. Pure: bytes in, errors out.
 */
import { parseDocument } from 'yaml';
import type { ZodType } from 'zod';
import { findUnclosedFence } from '../../markdown/mermaid/fences.ts';
import { deriveNoteFields, FRONTMATTER } from '../notes/derive.ts';
import type { ContentError, ContentFile } from './errors.ts';
import { checkNoteBody } from './note-body.ts';

// The error shape and its one message style live in errors.ts (shared by every content gate).
export { type ContentError, type ContentFile, formatContentError } from './errors.ts';

export interface CheckedNote<T> {
  file: string;
  data: T;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** The body's plain links (read once here, checked once every note is known). */
  links?: { url: string; line: number }[] | undefined;
}

function lineOfKey(yamlText: string, key: string): number | undefined {
  const index = yamlText.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 2 : undefined; // +1 for 1-based, +1 for the opening ---
}

const describeReceived = (value: unknown): string => JSON.stringify(value)?.slice(0, 60) ?? String(value);

/** Parses and validates one note file; returns the note or the errors that stop it. */
export function checkNoteFile<T>(
  file: ContentFile,
  schema: ZodType<T>,
): { note?: CheckedNote<T>; errors: ContentError[]; warnings?: ContentError[] } {
  const at = (message: string, extra: Partial<ContentError> = {}) => ({
    errors: [{ file: file.path, message, ...extra }],
  });
  if (file.bytes.length === 0) return at('the file is empty');
  if (file.bytes.includes(0)) return at('the file is binary (it contains NUL bytes), not a Markdown note');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return at('the file is not valid UTF-8 (run it through `npm run import` to repair the encoding)');
  }
  // Frontmatter is optional: whatever it leaves out is derived from the file (derive.ts).
  const match = FRONTMATTER.exec(text);
  if (!match && /^---[ \t]*\r?\n/.test(text))
    return at('frontmatter starts with `---` but has no closing `---` line', { line: 1 });
  const yamlText = match?.[1] ?? '';
  const doc = parseDocument(yamlText, { prettyErrors: true });
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((error) => ({
        file: file.path,
        line: (error.linePos?.[0]?.line ?? 0) + 1,
        message: `frontmatter is not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const head = match?.[0] ?? '';
  const bodyLine = text.slice(0, head.length).split('\n').length;
  const body = text.slice(head.length);
  const raw: unknown = deriveNoteFields(doc.toJS(), { path: file.path, body });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => {
        const unknownKey = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : undefined;
        const field = unknownKey ?? (issue.path.map(String).join('.') || '(frontmatter)');
        const top = unknownKey ?? String(issue.path[0] ?? '');
        const received =
          raw && typeof raw === 'object' && top in raw ? (raw as Record<string, unknown>)[top] : undefined;
        // zod already says "received <type>" for type errors; add the value where it helps.
        const extra =
          unknownKey || /received undefined/.test(issue.message)
            ? unknownKey
              ? ' (not a field of this schema)'
              : ' (the field is missing)'
            : `; received ${describeReceived(received)}`;
        return {
          file: file.path,
          line: lineOfKey(yamlText, top),
          field,
          message: `${issue.message}${extra}`,
        };
      }),
    };
  }
  const errors: ContentError[] = [];
  if (!body.trim()) errors.push({ file: file.path, line: bodyLine, message: 'the note has no body text' });
  const unclosed = findUnclosedFence(body);
  if (unclosed) {
    errors.push({
      file: file.path,
      line: bodyLine + unclosed - 1,
      message: 'code fence is never closed: everything after it would render as code',
    });
  }
  // Only a body that holds no broken fence is parsed (everything after an open fence is code).
  const bodyChecks = unclosed ? { errors: [], warnings: [] } : checkNoteBody(file.path, body, bodyLine);
  errors.push(...bodyChecks.errors);
  // The note is returned even when its body is wrong: its slug and headings still exist for
  // the quizzes and cards that point into it (one broken note, one error, not one per source).
  return {
    note: { file: file.path, data: parsed.data, body, bodyLine, links: bodyChecks.links },
    errors,
    warnings: bodyChecks.warnings,
  };
}

/** Checks a whole collection: each file, then what only shows across files (duplicate slugs). */
export function checkNotes<T extends { slug: string }>(
  files: ContentFile[],
  schema: ZodType<T>,
): { notes: CheckedNote<T>[]; errors: ContentError[]; warnings: ContentError[]; broken: Set<string> } {
  const found: CheckedNote<T>[] = [];
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  /** Files with an error of their own: nothing else (a compile, a quiz source) re-reports them. */
  const broken = new Set<string>();
  for (const file of files) {
    const result = checkNoteFile(file, schema);
    errors.push(...result.errors);
    warnings.push(...(result.warnings ?? []));
    if (result.errors.length) broken.add(file.path);
    if (result.note) found.push(result.note);
  }
  const bySlug = new Map<string, string>();
  const notes: CheckedNote<T>[] = [];
  for (const note of found) {
    const first = bySlug.get(note.data.slug);
    if (first) {
      errors.push({
        file: note.file,
        field: 'slug',
        message: `duplicate slug "${note.data.slug}": ${first} already uses it (each note needs its own page)`,
      });
      // Left out: the first note keeps the slug, so sources into it still resolve (one error,
      // not one per quiz question pointing at a heading only the first note has).
      broken.add(note.file);
    } else {
      bySlug.set(note.data.slug, note.file);
      notes.push(note);
    }
  }
  if (!files.length) errors.push({ file: '(content/notes)', message: 'no notes found' });
  return { notes, errors, warnings, broken };
}
