/**
 * Line-level rewriting of a raw note's body into MDX that compiles and renders: fenced code is
 * never touched except for its info string; prose gets headings normalised, MDX-unsafe
 * characters escaped, and missing images or notes turned into visible notes.
 */
import { noteHref } from '../notes/wikilinks.ts';
import { plainInline } from './frontmatter.ts';
import { escapeLine } from './prose.ts';

export interface Fence {
  kind: 'fence';
  /** The opening fence marker, e.g. "```" or "~~~~". */
  marker: string;
  lang: string;
  meta: string;
  body: string[];
  /** 1-based line of the opening fence in the raw file. */
  line: number;
  closed: boolean;
}

export interface Prose {
  kind: 'prose';
  text: string;
  line: number;
}

export type Block = Fence | Prose;

export function splitBlocks(lines: readonly string[], firstLine = 1): Block[] {
  const blocks: Block[] = [];
  let fence: Fence | null = null;
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (!fence) {
      const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(text);
      if (open?.[1]) {
        fence = {
          kind: 'fence',
          marker: open[1],
          lang: open[2] ?? '',
          meta: open[3] ?? '',
          body: [],
          line,
          closed: false,
        };
        blocks.push(fence);
      } else {
        blocks.push({ kind: 'prose', text, line });
      }
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
    if (close?.[1] && close[1][0] === fence.marker[0] && close[1].length >= fence.marker.length) {
      fence.closed = true;
      fence = null;
      return;
    }
    fence.body.push(text);
  });
  return blocks;
}

const BOX = /[─│┌┐└┘├┤┬┴┼═║╔╗╚╝]|\+-{2,}|-{2,}\+|^\s*\|.*\|\s*$|^\s*[|v^]\s*$|\s[|v]\s{2,}|-->|<--/;

/** ASCII art, not code: most non-empty lines draw boxes, lines or arrows. */
export function isAsciiArt(fence: Fence): boolean {
  if (fence.lang && !['text', 'txt', 'plain', 'ascii'].includes(fence.lang)) return false;
  const lines = fence.body.filter((l) => l.trim());
  if (lines.length < 3) return false;
  const drawn = lines.filter((l) => BOX.test(l)).length;
  return drawn / lines.length >= 0.4;
}

/** Heading shift so the note's top sections are h2 (the page's h1 is the title). */
export function headingShift(blocks: readonly Block[]): number {
  const levels = blocks.flatMap((b) => {
    const m = b.kind === 'prose' ? /^ {0,3}(#{1,6})\s/.exec(b.text) : null;
    return m?.[1] ? [m[1].length] : [];
  });
  return levels.length ? 2 - Math.min(...levels) : 0;
}

export function rewriteHeading(text: string, shift: number): string {
  const m = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
  if (!m?.[1]) return text;
  const level = Math.min(6, Math.max(2, m[1].length + shift));
  // "**Definitions**" as a whole heading: the heading is already bold.
  const title = (m[2] ?? '').replace(/^\*\*(.+)\*\*$/, '$1').replace(/^__(.+)__$/, '$1');
  return `${'#'.repeat(level)} ${title}`;
}

/** Escapes what MDX would read as JSX or expressions, outside code spans and math (prose.ts). */
export function escapeMdx(text: string): { text: string; changed: boolean } {
  const { text: escaped } = escapeLine(text);
  return { text: escaped, changed: escaped !== text };
}

export interface LinkContext {
  /** A Markdown link destination as written (maybe URL-encoded, relative) → the imported note's slug. */
  note: (destination: string) => string | undefined;
  /** A local file (image, PDF) as written → its destination from the imported note (copied), or undefined. */
  asset: (destination: string) => string | undefined;
}

export interface LinkReport {
  missingImages: string[];
  missingNotes: string[];
  rewrittenLinks: string[];
}

const escapeText = (text: string) => text.replace(/[{}<>]/g, (c) => `&#${c.charCodeAt(0)};`);

const basename = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Images and links to other notes: a link to a note in this import becomes its page, an image
 * or note that is not there becomes a visible note (never a broken <img> or a dead link).
 */
export function rewriteLinks(text: string, ctx: LinkContext, report: LinkReport): string {
  const imageOnly = /^\s*!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)\s*$/.exec(text);
  if (imageOnly) {
    const [, alt = '', src = ''] = imageOnly;
    const local = /^https?:/.test(src) ? undefined : ctx.asset(src);
    if (!local) {
      report.missingImages.push(src);
      // Blank lines around it: a block inside a paragraph would be invalid HTML.
      return `\n<aside class="missing-asset" role="note"><strong>Image not included in the source:</strong> ${escapeText(alt || basename(src))} <code>${escapeText(src)}</code></aside>\n`;
    }
    return local === src ? text : text.replace(`](${src}`, `](${local}`);
  }
  return text
    .replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (match, alt: string, src: string) => {
      const local = /^https?:/.test(src) ? undefined : ctx.asset(src);
      if (local) return match.replace(`](${src}`, `](${local}`);
      report.missingImages.push(src);
      return `<span class="missing-asset">Image not included in the source: ${escapeText(alt || basename(src))}</span>`;
    })
    .replace(
      /(?<!!)\[([^\]]+)\]\(([^)\s#]+\.(?:md|mdx|markdown|txt))(#[^)\s]*)?\)/g,
      (_, label: string, target: string, hash = '') => {
        const slug = ctx.note(target);
        if (slug) {
          report.rewrittenLinks.push(target);
          return `[${label}](${noteHref(slug, hash.slice(1) || undefined)})`;
        }
        report.missingNotes.push(target);
        return `<span class="missing-asset">Linked note not included in the source: ${escapeText(plainInline(label))}</span>`;
      },
    );
}
