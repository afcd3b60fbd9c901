/**
 * What a wikilink or an embed can point at: every note (slug, path, title, aliases, headings,
 * block ids) and every attachment under the notes folder. Built once per build from the files;
 * pure here (paths and texts in), so it is tested without a disk.
 */
import { parseDocument } from 'yaml';
import { noteAnchors } from './anchors.ts';
import { stripComments } from './obsidian.ts';
import { type LinkableNote, parseBlockIds } from './wikilinks.ts';

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

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).flatMap((v: unknown) => {
    if (typeof v === 'string') return [v];
    // The importer may record a link as an object; its raw text or target is what matters.
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const text = o.raw ?? o.link ?? o.target;
      return typeof text === 'string' ? [text] : [];
    }
    return [];
  });

/** One note file as a link target; undefined when its frontmatter has no slug (the gate says why). */
export function indexNote(file: string, text: string): IndexedNote | undefined {
  const match = FRONTMATTER.exec(text);
  const data: unknown = match ? parseDocument(match[1] ?? '').toJS() : undefined;
  if (!data || typeof data !== 'object') return undefined;
  const fm = data as Record<string, unknown>;
  if (typeof fm.slug !== 'string') return undefined;
  const body = stripComments(text.slice(match?.[0].length ?? 0));
  const path = file.replace(/\\/g, '/').replace(/\.mdx?$/i, '');
  return {
    file,
    slug: fm.slug,
    path,
    title: typeof fm.title === 'string' ? fm.title : (path.split('/').at(-1) ?? path),
    summary: typeof fm.summary === 'string' ? fm.summary : '',
    aliases: strings(fm.aliases),
    headings: noteAnchors(body).map(({ id, text: t }) => ({ id, text: t })),
    blocks: parseBlockIds(body),
    unresolved: strings(fm.unresolvedLinks),
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
