/**
 * Markdown strings from YAML content (quiz prompts, options, explanations) rendered to HTML at
 * build time. Raw HTML in those strings is never passed through (content is data, not markup)
 * and never dropped either: it is shown as the author typed it, so `List<String>` keeps its
 * `<String>` and `<b>bold</b>` reads as typed. Links the gate would refuse never get this far
 * (src/domain/quiz/text.ts).
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { memo, memoKey } from '../domain/content/memo.ts';
import { unsafeUrl } from '../domain/quiz/text.ts';
import { rehypeBase } from '../markdown/rehype-base.ts';
import { BASE } from './url.ts';

/**
 * Raw HTML nodes become text nodes: escaped on output, shown as written. Links and images the
 * gate refuses (src/domain/quiz/text.ts) are also kept out here, as a second line: a link keeps
 * its text, an image its description.
 */
const htmlAsText = () => (tree: Root) => {
  visit(tree, (node, index, parent) => {
    if (node.type === 'definition' && unsafeUrl(node.url, false)) node.url = '';
    if (!parent || index === undefined) return;
    if ((node.type === 'link' || node.type === 'image') && unsafeUrl(node.url, node.type === 'image'))
      parent.children[index] = (
        node.type === 'link'
          ? { type: 'emphasis', children: node.children }
          : { type: 'text', value: node.alt ?? '' }
      ) as never;
  });
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text = { type: 'text', value: node.value } as const;
    // A block of HTML (its own paragraph in the source) stays a paragraph.
    const block = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
    parent.children[index] = (block ? { type: 'paragraph', children: [text] } : text) as never;
  });
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(htmlAsText)
  .use(remarkRehype)
  .use(rehypeBase, { base: BASE })
  .use(rehypeStringify);

/** Block Markdown → HTML (paragraphs, lists, code). */
export const markdown = (text: string): string =>
  memo('yaml-markdown', memoKey(BASE, text), () => String(processor.processSync(text)).trim());

/** One paragraph of Markdown → inline HTML (option labels, rubric items). */
export const inlineMarkdown = (text: string): string =>
  markdown(text)
    .replace(/^<p>([\s\S]*)<\/p>$/, '$1')
    .trim();
