/**
 * remark plugin for Obsidian links and embeds, resolved against every note of the site:
 * - `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`, `[[#Heading]]`, `[[Note#^block]]` → links;
 * - `![[image.png]]` → an image node pointing at the file, so Astro's image pipeline takes it;
 * - `![[Note]]`, `![[Note#Heading]]` → a link card (a transcluded section would repeat another
 *   page's headings, ids and search hits, and could embed itself);
 * - a link the importer recorded as unresolved → a visible mark ("not included" / "section not
 *   found", the latter linking to the note's top); any other unresolved link fails the build
 *   with file:line. Never a link to a page that does not exist.
 */
import { dirname, relative, sep } from 'node:path';
import type { Image, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import {
  findAttachment,
  IMAGE_FILE,
  type IndexedNote,
  isFileEmbed,
  type LinkIndex,
  linkProblem,
} from '../domain/notes/link-index.ts';
import {
  noteHref,
  parseWikiLinks,
  resolveWikiLink,
  type WikiLink,
  wikiLinkText,
} from '../domain/notes/wikilinks.ts';

export interface RemarkWikiLinksOptions {
  /** The index of all notes and attachments (built once per build). */
  index: () => LinkIndex;
  /** Absolute path of the notes folder, to find the linking note in the index. */
  notesDir: string;
}

const span = (className: string, children: PhrasingContent[]): PhrasingContent =>
  ({
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: [className] } },
    children,
  }) as PhrasingContent;

const text = (value: string): Text => ({ type: 'text', value });

/** "label (not included)": the words say it; the style only underlines it. */
const mark = (label: string, why: string, href?: string): PhrasingContent => {
  const body: PhrasingContent[] = [text(label), text(' '), span('link-mark-why', [text(`(${why})`)])];
  return href
    ? ({
        type: 'link',
        url: href,
        data: { hProperties: { className: ['wikilink', 'link-mark'] } },
        children: body,
      } as Link)
    : span('link-mark', body);
};

export function remarkWikiLinks(options: RemarkWikiLinksOptions) {
  return (tree: Root, file: VFile) => {
    const index = options.index();
    const notePath = relative(options.notesDir, file.path).split(sep).join('/');
    const from: IndexedNote | undefined = index.notes.find((n) => n.file === notePath);
    const errors: { message: string; line: number; column: number }[] = [];

    function replace(link: WikiLink, line: number, column: number): PhrasingContent | RootContent {
      const label = wikiLinkText(link);
      const problem = linkProblem(link, from, index);
      if (problem) errors.push({ message: problem, line, column });
      if (isFileEmbed(link)) {
        const found = findAttachment(link.target, notePath, index.attachments);
        if (found && IMAGE_FILE.test(found)) {
          const url = relative(dirname(file.path), `${options.notesDir}/${found}`).split(sep).join('/');
          return {
            type: 'image',
            url: url.startsWith('.') ? url : `./${url}`,
            // Obsidian's `|300` is a width, not words; the file's name is the best alt we have.
            alt:
              link.label && !/^\d+(x\d+)?$/.test(link.label)
                ? link.label
                : (found.split('/').at(-1) ?? found).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' '),
          } satisfies Image;
        }
        return span('embed-missing', [text(`${link.target} (file not included)`)]);
      }
      const resolved = resolveWikiLink(link, from, index.notes);
      if (resolved.kind === 'note') {
        const note = resolved.note as IndexedNote;
        const href = noteHref(note.slug, resolved.anchor);
        if (link.embed) {
          return {
            type: 'link',
            url: href,
            data: { hProperties: { className: ['embed-card'] } },
            children: [
              span('embed-card-title', [text(link.heading ? `${note.title} › ${link.heading}` : note.title)]),
              ...(note.summary ? [span('embed-card-summary', [text(note.summary)])] : []),
            ],
          } satisfies Link;
        }
        return {
          type: 'link',
          url: href,
          data: { hProperties: { className: ['wikilink'] } },
          children: [text(label)],
        };
      }
      if (resolved.kind === 'missing-heading')
        return mark(label, 'section not found', noteHref(resolved.note.slug));
      return mark(label, 'not included');
    }

    visit(tree, 'text', (node, i, parent) => {
      if (!parent || i === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
      if (!node.value.includes('[[')) return;
      const links = parseWikiLinks(node.value);
      if (!links.length) return;
      const start = node.position?.start;
      const out: (PhrasingContent | RootContent)[] = [];
      let at = 0;
      for (const link of links) {
        if (link.start > at) out.push(text(node.value.slice(at, link.start)));
        const before = node.value.slice(0, link.start);
        const lines = before.split('\n');
        const line = (start?.line ?? 1) + lines.length - 1;
        const column = lines.length > 1 ? (lines.at(-1)?.length ?? 0) + 1 : (start?.column ?? 1) + link.start;
        out.push(replace(link, line, column));
        at = link.end;
      }
      if (at < node.value.length) out.push(text(node.value.slice(at)));
      parent.children.splice(i, 1, ...(out as PhrasingContent[]));
      return i + out.length;
    });

    // An embed card alone in its paragraph becomes a block of its own (no <p> around a card).
    visit(tree, 'paragraph', (node: Paragraph, i, parent) => {
      if (!parent || i === undefined) return;
      const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
      const only = meaningful[0];
      if (meaningful.length !== 1 || only?.type !== 'link') return;
      const classes = (only.data as { hProperties?: { className?: string[] } } | undefined)?.hProperties
        ?.className;
      if (!classes?.includes('embed-card')) return;
      node.data = { hName: 'div', hProperties: { className: ['embed-card-block'] } };
    });

    if (errors.length) {
      const [first] = errors;
      const list = errors.map((e) => `  line ${e.line}: ${e.message}`).join('\n');
      file.fail(
        `unresolved wikilink(s) — fix the link, or add it to the note's frontmatter \`unresolvedLinks\` to show it as "not included":\n${list}`,
        { line: first?.line ?? 1, column: first?.column ?? 1 },
        'tradeoffs:wikilinks',
      );
    }
  };
}
