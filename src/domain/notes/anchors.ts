/**
 * The heading ids a note page will have, computed from the note's Markdown without rendering
 * it: quizzes and cards point at `<note-slug>#<heading-id>`, and the content gate must know
 * before the build whether that section exists. Same slugger and same text as
 * src/markdown/rehype-figures.ts (github-slugger over the heading's plain text).
 */
import GithubSlugger, { slug } from 'github-slugger';
import type { Heading as MdastHeading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { memo } from '../content/memo.ts';
import { noteTree } from './tree.ts';
import { stripComments } from './obsidian.ts';
import { wikiLinksAsText } from './wikilinks.ts';

// As the build parses a note: `$…$` is math (its braces are not MDX expressions).

/**
 * The id of a heading: github-slugger over its text, without emoji variation selectors
 * (U+FE0F, left behind by "⚠️"), which would put an invisible character into the URL.
 */
export function headingId(slugger: GithubSlugger, text: string): string {
  const clean = text.replace(/\uFE0F/g, '');
  // A heading of emoji only ("## 🚀") slugs to nothing: an empty id, and a "#" link to the top.
  return slugger.slug(slug(clean) ? clean : 'section');
}

export interface NoteAnchor {
  id: string;
  text: string;
  depth: number;
}

/**
 * Headings of an MDX body in document order, with the ids the built page gives them. Blank
 * lines before the first line and whitespace at the end change no heading, so they are not part
 * of the key: the gate's body (the file after its frontmatter) and the page build's (Astro's,
 * trimmed) read a note once.
 */
export const noteAnchors = (body: string): NoteAnchor[] =>
  memo('note-anchors', body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd(), () => readAnchors(body));

function readAnchors(body: string): NoteAnchor[] {
  const tree = noteTree(stripComments(body));
  const slugger = new GithubSlugger();
  const anchors: NoteAnchor[] = [];
  visit(tree, 'heading', (node: MdastHeading) => {
    // A wikilink in a heading renders as its words, and the page's id is made from those.
    const text = wikiLinksAsText(toString(node));
    anchors.push({ id: headingId(slugger, text), text, depth: node.depth });
  });
  return anchors;
}

/** `note-slug#heading-id`: where an answer or a card comes from. */
export const SOURCE_REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)#([^\s#]+)$/;

export type AnchorIndex = ReadonlyMap<string, { title: string; anchors: readonly NoteAnchor[] }>;

/** Slug → title and headings, for every note (what `source` references resolve against). */
export const anchorIndex = (
  notes: readonly { data: { slug: string; title: string }; body?: string | undefined }[],
): AnchorIndex =>
  new Map(notes.map((n) => [n.data.slug, { title: n.data.title, anchors: noteAnchors(n.body ?? '') }]));

/**
 * Explains why a source reference does not resolve, or returns undefined when it does.
 * The message names what exists nearby, so an author can fix a typo without opening the note.
 */
export function checkSourceRef(ref: string, index: AnchorIndex): string | undefined {
  const match = SOURCE_REF.exec(ref);
  if (!match) return `expected "<note-slug>#<heading-id>"; received ${JSON.stringify(ref)}`;
  const [, slug = '', id = ''] = match;
  const note = index.get(slug);
  if (!note) {
    return `no note has the slug "${slug}" (notes: ${[...index.keys()].join(', ') || 'none'})`;
  }
  if (note.anchors.some((a) => a.id === id)) return undefined;
  const close = note.anchors.filter((a) => a.id.includes(id) || id.includes(a.id)).map((a) => a.id);
  return (
    `note "${slug}" has no heading with id "${id}"` +
    (close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(', ')}?)` : '')
  );
}

/** Heading text for a resolved reference (for link labels such as "Cost Model"). */
export function anchorText(ref: string, index: AnchorIndex): { note: string; heading: string } | undefined {
  const [, slug = '', id = ''] = SOURCE_REF.exec(ref) ?? [];
  const note = index.get(slug);
  const anchor = note?.anchors.find((a) => a.id === id);
  if (note && !anchor && id === NOTE_TOP) return { note: note.title, heading: note.title };
  return note && anchor ? { note: note.title, heading: anchor.text } : undefined;
}

/**
 * Where something above a note's first heading lives (a table or a definition at the top):
 * the page's main region, which every page has (`<main id="main">`).
 */
export const NOTE_TOP = 'main';

/**
 * The Markdown of one section of a note: from its heading to the next heading of the same or a
 * higher level, with the 1-based line of the heading in the body. Undefined when there is no
 * heading with that id.
 */
export function noteSection(note: string, id: string): { text: string; line: number } | undefined {
  // Comments are not part of any section (line numbers are kept, offsets are of this text).
  const body = stripComments(note);
  const tree = noteTree(body);
  const slugger = new GithubSlugger();
  const headings: { id: string; depth: number; start: number; line: number }[] = [];
  visit(tree, 'heading', (node: MdastHeading) => {
    headings.push({
      id: headingId(slugger, wikiLinksAsText(toString(node))),
      depth: node.depth,
      start: node.position?.start.offset ?? 0,
      line: node.position?.start.line ?? 1,
    });
  });
  const at = headings.findIndex((h) => h.id === id);
  const heading = headings[at];
  if (!heading) return undefined;
  const end = headings.slice(at + 1).find((h) => h.depth <= heading.depth)?.start ?? body.length;
  return { text: body.slice(heading.start, end), line: heading.line };
}
