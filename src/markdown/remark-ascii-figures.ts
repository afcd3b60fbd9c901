/**
 * remark plugin: an ASCII-art block (a fence marked `ascii`, as the importer writes it:
 * ```text ascii title="Component Diagram") becomes a labelled figure that keeps the art
 * verbatim; `title` (or the nearest heading) is its caption and accessible name.
 */
import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export function remarkAsciiFigures() {
  return (tree: Root) => {
    let heading = 'Diagram';
    let count = 0;
    visit(tree, (node) => {
      if (node.type === 'heading') heading = toString(node as Heading);
      if (node.type !== 'code') return;
      const code = node as Code;
      if (!/(^|\s)ascii(\s|$)/.test(code.meta ?? '')) return;
      count += 1;
      const title = /title="([^"]*)"/.exec(code.meta ?? '')?.[1] ?? heading;
      const id = `ascii-figure-${count}`;
      const replacement = code as unknown as { type: string; data: Record<string, unknown> };
      replacement.type = 'asciiFigure';
      replacement.data = {
        hName: 'figure',
        hProperties: { className: ['ascii-figure'], ariaLabelledby: `${id}-caption` },
        hChildren: [
          {
            type: 'element',
            tagName: 'div',
            properties: { className: ['ascii-canvas'], tabIndex: 0, role: 'group', ariaLabel: title },
            children: [
              {
                type: 'element',
                tagName: 'pre',
                properties: {},
                children: [{ type: 'text', value: code.value }],
              },
            ],
          },
          {
            type: 'element',
            tagName: 'figcaption',
            properties: { id: `${id}-caption` },
            children: [{ type: 'text', value: title }],
          },
        ],
      };
    });
  };
}
