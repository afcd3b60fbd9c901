/**
 * Rehype plugin: root-relative links and images in Markdown (`[x](/notes/y/)`, a wikilink's
 * `/notes/y/#h`, a diagram's full-size file) are written for a site at `/`; under a base path
 * they would escape it. Each `href`/`src` that starts with one `/` gets the base in front.
 *
 * The base is read when a document is processed, from `TRADEOFFS_BASE` (set by the site
 * integration from Astro's final `base`, so `astro build --base /repo/` counts) or the `base`
 * option (Markdown rendered inside Vite, src/lib/markdown.ts).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../domain/site/url.ts';

export const BASE_ENV = 'TRADEOFFS_BASE';

export function rehypeBase(options: { base?: string } = {}) {
  return (tree: Root) => {
    const base = options.base ?? process.env[BASE_ENV] ?? '/';
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const key of ['href', 'src'] as const) {
        const value = node.properties[key];
        if (typeof value === 'string') node.properties[key] = withBase(base, value);
      }
    });
  };
}
