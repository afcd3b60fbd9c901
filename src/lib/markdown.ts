/**
 * Markdown strings from YAML content (quiz prompts, options, explanations) rendered to HTML at
 * build time. Raw HTML in those strings is not allowed through: content is data, not markup.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeBase } from '../markdown/rehype-base.ts';
import { BASE } from './url.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeBase, { base: BASE })
  .use(rehypeStringify);

/** Block Markdown → HTML (paragraphs, lists, code). */
export const markdown = (text: string): string => String(processor.processSync(text)).trim();

/** One paragraph of Markdown → inline HTML (option labels, rubric items). */
export const inlineMarkdown = (text: string): string =>
  markdown(text)
    .replace(/^<p>([\s\S]*)<\/p>$/, '$1')
    .trim();
