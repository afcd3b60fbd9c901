/**
 * Build-time: the notes as a site to find one's way in — sections (folders), reading order,
 * prev/next within a section, backlinks and related notes. Computed once per build and shared
 * by every page (at 500 notes a per-page computation would be 500 × 500).
 */
import { relative, resolve } from 'node:path';
import { type CollectionEntry, getCollection } from 'astro:content';
import {
  type Backlink,
  type LinkAt,
  buildBacklinks,
  markdownLinks,
  relatedByTags,
} from '../domain/notes/backlinks.ts';
import { noteTags } from '../domain/notes/collection.ts';
import {
  type NotePlace,
  type Section,
  buildSections,
  flattenSections,
  folderOf,
  placeNotes,
  readingOrder,
} from '../domain/notes/sections.ts';
import {
  type LinkableNote,
  parseWikiLinks,
  resolveWikiLink,
  wikiLinkText,
} from '../domain/notes/wikilinks.ts';
import { gateSections } from '../integrations/load-notes.ts';
import { readLinkIndex } from '../integrations/obsidian.ts';
import { notesDir } from './paths.ts';

type Note = CollectionEntry<'notes'>;

export interface NotesNav {
  root: Section<Note>;
  /** Every section with notes, depth-first. */
  sections: Section<Note>[];
  /** Every note in reading order (section by section). */
  ordered: Note[];
  places: Map<string, NotePlace<Note>>;
  backlinks: Map<string, Backlink[]>;
  related: Map<string, Note[]>;
}

let loaded: Promise<NotesNav> | undefined;

async function load(): Promise<NotesNav> {
  const notes = await getCollection('notes');
  const dir = notesDir();
  const folders = new Map(
    notes.map((n) => [n.data.slug, folderOf(relative(dir, resolve(n.filePath ?? `${n.id}.mdx`)))]),
  );
  // Already checked by the content gate (file:line errors stop the build before this runs).
  const { sections: configs } = await gateSections(process.cwd(), dir);
  const root = buildSections(notes, folders, configs);
  const ordered = readingOrder(root);
  // Wikilinks resolve as the page renders them (the same index the remark plugin uses).
  const linkable: readonly LinkableNote[] = readLinkIndex(dir).notes;
  const bySlug = new Map(linkable.map((n) => [n.slug, n]));
  const linksOf = (note: Note): LinkAt[] => {
    const body = note.body ?? '';
    const from = bySlug.get(note.data.slug);
    const wiki = parseWikiLinks(body).flatMap((link) => {
      if (link.embed) return [];
      const resolved = resolveWikiLink(link, from, linkable);
      if (resolved.kind !== 'note') return [];
      return [{ start: link.start, end: link.end, text: wikiLinkText(link), target: resolved.note.slug }];
    });
    return [...markdownLinks(body), ...wiki];
  };
  return {
    root,
    sections: flattenSections(root),
    ordered,
    places: placeNotes(root),
    backlinks: buildBacklinks(ordered, linksOf),
    related: relatedByTags(ordered, 5, noteTags),
  };
}

export const loadNotesNav = (): Promise<NotesNav> => (loaded ??= load());
