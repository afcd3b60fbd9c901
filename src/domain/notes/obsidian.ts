/**
 * Obsidian's in-text syntax that is not a link: `%%comments%%` and inline `#tags`. Pure, so
 * the build (pages), the content gate and everything derived from a note's body agree on
 * what a note says.
 */
import { tagSlugs } from '../../schemas/note.ts';
import { maskCode, parseWikiLinks, wikiLinkText } from './wikilinks.ts';

/**
 * The Markdown without `%%comments%%` (inline or spanning lines; an unclosed `%%` runs to the
 * end, as in Obsidian). Line breaks inside a comment are kept, so every line number an error
 * names stays the line of the file. Code is left alone.
 */
export function stripComments(markdown: string): string {
  if (!markdown.includes('%%')) return markdown;
  let out = '';
  let at = 0;
  for (const [start, end] of commentRanges(markdown)) {
    out += markdown.slice(at, start) + markdown.slice(start, end).replace(/[^\n]/g, '');
    at = end;
  }
  return out + markdown.slice(at);
}

/** Offsets `[start, end)` of every `%%comment%%` (markers included), code aside. */
export function commentRanges(markdown: string): [number, number][] {
  if (!markdown.includes('%%')) return [];
  return [...maskCode(markdown).matchAll(/%%[\s\S]*?(?:%%|(?![\s\S]))/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}

/**
 * An inline tag as Obsidian reads it: `#` after a space or the start of a line, then letters,
 * digits, `_`, `-` and `/` (nesting), with at least one non-digit (`#1` is not a tag).
 */
export const INLINE_TAG = /(?<=^|[\s(])#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;

/**
 * The tag page an inline tag links to: the deepest of its levels (`#system/caching` →
 * `system-caching`), named as frontmatter tags are (src/schemas/note.ts tagSlugs).
 */
export const tagSlug = (tag: string): string => tagSlugs(tag).at(-1) ?? '';

/** The inline `#tags` of a note body (headings, code and comments aside), as tag slugs; a nested tag counts for each level. */
export function inlineTags(markdown: string): string[] {
  const text = maskCode(stripComments(markdown))
    // A heading's leading hashes are not tags; nor are URL fragments or HTML entities.
    .replace(/^ {0,3}#{1,6}(?=\s|$)/gm, '')
    .replace(/\]\([^)]*\)|<[^>]*>|&#?\w+;/g, ' ');
  const tags = [...text.matchAll(INLINE_TAG)].flatMap((m) => tagSlugs(m[1] ?? ''));
  return [...new Set(tags)];
}

/** Frontmatter tags first (their order is the author's), then inline ones not already there. */
export const mergeTags = (frontmatter: readonly string[], body: string | undefined): string[] => [
  ...new Set([...frontmatter, ...inlineTags(body ?? '')]),
];

/**
 * A note body as the words a reader sees of Obsidian's inline syntax, for text derived from it
 * (cards, generated questions, comparison claims): `[[Note|label]]` → `label`, `[[Note#Part]]` →
 * `Note › Part`, `==marked==` → `marked`; embeds are dropped (a card cannot show an image or
 * another note). Line breaks are kept, so derived items keep their source lines.
 */
export function derivedText(markdown: string): string {
  let text = markdown;
  if (text.includes('[[')) {
    let out = '';
    let at = 0;
    for (const link of parseWikiLinks(text)) {
      out += text.slice(at, link.start) + (link.embed ? '' : wikiLinkText(link));
      at = link.end;
    }
    text = out + text.slice(at);
  }
  // The same touching rule as the highlight plugin: "x == y" stays as written.
  return text.includes('==') ? text.replace(/==(?=\S)([^\n]*?\S)==/g, '$1') : text;
}
