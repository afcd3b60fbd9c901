/**
 * Backlinks and related notes, derived from the notes' own text at build time: which notes link
 * to a note (with the sentence the link sits in), and which share its tags. One pass over every
 * body and one tag index per build — O(total text), not O(notes²) — so 500 notes cost what 500
 * pages of reading cost. Pure: plain objects in, maps out.
 */
import { wikiLinksAsText } from './wikilinks.ts';

/** One link in a note's body, by character offsets into that body. */
export interface LinkAt {
  start: number;
  end: number;
  /** The text the reader sees for the link. */
  text: string;
  /** Slug of the note it points to. */
  target: string;
}

export interface Backlink {
  /** Slug and title of the note that links here. */
  from: string;
  title: string;
  /** The linking sentence, split around the link's own text. */
  before: string;
  text: string;
  after: string;
}

export interface LinkingNote {
  data: { slug: string; title: string };
  body?: string | undefined;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Offsets of fenced code blocks (links in code are code, not links). */
function fencedRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  let open: { marker: string; start: number } | undefined;
  for (const line of body.split('\n')) {
    const fence = FENCE.exec(line)?.[1];
    if (open && fence && fence[0] === open.marker[0] && fence.length >= open.marker.length) {
      ranges.push([open.start, offset + line.length]);
      open = undefined;
    } else if (!open && fence) open = { marker: fence, start: offset };
    offset += line.length + 1;
  }
  if (open) ranges.push([open.start, body.length]);
  return ranges;
}

const MD_LINK =
  /(!?)\[([^\]\n]*)\]\(\s*<?\/notes\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Markdown links to another note's page (`[text](/notes/<slug>/#section)`), outside code.
 * Images are not links.
 */
export function markdownLinks(body: string): LinkAt[] {
  const fenced = fencedRanges(body);
  const inCode = (i: number) =>
    fenced.some(([a, b]) => i >= a && i < b) ||
    (body.slice(body.lastIndexOf('\n', i) + 1, i).split('`').length - 1) % 2 === 1;
  const links: LinkAt[] = [];
  for (const m of body.matchAll(MD_LINK)) {
    if (m[1] || inCode(m.index)) continue;
    links.push({ start: m.index, end: m.index + m[0].length, text: m[2] ?? '', target: m[3] ?? '' });
  }
  return links;
}

/** Markdown → the words a reader sees (links as their text, no emphasis marks, no tags). */
export function plainText(md: string): string {
  // Wikilinks as the words they show (their label, or what they name), as the page renders them.
  return wikiLinksAsText(md.replace(/!\[\[[^\]]*\]\]/g, ''))
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|~~|==)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ');
}

const MAX_SIDE = 140;

function clip(text: string, side: 'before' | 'after'): string {
  if (text.length <= MAX_SIDE) return text;
  if (side === 'before') {
    const cut = text.slice(-MAX_SIDE);
    return `…${cut.slice(cut.indexOf(' ') + 1)}`;
  }
  const cut = text.slice(0, MAX_SIDE);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** The sentence a link sits in: from the previous sentence's end to the next, within its paragraph. */
export function sentenceAround(
  body: string,
  link: Pick<LinkAt, 'start' | 'end' | 'text'>,
): Omit<Backlink, 'from' | 'title'> {
  const previousBreak = body.lastIndexOf('\n\n', link.start);
  const paragraphStart = previousBreak < 0 ? 0 : previousBreak + 2;
  const nextBreak = body.indexOf('\n\n', link.end);
  const paragraphEnd = nextBreak < 0 ? body.length : nextBreak;
  // A table row or a list item is its own "sentence": stop at the line.
  const lineStart = body.lastIndexOf('\n', link.start - 1) + 1;
  const lineEnd = body.indexOf('\n', link.end);
  const line = body.slice(lineStart, lineEnd < 0 ? body.length : lineEnd);
  const ownLine = /^\s*(\||[-*+]\s|\d+[.)]\s|#)/.test(line);
  const from = ownLine ? lineStart : paragraphStart;
  const to = ownLine ? (lineEnd < 0 ? body.length : lineEnd) : paragraphEnd;
  const rawBefore = plainText(body.slice(from, link.start));
  const rawAfter = plainText(body.slice(link.end, to));
  const sentenceEnd = /[.!?](?=\s|$)/g;
  let beforeStart = 0;
  for (const m of rawBefore.matchAll(sentenceEnd)) beforeStart = m.index + 1;
  const afterEnd = sentenceEnd.exec(rawAfter);
  return {
    before: clip(rawBefore.slice(beforeStart).trimStart(), 'before'),
    text: plainText(link.text).trim(),
    after: clip(afterEnd ? rawAfter.slice(0, afterEnd.index + 1) : rawAfter.trimEnd(), 'after'),
  };
}

/**
 * Slug → the notes that link to it, each once (its first link), in the order given. A note's
 * links to itself are not backlinks. `linksOf` finds a note's links (Markdown links, and
 * wikilinks where the resolver is present); targets that are not notes are ignored.
 */
export function buildBacklinks<T extends LinkingNote>(
  notes: readonly T[],
  linksOf: (note: T) => LinkAt[] = (note) => markdownLinks(note.body ?? ''),
): Map<string, Backlink[]> {
  const slugs = new Set(notes.map((n) => n.data.slug));
  const backlinks = new Map<string, Backlink[]>();
  for (const note of notes) {
    const seen = new Set<string>();
    const body = note.body ?? '';
    for (const link of [...linksOf(note)].sort((a, b) => a.start - b.start)) {
      if (link.target === note.data.slug || !slugs.has(link.target) || seen.has(link.target)) continue;
      seen.add(link.target);
      const list = backlinks.get(link.target) ?? [];
      list.push({ from: note.data.slug, title: note.data.title, ...sentenceAround(body, link) });
      backlinks.set(link.target, list);
    }
  }
  return backlinks;
}

export interface TaggedNote {
  data: { slug: string; title: string; tags: readonly string[] };
}

/**
 * Slug → up to `limit` notes sharing its tags, best first. A tag most notes carry says little,
 * so each shared tag weighs 1 / (notes carrying it); ties keep the given (reading) order.
 * `tagsOf`: a note's tags (frontmatter and inline `#tags` merged, as its page shows them).
 */
export function relatedByTags<T extends TaggedNote>(
  notes: readonly T[],
  limit = 5,
  tagsOf: (note: T) => readonly string[] = (note) => note.data.tags,
): Map<string, T[]> {
  const tags = notes.map((note) => new Set(tagsOf(note)));
  const byTag = new Map<string, number[]>();
  tags.forEach((set, i) => {
    for (const tag of set) byTag.set(tag, [...(byTag.get(tag) ?? []), i]);
  });
  const related = new Map<string, T[]>();
  notes.forEach((note, i) => {
    const score = new Map<number, number>();
    for (const tag of tags[i] ?? []) {
      const carriers = byTag.get(tag) ?? [];
      // A tag on every note relates nothing; skip it (and keep 500-note tags from costing n²).
      if (carriers.length === notes.length && notes.length > 2) continue;
      for (const j of carriers) if (j !== i) score.set(j, (score.get(j) ?? 0) + 1 / carriers.length);
    }
    const best = [...score]
      .sort(([a, x], [b, y]) => y - x || a - b)
      .slice(0, limit)
      .flatMap(([j]) => notes[j] ?? []);
    related.set(note.data.slug, best);
  });
  return related;
}
