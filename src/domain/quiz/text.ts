/**
 * Quiz text is Markdown from YAML: data, not markup. Raw HTML in it is shown as the author wrote
 * it (`List<String>` keeps its `<String>`; src/lib/markdown.ts turns HTML nodes into text), so
 * nothing in it can run. What could still do harm or was clearly meant to run is refused by the
 * quiz gate: links to `javascript:`/`data:`/`vbscript:` addresses, images from other hosts (no
 * third-party requests), and tags or event handlers that only make sense as live markup.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { memo } from '../content/memo.ts';

// Made once: building GFM's extensions took ~0.9 ms, more than parsing a typical quiz string
// with them (the gate reads ~1,000 of those). remark-gfm reuses them across parses the same way.
const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file):/i;
const LIVE_TAG = /<\s*\/?\s*(script|iframe|object|embed|form|meta|base|link|style|svg|math)\b/i;
const HANDLER = /<[^>]*\s(on[a-z]+)\s*=/i;

/** Why a link or image address is refused, or undefined when it is a page or a local file. */
export function unsafeUrl(url: string, image: boolean): string | undefined {
  if (UNSAFE_SCHEME.test(url))
    return `the link "${url.slice(0, 60)}" would run code or load hidden content; link to a page (https://… or /notes/…)`;
  if (image && /^(https?:)?\/\//i.test(url))
    return `the image "${url.slice(0, 60)}" is on another host; the site makes no third-party requests: put the image in the notes instead`;
  return undefined;
}

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

function* walk(node: MdNode): Generator<MdNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** Why this quiz text is refused, or undefined when it is fine. */
export const unsafeQuizText = (text: string): string | undefined =>
  memo('unsafe-quiz-text', text, () => readQuizText(text));

function readQuizText(text: string): string | undefined {
  // Every refusal is of a link, image or definition (`[`, `![`, `<…>`) or of HTML (`<`): a text
  // with neither character has none to refuse. GFM's bare links (www., http(s)://, emails) are
  // never refused. Most quiz texts are such plain sentences, and parsing each one cost more
  // than everything else the quiz gate checks.
  if (!text.includes('[') && !text.includes('<')) return undefined;
  const tree = fromMarkdown(text, GFM) as MdNode;
  for (const node of walk(tree)) {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url) {
      const problem = unsafeUrl(node.url, node.type === 'image');
      if (problem) return problem;
    }
    if (node.type === 'html' && node.value) {
      const tag = LIVE_TAG.exec(node.value)?.[1];
      if (tag)
        return `<${tag.toLowerCase()}> is markup meant to run or load something; quiz text shows HTML as text: remove it, or write it in backticks to show it as code`;
      const handler = HANDLER.exec(node.value)?.[1];
      if (handler)
        return `the ${handler} handler in "${node.value.slice(0, 60)}" is code; quiz text shows HTML as text: remove it, or write it in backticks`;
    }
  }
  return undefined;
}

/** `questions.0.options.1.text` → every Markdown string of a quiz with its path. */
export function* quizTexts(
  value: unknown,
  path: (string | number)[] = [],
): Generator<[(string | number)[], string]> {
  if (typeof value === 'string') {
    yield [path, value];
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* quizTexts(value[i], [...path, i]);
    return;
  }
  if (typeof value === 'object' && value !== null)
    for (const [key, v] of Object.entries(value)) yield* quizTexts(v, [...path, key]);
}
