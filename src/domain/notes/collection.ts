/**
 * Pure helpers over the note collection: reading order, neighbours, tags, table of contents,
 * reading time. No Astro imports, so they are unit-tested on plain objects.
 */
import { mergeTags } from './obsidian.ts';

export interface NoteLike {
  id: string;
  data: { title: string; slug: string; order: number; tags: string[] };
  body?: string | undefined;
}

/**
 * A checked note as the other content gates read it (comparisons, the decision walker and the
 * prices are checked against the notes' text): the file and body line let their messages point
 * into the note itself.
 */
export interface NoteText {
  file: string;
  data: { slug: string; title: string };
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export function sortNotes<T extends NoteLike>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

/** Previous and next note in reading order (undefined at either end). */
export function neighbours<T extends NoteLike>(notes: readonly T[], slug: string): { prev?: T; next?: T } {
  const sorted = sortNotes(notes);
  const i = sorted.findIndex((n) => n.data.slug === slug);
  if (i < 0) return {};
  const result: { prev?: T; next?: T } = {};
  const prev = sorted[i - 1];
  const next = sorted[i + 1];
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

/** A note's tags: its frontmatter's, then the inline `#tags` of its body. */
export const noteTags = (note: Pick<NoteLike, 'data' | 'body'>): string[] =>
  mergeTags(note.data.tags, note.body);

/** Tag → notes carrying it, tags sorted by name, notes in reading order. */
export function groupByTag<T extends NoteLike>(notes: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const note of sortNotes(notes)) {
    for (const tag of noteTags(note)) map.set(tag, [...(map.get(tag) ?? []), note]);
  }
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}

export interface TocItem extends Heading {
  children: Heading[];
}

/** h2 entries with their h3 children; deeper headings and the title are left out. */
export function tableOfContents(headings: readonly Heading[]): TocItem[] {
  const toc: TocItem[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) toc.push({ ...heading, children: [] });
    else if (heading.depth === 3) {
      const parent = toc.at(-1);
      if (parent) parent.children.push(heading);
      else toc.push({ ...heading, children: [] });
    }
  }
  return toc;
}

const WORDS_PER_MINUTE = 220;

/** Minutes to read the prose; code and diagrams count as a glance, not as words. */
export function readingMinutes(body: string): number {
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, ' ').replace(/<[^>]+>/g, ' ');
  const words = prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function countDiagrams(body: string): number {
  return (body.match(/^ {0,3}(`{3,}|~{3,})\s*mermaid\s*$/gm) ?? []).length;
}

/** "load-balancing" → "Load balancing" */
export const tagLabel = (tag: string): string => {
  const words = tag.split('-');
  return [words[0]?.charAt(0).toUpperCase() + (words[0]?.slice(1) ?? ''), ...words.slice(1)].join(' ');
};
