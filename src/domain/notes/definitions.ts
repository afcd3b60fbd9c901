/**
 * Definitions in a note, found by three patterns the notes use:
 * - `term`    — a paragraph or list item that starts with a bold term and a colon
 *               ("**Stateless Architecture:** The server does not retain…", "- **Cold starts**: First…");
 * - `section` — the prose of a "Definition(s)" heading defines the heading above it
 *               ("## Stateless Architecture" › "### Definition" › "Server doesn't store…");
 * - `lead`    — a quote right under a `##` heading defines that heading
 *               ("## 🔄 Stateless Systems" › "> Results depend only on the input…").
 * Pure: Markdown in, definitions out.
 */
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { memo, memoKey } from '../content/memo.ts';
import { type HeadingRef, cleanText, headingTracker, parseNote } from './tables.ts';

export type DefinitionKind = 'term' | 'section' | 'lead';

export interface Definition {
  note: string;
  kind: DefinitionKind;
  term: string;
  text: string;
  /** Headings above the definition, outermost first; the last one is the link target. */
  headings: HeadingRef[];
}

/**
 * Bold labels that introduce a scenario's input or a list, not a fact worth recalling on its own
 * ("**Requirements**: Users upload images…" belongs to the scenario around it).
 */
const NOT_TERMS = new Set(['requirements']);

const DEFINITION_HEADING = /^definitions?$/i;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "**Term:** text" or "**Term**: text" → { term, text } (text may be empty: a label). */
function labelOf(paragraph: Paragraph): { term: string; text: string } | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const label = flat(toString(first));
  const after = flat(rest.map((node) => toString(node)).join(''));
  let term: string;
  let text: string;
  if (label.endsWith(':')) {
    term = label.slice(0, -1).trim();
    text = after;
  } else if (after.startsWith(':')) {
    term = label;
    text = after.slice(1).trim();
  } else return undefined;
  return { term, text };
}

/** A bold term with its explanation; undefined for anything else (including bare labels). */
export function termOf(paragraph: Paragraph): { term: string; text: string } | undefined {
  const label = labelOf(paragraph);
  if (!label?.term || !label.text || NOT_TERMS.has(label.term.toLowerCase())) return undefined;
  return label;
}

/** The definitions of a note body (terms, one-line descriptions, definition sections). */
export const noteDefinitions = (note: string, body: string): Definition[] =>
  memo('note-definitions', memoKey(note, body), () => readDefinitions(note, body));

function readDefinitions(note: string, body: string): Definition[] {
  const headings = headingTracker();
  const found: Definition[] = [];
  let previous: RootContent | undefined;
  for (const node of parseNote(body).children) {
    if (headings.see(node)) {
      previous = node;
      continue;
    }
    const path = headings.path();
    const here = path[path.length - 1];
    const parent = path[path.length - 2];
    visit(node, 'paragraph', (paragraph: Paragraph) => {
      const term = termOf(paragraph);
      if (term) found.push({ note, kind: 'term', ...term, headings: path });
    });
    if (node.type === 'paragraph' && here && parent && DEFINITION_HEADING.test(here.text) && !labelOf(node)) {
      // Several paragraphs under one "Definition" heading form one answer.
      const last = found[found.length - 1];
      if (previous?.type === 'paragraph' && last?.kind === 'section' && last.headings.at(-1) === here)
        last.text = `${last.text} ${flat(toString(node))}`;
      else
        found.push({ note, kind: 'section', term: parent.text, text: flat(toString(node)), headings: path });
    }
    if (node.type === 'blockquote' && previous?.type === 'heading' && previous.depth === 2 && here) {
      found.push({
        note,
        kind: 'lead',
        term: cleanText(here.text),
        text: flat(toString(node)),
        headings: path,
      });
    }
    previous = node;
  }
  return found;
}
