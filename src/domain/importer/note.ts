/**
 * One raw note → one MDX note, in steps around what needs the whole batch:
 * `readNote` decodes the file and reads the author's frontmatter and title (so the caller can
 * assign slugs and paths to every note first); `prepareNote` splits the body and lists its
 * mermaid diagrams (the caller renders every diagram of every file in one browser session and
 * repairs the failures); `noteBody` writes the MDX body (so the caller can learn every note's
 * headings); `finishNote` resolves the note's wikilinks against the batch and writes the file.
 */
import katex from 'katex';
import { type Document, parseDocument, stringify } from 'yaml';
import { isPublished, NoteSchema } from '../../schemas/note.ts';
import { deriveNoteFields, NOTION_ID, noteName } from '../notes/derive.ts';
import { parseWikiLinks, type WikiLink } from '../notes/wikilinks.ts';
import {
  type Block,
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
import { escapeProse, type ProseFindings, proseState } from './prose.ts';

export interface RawNote {
  /** Path of the raw note relative to the imported folder, `/`-separated (a file alone: its name). */
  name: string;
  bytes: Uint8Array;
}

export interface NoteReport {
  file: string;
  repaired: string[];
  needsHuman: string[];
}

/** A decoded note with its frontmatter read: enough to give it a slug and a place. */
export interface ReadNote {
  name: string;
  /** Lines after the frontmatter, line endings normalised. */
  lines: string[];
  /** 1-based line of `lines[0]` in the raw file. */
  firstLine: number;
  /** The author's frontmatter, or undefined when the file has none. */
  yaml?: Document;
  data: Record<string, unknown>;
  title: string;
  /** Where the title came from; a heading used as the title is removed from the body. */
  titleFrom: 'frontmatter' | 'heading' | 'file name';
  /** Lines (index into `lines`) taken by a title heading, removed from the body. */
  titleLines: { start: number; length: number } | undefined;
  /** Why the note is not for the site (`draft: true`, `publish: false`), when it is not. */
  unpublished?: string;
  report: NoteReport;
}

export interface PreparedNote {
  read: ReadNote;
  slug: string;
  order: number;
  blocks: Block[];
  shift: number;
  /** Mermaid fences, in order, for the caller to render. */
  diagrams: Fence[];
  report: NoteReport;
  links: LinkContext;
  /** The frontmatter that will be written (seeds and other notes without frontmatter). */
  frontmatter: Record<string, unknown>;
  body?: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 (with or without BOM) or UTF-16 (BOM, or the zero bytes of ASCII text saved as UTF-16). */
export function decodeText(bytes: Uint8Array): { text: string; encoding?: string } | { error: string } {
  if (bytes.length === 0) return { error: 'the file is empty' };
  const utf16 = (le: boolean, skip: number) => ({
    text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(skip)),
    encoding: `UTF-16 ${le ? 'LE' : 'BE'}`,
  });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(true, 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(false, 2);
  if (bytes.includes(0)) {
    // No BOM: text in UTF-16 has a zero in every other byte where the text is ASCII.
    const pairs = Math.floor(bytes.length / 2);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
      if (bytes[i] === 0) evenZero++;
      if (bytes[i + 1] === 0) oddZero++;
    }
    if (bytes.length % 2 === 0 && oddZero > pairs * 0.3 && evenZero === 0) return utf16(true, 0);
    if (bytes.length % 2 === 0 && evenZero > pairs * 0.3 && oddZero === 0) return utf16(false, 0);
    return { error: 'the file is binary (it contains NUL bytes), not a text note' };
  }
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: 'UTF-8 with BOM' } : { text };
  } catch {
    return { error: 'the file is not UTF-8 or UTF-16 text' };
  }
}

const FRONTMATTER_OPEN = /^---[ \t]*$/;
const FRONTMATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** Decodes the file and reads its frontmatter and title; throws ImportError naming file and line. */
export function readNote(raw: RawNote): ReadNote {
  const fail = (what: string, line?: number): never => {
    throw new ImportError(`${raw.name}${line ? `:${line}` : ''}: ${what}`);
  };
  const decoded = decodeText(raw.bytes);
  if ('error' in decoded) return fail(decoded.error);
  let text = decoded.text;
  const report: NoteReport = { file: raw.name, repaired: [], needsHuman: [] };
  if (decoded.encoding?.startsWith('UTF-16')) report.repaired.push(`decoded from ${decoded.encoding}`);
  else if (decoded.encoding) report.repaired.push('UTF-8 byte-order mark removed');
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    report.repaired.push('Windows line endings → \\n');
  }
  const mojibake = repairMojibake(text);
  text = mojibake.text;
  for (const page of ['macintosh', 'windows-1252'] as const) {
    const lines = mojibake.repaired.filter((r) => r.codepage === page).map((r) => r.line);
    if (lines.length) {
      const name = page === 'macintosh' ? 'Mac Roman' : 'Windows-1252';
      report.repaired.push(
        `${lines.length} line(s) of UTF-8 read as ${name} restored (lines ${lines.join(', ')})`,
      );
    }
  }

  let lines = text.split('\n');
  let firstLine = 1;
  let yaml: Document | undefined;
  let data: Record<string, unknown> = {};
  if (FRONTMATTER_OPEN.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && FRONTMATTER_CLOSE.test(l));
    if (close < 0) fail('frontmatter is never closed (no `---` line after the opening one)', 1);
    const doc = parseDocument(lines.slice(1, close).join('\n'), { prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      fail(`frontmatter is not valid YAML: ${message}`, (error.linePos?.[0]?.line ?? 1) + 1);
    }
    const value: unknown = doc.toJS();
    if (value !== null && (typeof value !== 'object' || Array.isArray(value)))
      fail('frontmatter must be `key: value` lines', 2);
    yaml = doc;
    data = (value as Record<string, unknown> | null) ?? {};
    firstLine = close + 2;
    lines = lines.slice(close + 1);
  }

  const heading = findTitle(lines);
  const written = typeof data.title === 'string' ? data.title.trim() : '';
  let title: string;
  let titleFrom: ReadNote['titleFrom'];
  let titleLines: ReadNote['titleLines'];
  if (written) {
    title = written;
    titleFrom = 'frontmatter';
    // "# Caching" under `title: Caching` would show the title twice.
    if (heading && heading.title.toLowerCase() === plainInline(written).toLowerCase()) {
      titleLines = { start: heading.start, length: heading.length };
      report.repaired.push('heading that repeats the title removed');
    }
  } else if (heading && (yaml === undefined || heading.level === 1)) {
    title = cleanTitle(heading.title) || heading.title;
    titleFrom = 'heading';
    titleLines = { start: heading.start, length: heading.length };
  } else {
    title = noteName(raw.name);
    titleFrom = 'file name';
  }
  if (!yaml && titleLines && NOTION_ID.test(raw.name.replace(/\.[^./]+$/, ''))) {
    const properties = notionProperties(lines, titleLines.start + titleLines.length);
    if (Object.keys(properties).length) {
      data = properties;
      report.repaired.push(
        `Notion page properties moved to frontmatter (${Object.keys(properties).join(', ')})`,
      );
    }
  }
  const result: ReadNote = { name: raw.name, lines, firstLine, data, title, titleFrom, titleLines, report };
  if (yaml) result.yaml = yaml;
  if (!isPublished(data as { draft?: boolean; publish?: boolean }))
    result.unpublished = data.draft === true ? 'draft: true' : 'publish: false';
  return result;
}

/** Fields of the schema a Notion property must not take over (its text is not in their form). */
const RESERVED = new Set([
  'title',
  'slug',
  'summary',
  'description',
  'aliases',
  'order',
  'source',
  'date',
  'created',
  'updated',
  'draft',
  'publish',
  'unresolvedLinks',
]);

/**
 * A Notion page exported as Markdown lists its properties under the title (`Status: Done`,
 * `Tags: a, b`): they become frontmatter (`tags`, the rest under their own names, `notion-` in
 * front of a name the schema uses) and their lines are blanked, so line numbers stay true.
 */
function notionProperties(lines: string[], after: number): Record<string, unknown> {
  let start = after;
  while (lines[start]?.trim() === '') start++;
  let end = start;
  const found: [string, string][] = [];
  for (; end < lines.length; end++) {
    const m = /^([A-Z][\w ()/-]{0,40}):\s+(\S.*)$/.exec(lines[end] ?? '');
    if (!m?.[1] || !m[2]) break;
    found.push([m[1], m[2].trim()]);
  }
  if (!found.length || (lines[end] ?? '').trim()) return {};
  const data: Record<string, unknown> = {};
  for (const [name, value] of found) {
    const key = name.trim().toLowerCase().replace(/\W+/g, '-');
    if (key === 'tags') data.tags = value;
    else data[RESERVED.has(key) ? `notion-${key}` : key] = value;
  }
  for (let i = start; i < end; i++) lines[i] = '';
  return data;
}

/** The slug a note asks for: its own `slug:` field, else one made from its title. */
export const wantedSlug = (note: ReadNote): string =>
  typeof note.data.slug === 'string' && note.data.slug
    ? note.data.slug
    : titleSlug(note.title) || titleSlug(noteName(note.name)) || 'note';

/**
 * Splits the body, checks what can be checked within one note (fences closed, frontmatter
 * fields valid), and fixes the frontmatter that will be written.
 */
export function prepareNote(
  input: RawNote | ReadNote,
  options: { order: number; slug?: string; links: LinkContext },
): PreparedNote {
  const read = 'bytes' in input ? readNote(input) : input;
  const fail = (what: string, line?: number): never => {
    throw new ImportError(`${read.name}${line ? `:${line}` : ''}: ${what}`);
  };
  const { lines, titleLines } = read;
  const bodyStart = titleLines ? titleLines.start + titleLines.length : 0;
  const rest = titleLines ? [...lines.slice(0, titleLines.start), ...lines.slice(bodyStart)] : lines;
  const blocks = titleLines
    ? [
        ...splitBlocks(lines.slice(0, titleLines.start), read.firstLine),
        ...splitBlocks(lines.slice(bodyStart), read.firstLine + bodyStart),
      ]
    : splitBlocks(lines, read.firstLine);
  const unclosed = blocks.find((b): b is Fence => b.kind === 'fence' && !b.closed);
  if (unclosed) fail(`line ${unclosed.line}: code fence is never closed`);
  if (!rest.join('\n').trim()) fail('the note has a title but no text');
  const slug = options.slug ?? wantedSlug(read);

  let frontmatter: Record<string, unknown>;
  if (read.yaml) {
    // The author's fields as written; only what the site cannot derive is added.
    frontmatter = { ...read.data };
    if (read.titleFrom !== 'frontmatter') frontmatter.title = read.title;
    frontmatter.slug ??= slug;
    frontmatter.source ??= read.name;
    const checked = NoteSchema.safeParse(
      deriveNoteFields(frontmatter, { path: read.name, body: rest.join('\n') }),
    );
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      const at = read.yaml.contents && 'items' in read.yaml.contents ? lineOfKey(read, field) : undefined;
      fail(`frontmatter field "${issue?.path.join('.') || field}": ${issue?.message ?? 'invalid'}`, at);
    }
  } else {
    // A note without frontmatter (raw text, a Notion page): everything derived, tags from the
    // topic vocabulary unless the page listed its own.
    const { tags: ownTags, ...properties } = read.data;
    const tags = ownTags ?? inferTags(rest);
    frontmatter = {
      title: read.title,
      slug,
      summary: deriveSummary(rest) || read.title,
      ...(Array.isArray(tags) && !tags.length ? {} : { tags }),
      order: options.order,
      source: read.name,
      ...properties,
    };
  }
  return {
    read,
    slug,
    order: options.order,
    blocks,
    shift: headingShift(blocks),
    diagrams: blocks.filter((b): b is Fence => b.kind === 'fence' && b.lang === 'mermaid'),
    report: read.report,
    links: options.links,
    frontmatter,
  };
}

function lineOfKey(read: ReadNote, key: string): number | undefined {
  const raw = read.yaml?.toString().split('\n') ?? [];
  const index = raw.findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 2 : undefined;
}

const nearestHeading = (blocks: readonly Block[], index: number): string => {
  for (let i = index - 1; i >= 0; i--) {
    const b = blocks[i];
    const m = b?.kind === 'prose' ? /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(b.text) : null;
    if (m?.[1]) return plainInline(m[1].replace(/^\*\*(.+)\*\*$/, '$1'));
  }
  return 'Diagram';
};

/**
 * The MDX body (memoised on the note). Math that KaTeX cannot read throws ImportError with the
 * line: the note would fail the build, so it is refused whole rather than half-imported.
 */
export function noteBody(note: PreparedNote, diagramSources: ReadonlyMap<Fence, string> = new Map()): string {
  if (note.body !== undefined) return note.body;
  const out: string[] = [];
  const links: LinkReport = { missingImages: [], missingNotes: [], rewrittenLinks: [] };
  const state = proseState((src) => note.links.asset(src));
  const found: ProseFindings = { removed: [], math: [], images: [], changed: false };
  const formulas: { formula: { tex: string; display: boolean }; line: number }[] = [];
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
    if (!state.math && !state.comment && /^ {0,3}#{1,6}\s/.test(text)) {
      const rewritten = rewriteHeading(text, note.shift);
      if (rewritten !== text.trim()) headings += 1;
      text = rewritten;
    }
    const mathBefore = found.math.length;
    const escaped = escapeProse(text, state, found);
    if (escaped !== text) escapes += 1;
    // Checked at the end: a $$ block's TeX is complete only once it closes.
    for (const formula of found.math.slice(mathBefore)) formulas.push({ formula, line: block.line });
    out.push(rewriteLinks(escaped, note.links, links));
  });
  for (const { formula, line } of formulas) checkMath(note, formula, line);

  const { report } = note;
  if (note.shift)
    report.repaired.push(
      `headings shifted by ${note.shift > 0 ? '+' : ''}${note.shift} level(s) so sections are h2`,
    );
  else if (headings) report.repaired.push(`${headings} heading(s) tidied`);
  if (escapes) report.repaired.push(`${escapes} line(s) with MDX-unsafe characters escaped`);
  for (const removed of new Set(found.removed))
    report.repaired.push(
      `unsafe HTML removed: ${removed} (×${found.removed.filter((r) => r === removed).length})`,
    );
  if (asciiFigures)
    report.repaired.push(`${asciiFigures} ASCII-art block(s) kept verbatim as labelled figures`);
  if (links.rewrittenLinks.length)
    report.repaired.push(`${links.rewrittenLinks.length} link(s) to imported notes pointed at their pages`);
  for (const src of found.images)
    report.needsHuman.push(`image not included in the source: ${src} (left out of the page)`);
  for (const src of links.missingImages)
    report.needsHuman.push(`image not included in the source: ${src} (shown as a note on the page)`);
  for (const target of links.missingNotes)
    report.needsHuman.push(`linked note not included: ${target} (shown as a note on the page)`);
  note.body = out.join('\n').replace(/^\n+/, '').trimEnd();
  return note.body;
}

/** Math the build could not render: the note is refused with KaTeX's message. */
function checkMath(note: PreparedNote, formula: { tex: string; display: boolean }, line: number): void {
  try {
    katex.renderToString(formula.tex, { displayMode: formula.display, throwOnError: true, strict: 'ignore' });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
    throw new ImportError(`${note.read.name}:${line}: math does not parse: ${message}`);
  }
}

/** How a wikilink resolves in the batch: the caller knows every note's path, title and headings. */
export type WikiCheck = (link: WikiLink) => 'ok' | 'missing-note' | 'missing-heading' | 'missing-file';

/** The target of a wikilink as written, before `|`: `Missing note`, `Other note#No such heading`. */
export const wikiTarget = (link: WikiLink): string =>
  link.raw
    .slice(link.embed ? 3 : 2, -2)
    .split(/\\?\|/)[0]
    ?.trim() ?? '';

/** Writes the MDX file: frontmatter (the author's, plus what could not be derived) and body. */
export function finishNote(
  note: PreparedNote,
  diagramSources: ReadonlyMap<Fence, string> = new Map(),
  wiki: WikiCheck = () => 'ok',
): string {
  const body = noteBody(note, diagramSources);
  const unresolved: string[] = [];
  for (const block of note.blocks) {
    if (block.kind !== 'prose') continue;
    for (const link of parseWikiLinks(block.text)) {
      const outcome = wiki(link);
      if (outcome === 'ok') continue;
      const target = wikiTarget(link);
      if (!unresolved.includes(target)) unresolved.push(target);
      const what = {
        'missing-note': 'links to a note that is not included',
        'missing-heading': 'links to a section that does not exist',
        'missing-file': 'embeds a file that is not in the source',
      }[outcome];
      note.report.needsHuman.push(`line ${block.line}: ${link.raw} ${what} (shown as a mark on the page)`);
    }
  }
  const frontmatter: Record<string, unknown> = { ...note.frontmatter };
  delete frontmatter.unresolvedLinks;
  if (unresolved.length) frontmatter.unresolvedLinks = unresolved;
  return `---\n${frontmatterText(note, frontmatter)}\n---\n\n${body}\n`;
}

/** The author's YAML keeps its order, quoting and comments; our keys are added at the end. */
function frontmatterText(note: PreparedNote, frontmatter: Record<string, unknown>): string {
  const doc = note.read.yaml?.clone();
  if (!doc) return stringify(frontmatter, { lineWidth: 0 }).trimEnd();
  for (const [key, value] of Object.entries(frontmatter))
    if (!(key in note.read.data) || key === 'unresolvedLinks') doc.set(key, value);
  if (!('unresolvedLinks' in frontmatter) && doc.has('unresolvedLinks')) doc.delete('unresolvedLinks');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}
