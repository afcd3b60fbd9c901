/**
 * Links written in a note (Markdown links, link definitions, `<a href>`) to another note or to a
 * heading: each must land on a page and an id that the build will produce. A link to
 * `/notes/does-not-exist/` or to `#nope` is an error naming the file and the line, found before
 * anything renders (the content gate runs it for `check:content` and for every build).
 * Wikilinks (`[[Note]]`) are resolved by their own plugin; this reads plain links only.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { ContentError } from '../content/errors.ts';
import { type AnchorIndex, NOTE_TOP, checkSourceRef } from './anchors.ts';
import { noteTree } from './tree.ts';

export interface NoteLinkRef {
  url: string;
  /** 1-based line in the body. */
  line: number;
}

export interface LinkedNote {
  file: string;
  body: string;
  bodyLine: number;
  data: { slug: string };
  /** The body's links, when the gate has already read them (saves parsing the body again). */
  links?: readonly NoteLinkRef[] | undefined;
}

/** Every plain link of a note's tree: Markdown links, definitions and `<a href>`. */
export function linksOf(tree: Root): NoteLinkRef[] {
  const links: NoteLinkRef[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition')
      links.push({ url: node.url, line: node.position?.start.line ?? 1 });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
      const href = node.attributes.find(
        (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'href',
      );
      if (typeof href?.value === 'string')
        links.push({ url: href.value, line: node.position?.start.line ?? 1 });
    }
  });
  return links;
}

/** Ids every note page has besides its headings: the main region, footnotes (GFM), author ids. */
const PAGE_IDS = /^(?:main|user-content-.+)$/;

const NOTE_LINK = /^\/notes\/([^/#?]+)\/?(?:\?[^#]*)?(?:#(.*))?$/;

/** Why `url` (written in note `from`) does not resolve, or undefined when it does. */
export function checkNoteLink(url: string, from: string, index: AnchorIndex): string | undefined {
  const decode = (id: string) => {
    try {
      return decodeURIComponent(id);
    } catch {
      return id;
    }
  };
  let slug: string;
  let id: string | undefined;
  if (url.startsWith('#')) {
    slug = from;
    id = decode(url.slice(1));
  } else {
    const match = NOTE_LINK.exec(url);
    if (!match) return undefined;
    slug = decode(match[1] ?? '');
    id = match[2] === undefined ? undefined : decode(match[2]);
  }
  if (!index.has(slug)) {
    const close = [...index.keys()].filter((s) => s.includes(slug) || slug.includes(s)).slice(0, 3);
    return `no note has the slug "${slug}"${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(', ')}?)` : ''}`;
  }
  if (!id || id === NOTE_TOP || PAGE_IDS.test(id)) return undefined;
  return checkSourceRef(`${slug}#${id}`, index);
}

/** Every link of every note that does not resolve, on the file's own line. */
export function checkNoteLinks(notes: readonly LinkedNote[], index: AnchorIndex): ContentError[] {
  const errors: ContentError[] = [];
  for (const note of notes) {
    for (const { url, line } of note.links ?? linksOf(noteTree(note.body))) {
      const problem = checkNoteLink(url.trim(), note.data.slug, index);
      if (problem)
        errors.push({
          file: note.file,
          line: note.bodyLine + line - 1,
          message: `link to "${url}": ${problem}`,
        });
    }
  }
  return errors;
}
