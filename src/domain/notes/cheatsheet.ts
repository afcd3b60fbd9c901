/**
 * Cheat sheets, derived at build time from the notes themselves (nothing is copied by hand):
 * the sections whose heading says they are a summary — "Quick Reference Card", "Quick Rules",
 * "Decision Guide", "Key Takeaways", "Summary Table" — become lists and tables, each group
 * linked to the heading it came from. A box-drawn ASCII card (seed 000) is read into real
 * groups and items, not shown as a `<pre>`.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { memo, memoKey } from '../content/memo.ts';
import { normalise } from '../content/text.ts';

/** Headings whose section goes on the cheat sheet. */
export const CHEATSHEET_HEADING =
  /\b(quick reference|quick rules|decision (guide|heuristics?)|key takeaways|summary table|cheat ?sheet)\b/i;

export interface Inline {
  text: string;
  strong?: true;
  em?: true;
  code?: true;
}

export interface Item {
  inline: Inline[];
  children: Item[];
}

export type Block =
  | { kind: 'list'; ordered: boolean; items: Item[] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'rules'; rows: { when: string; then: string }[] }
  | { kind: 'text'; inline: Inline[] };

export interface Group {
  /** Absent for the material directly under the section heading. */
  title?: string;
  /** Heading id on the note page that this group links to. */
  anchor: string;
  blocks: Block[];
}

export interface Section {
  title: string;
  anchor: string;
  groups: Group[];
}

/** A heading as the rendered note has it (Astro's `render(note).headings`). */
export interface HeadingRef {
  depth: number;
  slug: string;
  text: string;
}

export class CheatSheetError extends Error {
  override name = 'CheatSheetError';
}

/** "STATELESS DESIGN" → "Stateless design" */
export const sentenceCase = (text: string): string =>
  text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

// ---- inline content ----

function inlineOf(nodes: readonly PhrasingContent[], marks: Omit<Inline, 'text'> = {}): Inline[] {
  const out: Inline[] = [];
  const push = (text: string, m: Omit<Inline, 'text'>) => {
    const last = out.at(-1);
    if (last && last.strong === m.strong && last.em === m.em && last.code === m.code) last.text += text;
    else out.push({ text, ...m });
  };
  for (const node of nodes) {
    if (node.type === 'text') push(node.value.replace(/\s*\n\s*/g, ' '), marks);
    else if (node.type === 'inlineCode') push(node.value, { ...marks, code: true });
    else if (node.type === 'break') push(' ', marks);
    else if (node.type === 'strong') out.push(...inlineOf(node.children, { ...marks, strong: true }));
    else if (node.type === 'emphasis') out.push(...inlineOf(node.children, { ...marks, em: true }));
    else if ('children' in node) out.push(...inlineOf(node.children as PhrasingContent[], marks));
  }
  // Merge runs split by the recursion, and trim the ends.
  const merged: Inline[] = [];
  for (const part of out) {
    const last = merged.at(-1);
    if (last && last.strong === part.strong && last.em === part.em && last.code === part.code)
      last.text += part.text;
    else merged.push({ ...part });
  }
  const first = merged[0];
  if (first) first.text = first.text.trimStart();
  const end = merged.at(-1);
  if (end) end.text = end.text.trimEnd();
  return merged.filter((p) => p.text);
}

/** "Benefits: easy scaling" → a bold "Benefits:" label and the rest. */
export function labelled(text: string): Inline[] {
  const match = /^([A-Z][\w./ -]{0,24}:)\s+(.+)$/.exec(text);
  return match ? [{ text: match[1] as string, strong: true }, { text: ` ${match[2]}` }] : [{ text }];
}

function listItems(list: List): Item[] {
  return list.children.map((item: ListItem) => ({
    inline: inlineOf(
      item.children.flatMap((child, i) =>
        child.type === 'paragraph'
          ? [...(i > 0 ? [{ type: 'text', value: ' ' } as PhrasingContent] : []), ...child.children]
          : [],
      ),
    ),
    children: item.children.flatMap((child) => (child.type === 'list' ? listItems(child) : [])),
  }));
}

function tableBlock(table: Table): Block {
  const [head, ...rows] = table.children.map((row) => row.children.map((cell) => inlineOf(cell.children)));
  return { kind: 'table', head: head ?? [], rows };
}

// ---- the box-drawn card ----

export interface CardGroup {
  title: string;
  items: string[];
}

/**
 * Reads a box-drawn reference card: `│ SECTION:` lines start a group, `│   • item` lines are
 * its items (a line without a bullet continues the previous item); borders are skipped.
 */
export function parseCard(text: string): { title?: string; groups: CardGroup[] } {
  let title: string | undefined;
  const groups: CardGroup[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/^\s*[│|]/, '')
      .replace(/[│|]\s*$/, '')
      .trim();
    if (!line || /^[┌├└┬┴┼┐┤┘─═+\-\s]+$/.test(line)) continue;
    const group = groups.at(-1);
    const heading = /^([^•:]{1,40}):$/.exec(line);
    const bullet = /^[•*-]\s+(.+)$/.exec(line);
    if (heading) groups.push({ title: (heading[1] as string).trim(), items: [] });
    else if (bullet && group) group.items.push((bullet[1] as string).trim());
    else if (group && group.items.length) group.items[group.items.length - 1] += ` ${line}`;
    else if (!group && !title) title = line;
  }
  return { ...(title && { title }), groups: groups.filter((g) => g.items.length) };
}

/** Items like "Spiky traffic? → Serverless" read best as a two-column table. */
export function cardBlock(items: readonly string[]): Block {
  const rules = items.map((item) => /^(.+?)\s*(?:→|->)\s*(.+)$/.exec(item));
  if (rules.every(Boolean)) {
    return {
      kind: 'rules',
      rows: rules.map((m) => ({
        when: (m as RegExpExecArray)[1] as string,
        then: (m as RegExpExecArray)[2] as string,
      })),
    };
  }
  return {
    kind: 'list',
    ordered: false,
    items: items.map((item) => ({ inline: labelled(item), children: [] })),
  };
}

/** The note's own section about a card group ("STATELESS DESIGN" → "Stateless Design Pattern"). */
export function relatedHeading(title: string, headings: readonly HeadingRef[]): HeadingRef | undefined {
  const words = normalise(title).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  return headings.find((h) => {
    const own = normalise(h.text).split(' ');
    return words.every((w) => own.includes(w));
  });
}

// ---- sections ----

function anchorsFor(tree: Root, headings: readonly HeadingRef[]): Map<RootContent, HeadingRef> {
  const anchors = new Map<RootContent, HeadingRef>();
  let from = 0;
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const text = normalise(toString(node));
    const index = headings.findIndex((h, i) => i >= from && normalise(h.text) === text);
    if (index < 0) continue;
    anchors.set(node, headings[index] as HeadingRef);
    from = index + 1;
  }
  return anchors;
}

// Made once, as remark-gfm does: building them costs more than parsing a short text.
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, GFM);
}

/**
 * The cheat-sheet sections of one note. `headings` are the note page's headings, so every
 * link points at an id that exists; a cheat-sheet heading missing there is an error.
 */
export const extractCheatSheet = (markdown: string, headings: readonly HeadingRef[]): Section[] =>
  memo('cheat-sheet', memoKey(markdown, headings), () => readCheatSheet(markdown, headings));

function readCheatSheet(markdown: string, headings: readonly HeadingRef[]): Section[] {
  const tree = parseMarkdown(markdown);
  const anchors = anchorsFor(tree, headings);
  const sections: Section[] = [];
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    if (node.type !== 'heading' || !CHEATSHEET_HEADING.test(toString(node))) continue;
    const ref = anchors.get(node);
    if (!ref) throw new CheatSheetError(`heading "${toString(node)}" has no id on the note page`);
    const section: Section = {
      title: ref.text,
      anchor: ref.slug,
      groups: [{ anchor: ref.slug, blocks: [] }],
    };
    const others = headings.filter((h) => h !== ref);
    for (i += 1; i < nodes.length; i++) {
      const child = nodes[i] as RootContent;
      if (child.type === 'heading' && child.depth <= node.depth) {
        i -= 1;
        break;
      }
      const group = section.groups.at(-1) as Group;
      if (child.type === 'heading') {
        const sub = anchors.get(child);
        section.groups.push({
          title: toString(child).replace(/:$/, ''),
          anchor: sub?.slug ?? ref.slug,
          blocks: [],
        });
      } else if (child.type === 'list') {
        group.blocks.push({ kind: 'list', ordered: Boolean(child.ordered), items: listItems(child) });
      } else if (child.type === 'table') {
        group.blocks.push(tableBlock(child));
      } else if (child.type === 'paragraph') {
        group.blocks.push({ kind: 'text', inline: inlineOf(child.children) });
      } else if (child.type === 'blockquote') {
        for (const inner of child.children) {
          if (inner.type === 'paragraph')
            group.blocks.push({ kind: 'text', inline: inlineOf(inner.children) });
          else if (inner.type === 'list')
            group.blocks.push({ kind: 'list', ordered: Boolean(inner.ordered), items: listItems(inner) });
        }
      } else if (child.type === 'code' && /[│┌├└]/.test(child.value)) {
        for (const card of parseCard(child.value).groups) {
          section.groups.push({
            title: sentenceCase(card.title),
            anchor: relatedHeading(card.title, others)?.slug ?? ref.slug,
            blocks: [cardBlock(card.items)],
          });
        }
      }
    }
    section.groups = section.groups.filter((g) => g.blocks.length);
    if (section.groups.length) sections.push(section);
  }
  return sections;
}
