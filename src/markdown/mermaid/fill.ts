/**
 * A build keeps diagrams out of the compiled notes: each figure holds a placeholder, and the
 * build puts the SVG in when it has written the page (src/integrations/diagrams.ts). A note's
 * SVGs are most of its bytes; compiled into the notes' modules they were carried by the bundler
 * twice over (each note is a module twice) for nothing. Where a page is written, the same SVG
 * element goes in that the figure held before, serialized the same way: the page is byte for
 * byte what it was.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { compactSvg } from './svg.ts';

/** A diagram's id in a page: the hash of its source (`diagram-<hash>`, `m-<hash>.svg`). */
const HASH = /^[0-9a-f]{8}$/;
const PLACEHOLDER = /<mmd-svg data-diagram="([0-9a-f]{8})"><\/mmd-svg>/g;

/** The element that stands for a diagram's SVG until the page is written. */
export function svgPlaceholder(hash: string): Element {
  if (!HASH.test(hash)) throw new Error(`not a diagram hash: ${hash}`);
  return { type: 'element', tagName: 'mmd-svg', properties: { dataDiagram: hash }, children: [] };
}

/** The page's copy of a rendered diagram (the cache's SVG, compacted), named by its caption. */
export function inlineSvg(svg: string, hash: string): Element | undefined {
  const tree = fromHtml(compactSvg(svg), { fragment: true, space: 'svg' });
  const element = tree.children.find((c): c is Element => c.type === 'element');
  if (element) element.properties.ariaLabelledby = `diagram-${hash}-name`;
  return element;
}

/** The same, serialized: what a written page holds for the diagram. */
export function pageSvg(svg: string, hash: string): string | undefined {
  const element = inlineSvg(svg, hash);
  return element && toHtml(element);
}

/** Does this page still wait for diagrams? (A cheap test before the real work.) */
export const hasPlaceholders = (html: string): boolean => html.includes('<mmd-svg data-diagram="');

/**
 * Puts each diagram's SVG where its placeholder is. `markupOf` gives a diagram's page markup
 * (`pageSvg`) by hash; the hashes it has none for come back in `missing` (the page keeps them);
 * `filled` counts the placeholders replaced.
 */
export async function fillPlaceholders(
  html: string,
  markupOf: (hash: string) => Promise<string | undefined>,
): Promise<{ html: string; missing: string[]; filled: number }> {
  const hashes = [...new Set(Array.from(html.matchAll(PLACEHOLDER), (m) => m[1] as string))];
  const markup = new Map<string, string>();
  const missing: string[] = [];
  await Promise.all(
    hashes.map(async (hash) => {
      const svg = await markupOf(hash);
      if (svg) markup.set(hash, svg);
      else missing.push(hash);
    }),
  );
  let filled = 0;
  const out = html.replace(PLACEHOLDER, (all, hash: string) => {
    const svg = markup.get(hash);
    if (svg === undefined) return all;
    filled += 1;
    return svg;
  });
  return { html: out, missing: missing.sort(), filled };
}
