/**
 * remark plugin: every ```mermaid block becomes an inline SVG figure at build time, named
 * after its nearest heading, with the diagram source kept as a text alternative and a link
 * to the full-size file. An invalid diagram fails the build with file:line and mermaid's
 * message; it never turns into an empty page.
 */
import type { Element, ElementContent } from 'hast';
import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { diagramErrorLine } from './mermaid/fences.ts';
import type { DiagramRenderer } from './mermaid/renderer.ts';
import { type PageStylesheet, pageStylesheet, STYLESHEET_DIR } from './mermaid/stylesheet.ts';
import { inlineSvg, svgPlaceholder } from './mermaid/fill.ts';
import { shortHash } from './mermaid/svg.ts';

export const diagramFileName = (source: string): string => `m-${shortHash(source)}.svg`;

function figure(svgEl: Element | undefined, source: string, name: string, index: number): Element {
  const id = `diagram-${shortHash(source)}`;
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  return el('figure', { className: ['diagram'], id }, [
    // Focusable so a keyboard can scroll a diagram wider than the screen.
    el(
      'div',
      { className: ['diagram-canvas'], tabIndex: 0, role: 'group', ariaLabelledby: `${id}-name` },
      svgEl ? [svgEl] : [],
    ),
    el('details', { className: ['diagram-source'] }, [
      el('summary', {}, [text('Text version (diagram source)')]),
      el('pre', {}, [el('code', {}, [text(source)])]),
    ]),
    el('figcaption', {}, [
      el('span', { className: ['diagram-name'], id: `${id}-name` }, [text(`Diagram ${index}: ${name}`)]),
      el('span', { className: ['diagram-actions'] }, [
        el('a', { href: `/diagrams/${diagramFileName(source)}` }, [
          text('Open full size'),
          el('span', { className: ['visually-hidden'] }, [text(` (diagram ${index})`)]),
        ]),
      ]),
    ]),
  ]);
}

export interface RemarkMermaidOptions {
  renderer: DiagramRenderer;
  /** The site's base path (Astro's `base`), for the page stylesheet's address. */
  base?: string;
  /**
   * Which theme blocks the notes' shared stylesheet holds (a build sets it before pages
   * render): a page's own sheet leaves those out. Unset (dev), the page's sheet has them all.
   */
  sharedScopes?: ReadonlySet<string>;
  /** Told about each page stylesheet, so the build can write it (and dev can serve it). */
  onStylesheet?: (sheet: PageStylesheet) => void;
  /**
   * A build: each figure holds a placeholder for its SVG, filled from the render cache when the
   * page is written (./mermaid/fill.ts), so the SVGs are not compiled into the notes. Dev
   * inlines them: nothing writes its pages.
   */
  placeholders?: boolean;
  /** Settles when the build's up-front render of every diagram has (drawing nothing twice). */
  ready?: () => Promise<void> | undefined;
}

export function remarkMermaid(options: RemarkMermaidOptions) {
  const { renderer } = options;
  return async (tree: Root, file: VFile): Promise<void> => {
    const found: { node: Code; heading: string }[] = [];
    let heading = 'diagram';
    visit(tree, (node) => {
      if (node.type === 'heading') heading = toString(node as Heading);
      if (node.type === 'code' && (node as Code).lang === 'mermaid')
        found.push({ node: node as Code, heading });
    });
    if (!found.length) return;
    await options.ready?.();
    const outcomes = await renderer.renderAll(found.map((f) => f.node.value));
    const errors: string[] = [];
    found.forEach(({ node, heading: name }, i) => {
      const outcome = outcomes[i];
      const line = node.position?.start.line ?? 0;
      if (!outcome?.ok) {
        const message = outcome?.message ?? 'not rendered';
        errors.push(`${file.path}:${diagramErrorLine(line, message)}: invalid mermaid diagram: ${message}`);
        return;
      }
      const replacement = node as unknown as { type: string; data: Record<string, unknown> };
      replacement.type = 'mermaidFigure';
      const hash = shortHash(node.value);
      const svg = options.placeholders ? svgPlaceholder(hash) : inlineSvg(outcome.artifact.svg, hash);
      const fig = figure(svg, node.value, name, i + 1);
      replacement.data = { hName: fig.tagName, hProperties: fig.properties, hChildren: fig.children };
    });
    if (errors.length) throw new Error(errors.join('\n'));
    const sheet = pageStylesheet(
      outcomes.flatMap((o) => (o?.ok ? [o.artifact] : [])),
      { shared: options.sharedScopes },
    );
    if (!sheet) return;
    options.onStylesheet?.(sheet);
    // A stylesheet link is allowed in the body (rel=stylesheet is body-ok); before the first
    // figure, so no diagram ever paints unstyled. From 'self': the strict CSP allows it.
    // Read when a page renders, not when the plugin is set up: the integration learns `base` late.
    const href = `${(options.base ?? '/').replace(/\/?$/, '/')}${STYLESHEET_DIR}/${sheet.name}`;
    tree.children.unshift({
      type: 'mermaidStylesheet',
      data: { hName: 'link', hProperties: { rel: 'stylesheet', href } },
    } as unknown as Root['children'][number]);
  };
}
