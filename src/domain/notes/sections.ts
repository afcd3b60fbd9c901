/**
 * Sections: the folders of `content/notes/` as the reader sees them. A folder is a section (its
 * notes and its subfolders); the notes at the top level form the root section. Titles come from
 * the folder name unless `_section.yaml` names one. Reading order walks the tree depth-first —
 * a section's own notes, then its subsections — and prev/next never leave a section.
 * Pure: built once per build from plain objects (O(notes)), unit-tested.
 */
import { type Section as SectionConfig, SectionSchema } from '../../schemas/section.ts';
import type { ContentError, ContentFile } from '../content/errors.ts';
import { plural } from '../content/text.ts';
import { type CheckedYaml, checkYamlFile } from '../content/yaml.ts';

export interface SectionNote {
  data: { slug: string; title: string; order: number };
}

export interface Section<T extends SectionNote = SectionNote> {
  /** Folder path under the notes folder, `/`-separated; `''` for the top level. */
  path: string;
  /** URL-safe id (`system-design/caching` → `system-design--caching`; `notes` for the top level). */
  id: string;
  title: string;
  /** Depth in the tree: 0 for the top level, 1 for its folders, … */
  depth: number;
  /** Notes directly in this folder, in reading order. */
  notes: T[];
  /** Subfolders, by `order` then title. */
  children: Section<T>[];
  /** Notes in this section and all of its subsections. */
  count: number;
}

/** The title of the top-level notes (beside the folders) when `content/notes/_section.yaml` names none. */
export const ROOT_TITLE = 'General';

/**
 * `system-design_basics` → "System design basics", `02 - Caching` → "Caching",
 * `API Design` stays "API Design". A leading number only orders files in a folder listing.
 */
export function prettifyFolder(name: string): string {
  const words = name
    .replace(/^\d+(?:\s*[-._)]\s*|\s+)(?=\S)/, '')
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** The folder of a note file, relative to the notes folder (`a/b/note.mdx` → `a/b`; `note.mdx` → `''`). */
export function folderOf(relativeFile: string): string {
  const parts = relativeFile.split(/[\\/]/).filter(Boolean);
  return parts.slice(0, -1).join('/');
}

export const sectionId = (path: string): string =>
  path
    ? path
        .split('/')
        .map((p) =>
          p
            .toLowerCase()
            .normalize('NFKD')
            .replace(/\p{M}/gu, '')
            .replace(/[^\p{L}\p{N}]+/gu, '-')
            .replace(/^-|-$/g, ''),
        )
        .join('--')
    : 'notes';

const byReadingOrder = <T extends SectionNote>(a: T, b: T) =>
  a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);

/**
 * The section tree. `folders` maps each note's slug to its folder (`''` at the top level);
 * `configs` holds the `_section.yaml` of folders that have one.
 */
export function buildSections<T extends SectionNote>(
  notes: readonly T[],
  folders: ReadonlyMap<string, string>,
  configs: ReadonlyMap<string, SectionConfig> = new Map(),
): Section<T> {
  const sections = new Map<string, Section<T>>();
  const order = new Map<string, number>();
  const get = (path: string): Section<T> => {
    const found = sections.get(path);
    if (found) return found;
    const name = path.split('/').at(-1) ?? '';
    const config = configs.get(path);
    const section: Section<T> = {
      path,
      id: sectionId(path),
      title: config?.title ?? (path ? prettifyFolder(name) : ROOT_TITLE),
      depth: path ? path.split('/').length : 0,
      notes: [],
      children: [],
      count: 0,
    };
    if (config?.order !== undefined) order.set(path, config.order);
    sections.set(path, section);
    if (path) get(path.split('/').slice(0, -1).join('/')).children.push(section);
    return section;
  };
  const root = get('');
  for (const note of notes) get(folders.get(note.data.slug) ?? '').notes.push(note);
  const finish = (section: Section<T>): number => {
    section.notes.sort(byReadingOrder);
    section.children.sort(
      (a, b) =>
        (order.get(a.path) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.path) ?? Number.MAX_SAFE_INTEGER) ||
        a.title.localeCompare(b.title),
    );
    section.count = section.notes.length + section.children.reduce((sum, child) => sum + finish(child), 0);
    return section.count;
  };
  finish(root);
  return root;
}

/** Every section, depth-first (the root first); empty ones (no notes anywhere below) left out. */
export function flattenSections<T extends SectionNote>(root: Section<T>): Section<T>[] {
  const out: Section<T>[] = [];
  const walk = (section: Section<T>) => {
    if (!section.count) return;
    out.push(section);
    section.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** All notes in reading order: each section's own notes, then its subsections'. */
export const readingOrder = <T extends SectionNote>(root: Section<T>): T[] =>
  flattenSections(root).flatMap((s) => s.notes);

export interface NotePlace<T extends SectionNote> {
  section: Section<T>;
  /** Sections from the top level (the root) down to this one. */
  trail: Section<T>[];
  /** 1-based position in the section, and the section's own note count. */
  position: number;
  of: number;
  prev?: T;
  next?: T;
}

/**
 * Where each note sits: its section, the way down to it, and its neighbours within the section.
 * One pass over the tree, so a page looks its note up instead of searching.
 */
export function placeNotes<T extends SectionNote>(root: Section<T>): Map<string, NotePlace<T>> {
  const places = new Map<string, NotePlace<T>>();
  const walk = (section: Section<T>, trail: Section<T>[]) => {
    section.notes.forEach((note, i) => {
      const place: NotePlace<T> = { section, trail, position: i + 1, of: section.notes.length };
      const prev = section.notes[i - 1];
      const next = section.notes[i + 1];
      if (prev) place.prev = prev;
      if (next) place.next = next;
      places.set(note.data.slug, place);
    });
    for (const child of section.children) walk(child, [...trail, child]);
  };
  walk(root, [root]);
  return places;
}

/** True when every note is at the top level: then there is nothing to navigate by section. */
export const isFlat = (root: Section): boolean => root.children.every((c) => c.count === 0);

export const countLabel = (n: number): string => plural(n, 'note');

/**
 * A `_section.yaml` checked like every other YAML file (file:line and field on error), and its
 * folder relative to the notes folder (`notesPrefix`: e.g. `content/notes/`).
 */
export function checkSectionFile(
  file: ContentFile,
  notesPrefix: string,
): { checked?: CheckedYaml<SectionConfig>; folder: string; errors: ContentError[] } {
  const relativePath = file.path.split('\\').join('/');
  const prefix = notesPrefix.split('\\').join('/').replace(/\/?$/, '/');
  const folder = folderOf(relativePath.startsWith(prefix) ? relativePath.slice(prefix.length) : relativePath);
  const { checked, errors } = checkYamlFile(file, SectionSchema);
  return checked ? { checked, folder, errors } : { folder, errors };
}

/**
 * At most `size` neighbours of the item at `index` (the current note in a long section), so a
 * page's section list stays the same size however many notes the section holds. `hidden` says
 * how many are left out before and after.
 */
export function windowAround<T>(
  items: readonly T[],
  index: number,
  size = 15,
): { shown: T[]; start: number; before: number; after: number } {
  if (items.length <= size) return { shown: [...items], start: 0, before: 0, after: 0 };
  const at = Math.min(Math.max(index, 0), items.length - 1);
  const start = Math.min(Math.max(0, at - Math.floor(size / 2)), items.length - size);
  return {
    shown: items.slice(start, start + size),
    start,
    before: start,
    after: items.length - start - size,
  };
}
