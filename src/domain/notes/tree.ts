/**
 * A note body's Markdown tree, for everything that reads notes (headings, tables, diagrams).
 * A body that is not valid MDX has already been reported once by the content gate, with its
 * line; read as plain Markdown, its headings, tables and diagrams still exist, so what points
 * into the note (quizzes, cards, comparisons) does not fail a second time for the same cause.
 *
 * Parsing is most of what reading a note costs (micromark with MDX, GFM and math: well under a
 * megabyte a second), and one build reads the same text many times: the gate's body checks and
 * its anchor index, the link index, tables, definitions, section texts and practice remarks,
 * once in the gate and once in the page build (separate copies of these modules). So each text
 * is parsed once per process: the trees are kept in one table for every copy (found through a
 * global, as the store of derived data is), and every caller gets its own copy (a clone is ~30×
 * cheaper than a parse), so a caller that rewrites its tree (the safety check) changes no one
 * else's. The table holds at most TREE_BUDGET characters of text (~16 bytes of tree each):
 * once full, new texts are parsed and not kept, which, for features that each walk every note
 * in turn, keeps more hits than evicting would.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// As the build parses a note: `$…$` is math (its braces are not MDX expressions).
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Characters of note text whose trees are kept (a 1,000-note pile is ~9 M). */
export const TREE_BUDGET = 4_000_000;

type Parsed = { tree: Root } | { error: unknown };
interface Table {
  mdx: Map<string, Parsed>;
  markdown: Map<string, Root>;
  chars: number;
  budget: number;
}

const TABLE = Symbol.for('tradeoffs.note-trees');
type Holder = { [TABLE]?: Table };

function table(): Table {
  const holder = globalThis as Holder;
  return (holder[TABLE] ??= { mdx: new Map(), markdown: new Map(), chars: 0, budget: TREE_BUDGET });
}

function kept<T>(map: Map<string, T>, text: string, make: () => T): T {
  const hit = map.get(text);
  if (hit !== undefined) return hit;
  const value = make();
  const t = table();
  if (t.chars + text.length <= t.budget) {
    map.set(text, value);
    t.chars += text.length;
  }
  return value;
}

/**
 * The text parsed as the build's MDX reads it: its tree (a copy of its own), or the syntax error
 * micromark threw (a VFileMessage: `reason`, 1-based `line`).
 */
export function parseMdx(text: string): { tree: Root } | { error: unknown } {
  const parsed = kept(table().mdx, text, (): Parsed => {
    try {
      return { tree: mdx.parse(text) };
    } catch (error) {
      return { error };
    }
  });
  return 'tree' in parsed ? { tree: structuredClone(parsed.tree) } : parsed;
}

export function noteTree(body: string): Root {
  const parsed = parseMdx(body);
  if ('tree' in parsed) return parsed.tree;
  return structuredClone(kept(table().markdown, body, () => markdown.parse(body)));
}

/** Characters of text whose trees are kept now. */
export const keptCharacters = (): number => table().chars;

/**
 * Drops every kept tree (tests; a long-running process that reads other notes), and keeps at
 * most `budget` characters from now on.
 */
export function forgetNoteTrees(budget = TREE_BUDGET): void {
  (globalThis as Holder)[TABLE] = { mdx: new Map(), markdown: new Map(), chars: 0, budget };
}
