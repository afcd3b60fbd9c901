/**
 * One raw note → one MDX note, in two steps around the (asynchronous, batched) diagram check:
 * `prepareNote` does all the text work and lists the mermaid diagrams; the caller renders every
 * diagram of every file in one browser session, repairs the failures with `repairDiagram`,
 * renders those again, and `finishNote` writes the MDX with the repaired sources.
 */
import { stringify } from 'yaml';
import type { Note } from '../../schemas/note.ts';
import {
  type Block,
  escapeMdx,
  type Fence,
  headingShift,
  isAsciiArt,
  type LinkContext,
  type LinkReport,
  rewriteHeading,
  rewriteLinks,
  splitBlocks,
} from './body.ts';
import { repairMojibake } from './encoding.ts';
import { cleanTitle, deriveSummary, findTitle, inferTags, plainInline, titleSlug } from './frontmatter.ts';

export interface RawNote {
  /** File name of the raw note (basename), kept as `source`. */
  name: string;
  bytes: Uint8Array;
}

export interface NoteReport {
  file: string;
  repaired: string[];
  needsHuman: string[];
}

export interface PreparedNote {
  frontmatter: Note;
  blocks: Block[];
  shift: number;
  /** Mermaid fences, in order, for the caller to render. */
  diagrams: Fence[];
  report: NoteReport;
  links: LinkContext;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes, repairs and derives frontmatter; throws ImportError naming the file for unusable input. */
export function prepareNote(
  raw: RawNote,
  options: { order: number; slug?: string; links: LinkContext },
): PreparedNote {
  const fail = (what: string): never => {
    throw new ImportError(`${raw.name}: ${what}`);
  };
  if (raw.bytes.length === 0) fail('the file is empty');
  if (raw.bytes.includes(0)) fail('the file is binary (it contains NUL bytes), not a text note');
  let text = '';
  try {
    text = utf8.decode(raw.bytes);
  } catch {
    fail('the file is not UTF-8 text');
  }
  const report: NoteReport = { file: raw.name, repaired: [], needsHuman: [] };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    report.repaired.push('Windows line endings → \\n');
  }
  const mojibake = repairMojibake(text);
  text = mojibake.text;
  if (mojibake.repaired.length) {
    const byPage = (page: string) => mojibake.repaired.filter((r) => r.codepage === page).map((r) => r.line);
    for (const page of ['macintosh', 'windows-1252'] as const) {
      const lines = byPage(page);
      if (lines.length) {
        const name = page === 'macintosh' ? 'Mac Roman' : 'Windows-1252';
        report.repaired.push(
          `${lines.length} line(s) of UTF-8 read as ${name} restored (lines ${lines.join(', ')})`,
        );
      }
    }
  }

  const lines = text.split('\n');
  const title = findTitle(lines);
  if (!title) fail('no title: the note must start with a heading (`# Title` or `Title` over `===`)');
  const { start, length } = title as NonNullable<typeof title>;
  const rest = lines.slice(start + length);
  const blocks = splitBlocks(rest, start + length + 1);
  const unclosed = blocks.find((b): b is Fence => b.kind === 'fence' && !b.closed);
  if (unclosed) fail(`line ${unclosed.line}: code fence is never closed`);

  const body = rest.join('\n');
  if (!body.trim()) fail('the note has a title but no text');
  const fullTitle = cleanTitle((title as NonNullable<typeof title>).title);
  const frontmatter: Note = {
    title: fullTitle,
    slug: options.slug ?? titleSlug(fullTitle),
    summary: deriveSummary(rest) || fullTitle,
    tags: inferTags(rest),
    order: options.order,
    source: raw.name,
  };
  return {
    frontmatter,
    blocks,
    shift: headingShift(blocks),
    diagrams: blocks.filter((b): b is Fence => b.kind === 'fence' && b.lang === 'mermaid'),
    report,
    links: options.links,
  };
}

const nearestHeading = (blocks: readonly Block[], index: number): string => {
  for (let i = index - 1; i >= 0; i--) {
    const b = blocks[i];
    const m = b?.kind === 'prose' ? /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(b.text) : null;
    if (m?.[1]) return plainInline(m[1].replace(/^\*\*(.+)\*\*$/, '$1'));
  }
  return 'Diagram';
};

/** Writes the MDX. `diagramSources` maps a mermaid fence to its (possibly repaired) source. */
export function finishNote(
  note: PreparedNote,
  diagramSources: ReadonlyMap<Fence, string> = new Map(),
): string {
  const out: string[] = [];
  const links: LinkReport = { missingImages: [], missingNotes: [], rewrittenLinks: [] };
  let escapes = 0;
  let asciiFigures = 0;
  let headings = 0;
  note.blocks.forEach((block, index) => {
    if (block.kind === 'fence') {
      const close = block.marker;
      if (block.lang === 'mermaid') {
        out.push(
          `${close}mermaid`,
          ...(diagramSources.get(block) ?? block.body.join('\n')).split('\n'),
          close,
        );
      } else if (isAsciiArt(block)) {
        asciiFigures += 1;
        const title = nearestHeading(note.blocks, index).replace(/"/g, "'");
        out.push(`${close}text ascii title="${title}"`, ...block.body, close);
      } else {
        out.push(
          `${close}${block.lang || 'text'}${block.meta ? ` ${block.meta}` : ''}`,
          ...block.body,
          close,
        );
      }
      return;
    }
    let text = block.text;
    if (/^ {0,3}#{1,6}\s/.test(text)) {
      const rewritten = rewriteHeading(text, note.shift);
      if (rewritten !== text.trim()) headings += 1;
      text = rewritten;
    }
    const escaped = escapeMdx(text);
    if (escaped.changed) escapes += 1;
    out.push(rewriteLinks(escaped.text, note.links, links));
  });

  const { report } = note;
  if (note.shift)
    report.repaired.push(
      `headings shifted by ${note.shift > 0 ? '+' : ''}${note.shift} level(s) so sections are h2`,
    );
  else if (headings) report.repaired.push(`${headings} heading(s) tidied`);
  if (escapes) report.repaired.push(`${escapes} line(s) with MDX-unsafe characters escaped`);
  if (asciiFigures)
    report.repaired.push(`${asciiFigures} ASCII-art block(s) kept verbatim as labelled figures`);
  if (links.rewrittenLinks.length)
    report.repaired.push(`${links.rewrittenLinks.length} link(s) to imported notes pointed at their pages`);
  for (const src of links.missingImages)
    report.needsHuman.push(`image not included in the source: ${src} (shown as a note on the page)`);
  for (const target of links.missingNotes)
    report.needsHuman.push(`linked note not included: ${target} (shown as a note on the page)`);

  const body = out.join('\n').replace(/^\n+/, '').trimEnd();
  return `---\n${stringify(note.frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}\n`;
}
