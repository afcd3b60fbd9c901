/**
 * Obsidian wikilinks: finding them in a note's Markdown and resolving them against the notes of
 * the site, the way Obsidian does (file name, then title or alias; case-insensitive; the
 * shortest path wins when several notes share a name). Pure: the importer, the remark plugin
 * and the backlinks page all call these, so a link means the same thing everywhere.
 */
import GithubSlugger from 'github-slugger';
import { headingId } from './anchors.ts';

export interface WikiLink {
  /** The whole link as written, `[[...]]` or `![[...]]`. */
  raw: string;
  /** What the link names before `#` (empty for `[[#Heading]]`: the same note). */
  target: string;
  /** The heading after `#` (the last one of `#A#B`, as Obsidian does). */
  heading?: string;
  /** The block id after `#^`. */
  block?: string;
  /** The text after `|`. */
  label?: string;
  /** `![[...]]`: an embed, not a link. */
  embed: boolean;
  /** Offsets of `raw` in the Markdown (end exclusive). */
  start: number;
  end: number;
}

export interface LinkableNote {
  slug: string;
  /** Relative to the notes folder, no extension, `/`-separated: `databases/Sharding`. */
  path: string;
  title: string;
  aliases: readonly string[];
  /** Heading ids as the rendered page has them, with their text. */
  headings: readonly { id: string; text: string }[];
  /** `^block-id`s the note defines (without `^`); undefined when unknown (not checked). */
  blocks?: readonly string[];
}

export type WikiLinkResolution =
  | { kind: 'note'; note: LinkableNote; anchor?: string }
  | { kind: 'missing-note' }
  | { kind: 'missing-heading'; note: LinkableNote };

/**
 * Replaces code fences, indented-by-fence blocks and code spans with spaces of the same
 * length, so offsets stay true and nothing inside code is taken for a link.
 */
export function maskCode(markdown: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  // Fences: an opening run of 3+ backticks or tildes up to a closing run of the same
  // character at least as long (or the end of the file, as CommonMark does).
  let masked = markdown.replace(
    /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S]))/gm,
    blank,
  );
  // Code spans: a run of backticks up to the next run of the same length.
  masked = masked.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, (span) =>
    span.includes('\n\n') ? span : blank(span),
  );
  return masked;
}

const LINK = /(!?)\[\[([^[\]\n]*?)\]\]/g;

/** Every wikilink and embed in document order, code excluded. */
export function parseWikiLinks(markdown: string): WikiLink[] {
  const masked = maskCode(markdown);
  const links: WikiLink[] = [];
  for (const match of masked.matchAll(LINK)) {
    const start = match.index;
    const raw = markdown.slice(start, start + match[0].length);
    const inner = raw.slice(match[1] ? 3 : 2, -2);
    if (!inner.trim()) continue;
    // Inside a table cell the label separator is written `\|`.
    const bar = inner.search(/\\?\|/);
    const ref = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? undefined : inner.slice(bar).replace(/^\\?\|/, '');
    const [target = '', ...fragments] = ref.split('#');
    const link: WikiLink = {
      raw,
      target: target.trim(),
      embed: match[1] === '!',
      start,
      end: start + raw.length,
    };
    const last = fragments
      .map((f) => f.trim())
      .filter(Boolean)
      .at(-1);
    if (last?.startsWith('^')) link.block = last.slice(1);
    else if (last) link.heading = last;
    if (label !== undefined && label.trim()) link.label = label.trim();
    links.push(link);
  }
  return links;
}

const fold = (s: string): string => s.normalize('NFC').toLowerCase().trim();

/** A link target as a comparable key: decoded, no Markdown extension, no leading `./` or `/`. */
function targetKey(target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // A literal `%` that is not an escape: keep the text as written.
  }
  return fold(
    t
      .replace(/\\/g, '/')
      .replace(/^(\.\.?\/|\/)+/, '')
      .replace(/\.mdx?$/i, ''),
  );
}

const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Obsidian's tie-break: the linking note's own folder, then the shortest path, then by name. */
function pick(candidates: LinkableNote[], from: LinkableNote | undefined): LinkableNote | undefined {
  const here = from && folderOf(from.path);
  return [...candidates].sort(
    (a, b) =>
      Number(folderOf(b.path) === here) - Number(folderOf(a.path) === here) ||
      a.path.split('/').length - b.path.split('/').length ||
      a.path.length - b.path.length ||
      a.path.localeCompare(b.path),
  )[0];
}

/** The note a target names, or undefined. */
export function findNote(
  target: string,
  from: LinkableNote | undefined,
  notes: readonly LinkableNote[],
): LinkableNote | undefined {
  const key = targetKey(target);
  if (!key) return undefined;
  if (key.includes('/')) {
    // A path: the note at exactly that path, or whose path ends with it.
    const byPath = notes.filter((n) => {
      const path = fold(n.path);
      return path === key || path.endsWith(`/${key}`);
    });
    if (byPath.length) return pick(byPath, from);
  }
  // A path that names no note (moved since it was written, or relative to another tree) still
  // finds a note of that file name.
  const name = baseName(key);
  const byName = notes.filter((n) => fold(baseName(n.path)) === name || fold(n.slug) === name);
  if (byName.length) return pick(byName, from);
  const byTitle = notes.filter((n) => fold(n.title) === key || n.aliases.some((a) => fold(a) === key));
  return pick(byTitle, from);
}

/** A heading as written in a link, compared the way its id is made (punctuation and case aside). */
const headingKey = (text: string): string => headingId(new GithubSlugger(), text.replace(/[#|^:]/g, ' '));

/** The id of the heading a link names, or undefined. */
export function findHeading(note: LinkableNote, heading: string): string | undefined {
  const text = fold(heading);
  const exact = note.headings.find((h) => fold(h.text) === text);
  if (exact) return exact.id;
  const key = headingKey(heading);
  return note.headings.find((h) => h.id === key || headingKey(h.text) === key)?.id;
}

/** The id a `^block-id` anchor gets on the page (same in the link and at the target). */
export const blockAnchorId = (block: string): string => `block-${block.toLowerCase()}`;

export function resolveWikiLink(
  link: Pick<WikiLink, 'target' | 'heading' | 'block'>,
  from: LinkableNote | undefined,
  notes: readonly LinkableNote[],
): WikiLinkResolution {
  const note = link.target ? findNote(link.target, from, notes) : from;
  if (!note) return { kind: 'missing-note' };
  if (link.block !== undefined) {
    const known = note.blocks === undefined || note.blocks.some((b) => fold(b) === fold(link.block ?? ''));
    return known
      ? { kind: 'note', note, anchor: blockAnchorId(link.block) }
      : { kind: 'missing-heading', note };
  }
  if (link.heading !== undefined) {
    const anchor = findHeading(note, link.heading);
    return anchor ? { kind: 'note', note, anchor } : { kind: 'missing-heading', note };
  }
  return { kind: 'note', note };
}

/**
 * The one place a link to a note is written: site-relative, `/notes/<slug>/` plus an optional
 * `#anchor`. A base path, if the site gets one, is added here and nowhere else.
 */
export const noteHref = (slug: string, anchor?: string): string =>
  `/notes/${slug}/${anchor ? `#${anchor}` : ''}`;

/** `^block-id`s a note defines: at the end of a line (a paragraph, list item) or alone on one. */
export function parseBlockIds(markdown: string): string[] {
  const masked = maskCode(markdown);
  return [...masked.matchAll(/(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/gm)].map((m) => m[1] ?? '');
}

/**
 * The words a link shows: its label, else what it names as written (`Note`, `Note › Heading`,
 * `Heading` for one in the same note). The heading ids count these words, not the brackets.
 */
export function wikiLinkText(link: Pick<WikiLink, 'target' | 'heading' | 'block' | 'label'>): string {
  if (link.label) return link.label;
  const target = link.target.replace(/\.mdx?$/i, '');
  const part = link.heading ?? (link.block !== undefined ? `^${link.block}` : undefined);
  if (!target) return part ?? '';
  return part ? `${target} › ${part}` : target;
}

/** Text with every wikilink replaced by the words it shows (for heading ids and plain text). */
export function wikiLinksAsText(text: string): string {
  if (!text.includes('[[')) return text;
  let out = '';
  let at = 0;
  for (const link of parseWikiLinks(text)) {
    out += text.slice(at, link.start) + wikiLinkText(link);
    at = link.end;
  }
  return out + text.slice(at);
}

/** The one place a link to a tag page is written (site-relative, as noteHref). */
export const tagHref = (tag: string): string => `/tags/${tag}/`;
