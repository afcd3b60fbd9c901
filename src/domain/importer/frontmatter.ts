/**
 * What the importer derives for a note's frontmatter: title, slug, summary and tags, from
 * the raw text alone. Pure string work.
 */

export interface TitleMatch {
  title: string;
  /** 0-based index of the first line of the title (its heading or setext text line). */
  start: number;
  /** Number of lines the title occupies (1 for ATX, 2 for setext). */
  length: number;
  /** Heading level of the title (setext `===` is 1, `---` is 2). */
  level: number;
}

/** Removes Markdown emphasis and code marks: "**Definitions**" → "Definitions". */
export const plainInline = (text: string): string =>
  text
    .replace(/%%[\s\S]*?%%/g, '')
    .replace(/!\[\[[^\]]*\]\]/g, '')
    // [[Note|text]] reads as "text", [[Note#Heading]] as "Note", [[#Heading]] as "Heading".
    .replace(/\[\[([^\]|]*?)(?:\\?\|([^\]]*))?\]\]/g, (_, ref: string, label?: string) =>
      (label ?? (ref.replace(/#.*$/, '').trim() || ref.replace(/^#\^?/, ''))).trim(),
    )
    .replace(/==([^=]+)==/g, '$1')
    .replace(/(^|\s)\^[A-Za-z0-9-]+\s*$/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!&<>])/g, '$1')
    .trim();

/**
 * The title: the first non-blank line must be a heading, ATX (`# Title`, any level) or setext
 * (`Title` over `===`/`---`). Anything before it would be dropped with the title line, so a
 * note that starts with text or code has no usable title.
 */
export function findTitle(lines: readonly string[]): TitleMatch | null {
  for (const [i, line] of lines.entries()) {
    const atx = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (atx?.[1] && atx[2]) return { title: plainInline(atx[2]), start: i, length: 1, level: atx[1].length };
    const next = lines[i + 1];
    if (line.trim() && next !== undefined && /^ {0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+>]/.test(line)) {
      return { title: plainInline(line), start: i, length: 2, level: next.trim().startsWith('=') ? 1 : 2 };
    }
    if (line.trim()) return null; // text before any heading: the note has no title
  }
  return null;
}

/** "11 - Architecture Paradigms: …" → "Architecture Paradigms: …" (a numbering prefix from a course outline). */
export const cleanTitle = (title: string): string => title.replace(/^\d+(\.\d+)*\s*[-–—:.)]\s+/, '').trim();

export { slugify } from '../../schemas/note.ts';
import { slugify } from '../../schemas/note.ts';

/** Slug for a title: "Architecture Paradigms: Serverless vs …" → "architecture-paradigms" (the part before a colon, when it says enough on its own). */
export function titleSlug(title: string): string {
  const head = title.split(':')[0] ?? title;
  return slugify(head.trim().split(/\s+/).length >= 2 ? head : title);
}

/** Unique slug within a batch: "a", "a-2", "a-3" … */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const MAX_SUMMARY = 220;

/**
 * The first real paragraph (quotes count, headings, rules, lists, tables and code do not),
 * as plain text cut at a sentence end near 220 characters.
 */
export function deriveSummary(lines: readonly string[]): string {
  let inFence = false;
  const paragraph: string[] = [];
  for (const raw of lines) {
    if (/^ {0,3}(```|~~~)/.test(raw)) {
      inFence = !inFence;
      if (paragraph.length) break;
      continue;
    }
    if (inFence) continue;
    const line = raw.replace(/^\s*>\s?/, '');
    const skip =
      !line.trim() ||
      /^\s*(\[![\w-]+\]|\$\$|%%)/.test(line) ||
      /^\s*(#|[-*_]{3,}\s*$|[-*+]\s|\d+\.\s|\||={3,}|<)/.test(line) ||
      /^!\[/.test(line.trim());
    if (skip) {
      if (paragraph.length) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  // Inline #tags become the note's tags, not words of its summary.
  const text = plainInline(paragraph.join(' '))
    .replace(/(^|\s)#[\p{L}\p{N}_/-]*\p{L}[\p{L}\p{N}_/-]*/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_SUMMARY) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let summary = '';
  for (const sentence of sentences) {
    if ((summary + sentence).length > MAX_SUMMARY) break;
    summary += sentence;
  }
  return (summary || `${text.slice(0, MAX_SUMMARY - 1).replace(/\s+\S*$/, '')}…`).trim();
}

/**
 * The small, editable topic vocabulary: a tag and the words that signal it. Headings count
 * three times as much as body text; a tag needs a few mentions to stick.
 */
export const TOPICS: Record<string, RegExp> = {
  stateless: /\bstateless\b/gi,
  stateful: /\bstateful\b/gi,
  serverless: /\bserverless\b|\blambda\b|\bfaas\b/gi,
  'traditional-servers': /\btraditional\b|\blong-running servers?\b|\bmonolith/gi,
  scaling: /\bscal(e|es|ing|ability|able)\b|\bauto-scaling\b/gi,
  sessions: /\bsessions?\b|\bsticky\b/gi,
  'load-balancing': /\bload[ -]balanc(er|ers|ing)\b/gi,
  cost: /\bcost\b|\bbill(ed|ing)\b|\bpricing\b|\$\d/gi,
  migration: /\bmigrat(e|ion|ing)\b|\bstrangler\b/gi,
  interviews: /\binterviews?\b/gi,
  'fault-tolerance': /\bfault[ -]toleran(t|ce)\b|\bfailover\b|\bfailure\b/gi,
  'event-driven': /\bevent[ -]driven\b|\btriggers?\b/gi,
  caching: /\bcache[sd]?\b|\bcaching\b|\bredis\b|\bmemcached\b/gi,
};

const MIN_SCORE = 6;
const MAX_TAGS = 6;

export function inferTags(lines: readonly string[]): string[] {
  const headings = lines.filter((l) => /^ {0,3}#{1,6}\s/.test(l)).join('\n');
  const body = lines.join('\n');
  const scores = Object.entries(TOPICS).map(([tag, pattern]) => {
    const count = (text: string) => (text.match(pattern) ?? []).length;
    return { tag, score: count(body) + 2 * count(headings) };
  });
  const tags = scores
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.tag.localeCompare(b.tag))
    .slice(0, MAX_TAGS)
    .map((s) => s.tag);
  return tags;
}
