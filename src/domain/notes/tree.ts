/**
 * A note body's Markdown tree, for everything that reads notes (headings, tables, diagrams).
 * A body that is not valid MDX has already been reported once by the content gate, with its
 * line; read as plain Markdown, its headings, tables and diagrams still exist, so what points
 * into the note (quizzes, cards, comparisons) does not fail a second time for the same cause.
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

export function noteTree(body: string): Root {
  try {
    return mdx.parse(body);
  } catch {
    return markdown.parse(body);
  }
}
