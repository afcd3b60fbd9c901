/**
 * Comparison tables of a note as data: every cell becomes a claim "for <option>, <aspect> is
 * <value>", with the note and the heading it sits under. Flashcards are derived from these
 * claims; a cross-note comparison matrix can group the same claims by aspect and option.
 *
 * The notes use four table shapes, told apart by their header row:
 * - `matrix`  — `Aspect | Stateful | Stateless`: rows are aspects, columns are the options;
 * - `lookup`  — `Aspect | Benefit`, `State Type | Solution`: one value column, named by its header;
 * - `entity`  — `Model | Control | Complexity | Use Case`: rows are the options, columns aspects;
 * - `category`— `Use Serverless For | Use Traditional For`: each column lists cases for an option.
 * Pure: Markdown in, claims out. Heading ids are the ones the built page gives (same slugger).
 */
import GithubSlugger from 'github-slugger';
import { headingId } from './anchors.ts';
import type { Root, RootContent, Table } from 'mdast';
import type { Position } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { memo, memoKey } from '../content/memo.ts';
import { derivedText } from './obsidian.ts';
import { noteTree } from './tree.ts';

// `$…$` is math, as the build parses notes: its braces are not MDX expressions.

export type TableShape = 'matrix' | 'lookup' | 'entity' | 'category';

/** A heading as the page shows it: id for the link, text without decorative emoji. */
export interface HeadingRef {
  id: string;
  text: string;
  depth: number;
}

export interface NoteTable {
  note: string;
  /** 0-based position among the note's tables. */
  index: number;
  /** 1-based line of the table in the note body. */
  line: number;
  shape: TableShape;
  header: string[];
  rows: string[][];
  /** The headings above the table, outermost first; the last one is the link target. */
  headings: HeadingRef[];
}

export interface Claim {
  note: string;
  table: number;
  row: number;
  shape: TableShape;
  /** What is compared ("Load balancing"); for `category` tables, the column header ("Use Serverless For"). */
  aspect: string;
  /** Which side ("Stateless", "VMs"; "Serverless" from "Use Serverless For" in a `category` table). */
  option: string;
  /** The cell ("Round-robin works"). */
  value: string;
  /** The other options of the same comparison, in table order (for "which one?" questions). */
  options: string[];
  /** The header that names the aspects (`Aspect`, `Model`…) or the value column (`Benefit`). */
  axis: string;
  headings: HeadingRef[];
}

/** A cell by position; a short row reads as empty cells (GFM allows rows shorter than the header). */
const cell = (list: readonly string[], i: number): string => list[i] ?? '';

/** Headers that name the row labels of a matrix or lookup table. */
const ASPECT_HEADER = /^(aspect|feature|dimension|criterion|factor|property)s?$/i;

/** Heading text as a reader would say it: no leading emoji, ❌/✅ marks or stray spaces. */
export const cleanText = (text: string): string =>
  text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();

function classify(header: readonly string[]): TableShape {
  const first = cell(header, 0);
  const firstWords = header.map((h) => cell(h.split(' '), 0).toLowerCase());
  if (!ASPECT_HEADER.test(first) && header.length >= 2 && firstWords.every((w) => w === firstWords[0]))
    return 'category';
  if (ASPECT_HEADER.test(first)) return header.length === 2 ? 'lookup' : 'matrix';
  return header.length === 2 ? 'lookup' : 'entity';
}

/** `Use Serverless For`, `Use Traditional For` → `Serverless`, `Traditional` (shared words removed). */
export function distinctParts(labels: readonly string[]): string[] {
  const words = labels.map((l) => l.split(' '));
  const ref = words[0] as string[];
  const shortest = Math.min(...words.map((w) => w.length));
  let head = 0;
  while (head < shortest - 1 && words.every((w) => w[head] === ref[head])) head++;
  let tail = 0;
  while (
    tail < shortest - head - 1 &&
    words.every((w) => w[w.length - 1 - tail] === ref[ref.length - 1 - tail])
  )
    tail++;
  return words.map((w) => w.slice(head, w.length - tail).join(' '));
}

/**
 * Parsing is the slow part (~50 ms for a long note) and several features read the same note in a
 * row (definitions, tables, practice lists): the last few trees are kept. Callers only read them.
 */
const recent = new Map<string, Root>();
export const parseNote = (body: string): Root => {
  const cached = recent.get(body);
  if (cached) return cached;
  // Derived cards and questions show what a reader sees, not `[[Note|label]]` or `==marks==`.
  const tree = noteTree(derivedText(body));
  recent.set(body, tree);
  if (recent.size > 4) recent.delete(recent.keys().next().value as string);
  return tree;
};

/**
 * Follows the headings of a note in document order: `see(node)` returns true for a heading
 * (and updates the path), `path()` is the headings above the current position.
 */
export function headingTracker() {
  const slugger = new GithubSlugger();
  const stack: HeadingRef[] = [];
  return {
    see(node: Root | RootContent): boolean {
      if (node.type !== 'heading') return false;
      const text = toString(node);
      const ref = { id: headingId(slugger, text), text: cleanText(text), depth: node.depth };
      while (stack.length && (stack.at(-1) as HeadingRef).depth >= node.depth) stack.pop();
      stack.push(ref);
      return true;
    },
    path: (): HeadingRef[] => [...stack],
  };
}

/** Every table of a note body, with the headings it sits under. */
export const noteTables = (note: string, body: string): NoteTable[] =>
  memo('note-tables', memoKey(note, body), () => readTables(note, body));

function readTables(note: string, body: string): NoteTable[] {
  const headings = headingTracker();
  const tables: NoteTable[] = [];
  visit(parseNote(body), (node: Root | RootContent) => {
    if (headings.see(node) || node.type !== 'table') return;
    const [head, ...body] = (node as Table).children.map((row) =>
      row.children.map((cell) => toString(cell).replace(/\s+/g, ' ').trim()),
    );
    if (!head || body.length === 0) return;
    tables.push({
      note,
      index: tables.length,
      line: (node.position as Position).start.line,
      shape: classify(head),
      header: head,
      rows: body,
      headings: headings.path(),
    });
  });
  return tables;
}

/** The claims a table makes, one per non-empty cell (row labels are not claims). */
export function tableClaims(table: NoteTable): Claim[] {
  const { header, rows, shape } = table;
  const base = { note: table.note, table: table.index, shape, headings: table.headings };
  const claims: Claim[] = [];
  rows.forEach((row, r) => {
    if (shape === 'category') {
      const options = distinctParts(header);
      row.forEach((value, c) => {
        if (value)
          claims.push({
            ...base,
            row: r,
            aspect: cell(header, c),
            option: cell(options, c),
            value,
            options,
            axis: header.join(' / '),
          });
      });
      return;
    }
    const label = cell(row, 0);
    if (!label) return;
    for (let c = 1; c < header.length; c++) {
      const value = cell(row, c);
      if (!value) continue;
      if (shape === 'entity') {
        claims.push({
          ...base,
          row: r,
          aspect: cell(header, c),
          option: label,
          value,
          options: rows.map((other) => cell(other, 0)),
          axis: cell(header, 0),
        });
      } else {
        claims.push({
          ...base,
          row: r,
          aspect: label,
          option: cell(header, c),
          value,
          options: header.slice(1),
          axis: cell(header, 0),
        });
      }
    }
  });
  return claims;
}
