/**
 * What a wikilink or an embed can point at: every note (slug, path, title, aliases, headings,
 * block ids) and every attachment under the notes folder. Built once per build from the files;
 * pure here (paths and texts in), so it is tested without a disk.
 */
import { parseDocument } from 'yaml';
import { isPublished, NoteSchema } from '../../schemas/note.ts';
import { memo, memoKey } from '../content/memo.ts';
import { deriveNoteFields } from './derive.ts';
import { noteAnchors } from './anchors.ts';
import { stripComments } from './obsidian.ts';
import {
  type LinkableNote,
  parseBlockIds,
  parseWikiLinks,
  resolveWikiLink,
  type WikiLink,
} from './wikilinks.ts';

export interface IndexedNote extends LinkableNote {
  /** Relative to the notes folder, with its extension. */
  file: string;
  summary: string;
  /** Links the importer could not resolve (frontmatter `unresolvedLinks`): shown as marks, not errors. */
  unresolved: readonly string[];
}

export interface LinkIndex {
  notes: readonly IndexedNote[];
  /** Files that are not notes, relative to the notes folder, `/`-separated. */
  attachments: readonly string[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * One note file as a link target, with the fields the build derives for it (slug, title from
 * the file name when the frontmatter has none); undefined when the note is not published or
 * not valid (the content gate says why).
 */
export const indexNote = (file: string, text: string): IndexedNote | undefined =>
  memo('link-index-note', memoKey(file, text), () => readIndexNote(file, text));

function readIndexNote(file: string, text: string): IndexedNote | undefined {
  const match = FRONTMATTER.exec(text);
  let raw: unknown = {};
  if (match) {
    const doc = parseDocument(match[1] ?? '');
    if (doc.errors.length) return undefined;
    raw = doc.toJS() ?? {};
  }
  const body = text.slice(match?.[0].length ?? 0);
  const parsed = NoteSchema.safeParse(deriveNoteFields(raw, { path: file, body }));
  if (!parsed.success || !isPublished(parsed.data)) return undefined;
  const data = parsed.data;
  const stripped = stripComments(body);
  let headings: IndexedNote['headings'];
  try {
    headings = noteAnchors(stripped).map(({ id, text: t }) => ({ id, text: t }));
  } catch {
    // Not valid MDX: the content gate reports it with file and line; nothing links into it.
    return undefined;
  }
  return {
    file,
    slug: data.slug,
    path: file.replace(/\\/g, '/').replace(/\.mdx?$/i, ''),
    title: data.title,
    summary: data.summary,
    aliases: data.aliases ?? [],
    headings,
    blocks: parseBlockIds(stripped),
    unresolved: data.unresolvedLinks ?? [],
  };
}

/**
 * The attachment an embed names: by path, else by file name (case-insensitive), the linking
 * note's own folder first, then the shortest path — as Obsidian finds `![[image.png]]`.
 */
export function findAttachment(
  name: string,
  fromFile: string,
  attachments: readonly string[],
): string | undefined {
  let key = name
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\.?\/|\/)+/, '');
  try {
    key = decodeURIComponent(key);
  } catch {
    // A literal `%`: compare as written.
  }
  key = key.toLowerCase();
  const here = fromFile.slice(0, Math.max(0, fromFile.lastIndexOf('/')));
  const folder = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
  const matches = attachments.filter((a) => {
    const lower = a.toLowerCase();
    return lower === key || lower.endsWith(`/${key}`) || lower.split('/').at(-1) === key.split('/').at(-1);
  });
  const exact = matches.filter((a) => a.toLowerCase() === key || a.toLowerCase().endsWith(`/${key}`));
  return [...(exact.length ? exact : matches)].sort(
    (a, b) =>
      Number(folder(b) === here) - Number(folder(a) === here) ||
      a.split('/').length - b.split('/').length ||
      a.localeCompare(b),
  )[0];
}

/** Whether a link is one the importer recorded as unresolved (by its raw text or its target). */
export function isKnownUnresolved(
  note: Pick<IndexedNote, 'unresolved'> | undefined,
  link: { raw: string; target: string; heading?: string; block?: string },
): boolean {
  if (!note?.unresolved.length) return false;
  const inner = link.raw.replace(/^!?\[\[|\]\]$/g, '');
  const ref = link.target + (link.heading ? `#${link.heading}` : link.block ? `#^${link.block}` : '');
  const candidates = new Set(
    [link.raw, inner, inner.split('|')[0], ref, link.target].map((s) => s?.trim().toLowerCase()),
  );
  return note.unresolved.some((u) => candidates.has(u.trim().toLowerCase()));
}

/** Embeds that name a file (an image, a PDF…) rather than a note. */
export const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
export const isFileEmbed = (link: WikiLink): boolean =>
  link.embed && (IMAGE_FILE.test(link.target) || (!link.heading && /\.[a-z0-9]{2,4}$/i.test(link.target)));

/**
 * Why a link or embed cannot be shown, or undefined when it can (or when the importer recorded
 * it as unresolved: then it shows as a mark). One wording for the content gate and the page build.
 */
export function linkProblem(
  link: WikiLink,
  from: IndexedNote | undefined,
  index: LinkIndex,
): string | undefined {
  if (isKnownUnresolved(from, link)) return undefined;
  if (isFileEmbed(link)) {
    const found = findAttachment(link.target, from?.file ?? '', index.attachments);
    return found && IMAGE_FILE.test(found) ? undefined : `embedded file not found: ${link.raw}`;
  }
  const resolved = resolveWikiLink(link, from, index.notes);
  if (resolved.kind === 'note') return undefined;
  if (resolved.kind === 'missing-note')
    return `${link.raw}: no note is named "${link.target || '(this note)'}"`;
  const headings = resolved.note.headings.map((h) => `"${h.text}"`).join(', ');
  const what = link.block ? `block ^${link.block}` : `heading "${link.heading}"`;
  return `${link.raw}: note "${resolved.note.title}" has no ${what} (headings: ${headings || 'none'})`;
}

/**
 * Every link of a note's body that would stop the build, with its 1-based line in the body:
 * the content gate lists them all at once, before any page is rendered.
 */
export function linkProblems(
  body: string,
  from: IndexedNote,
  index: LinkIndex,
): { line: number; message: string }[] {
  const text = stripComments(body);
  return parseWikiLinks(text).flatMap((link) => {
    const message = linkProblem(link, from, index);
    return message ? [{ line: text.slice(0, link.start).split('\n').length, message }] : [];
  });
}
