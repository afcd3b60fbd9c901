/**
 * rehype plugin for what notes are full of: comparison tables and ASCII-art diagrams.
 * - Tables scroll inside their own labelled region (never widen the page on a phone) and the
 *   first column becomes row headers, so a screen reader announces "Scaling, Stateful: …".
 * - Headings get a visible "#" link, so any section can be linked to (quizzes link here).
 */
import type { Element, ElementContent, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingId } from '../domain/notes/anchors.ts';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

function rowHeaders(table: Element): void {
  for (const section of table.children) {
    if (section.type !== 'element') continue;
    for (const row of section.children) {
      if (row.type !== 'element' || row.tagName !== 'tr') continue;
      const cells = row.children.filter((c): c is Element => c.type === 'element');
      cells.forEach((cell, i) => {
        // `:--` alignment arrives as `align` (MDX turns it into style="text-align:…") or as a
        // style; a strict CSP blocks both, so it becomes a class.
        const align =
          (typeof cell.properties.align === 'string' ? cell.properties.align : undefined) ??
          /text-align:\s*(left|center|right)/.exec(String(cell.properties.style ?? ''))?.[1];
        delete cell.properties.align;
        delete cell.properties.style;
        if (align && align !== 'left') cell.properties.className = [`align-${align}`];
        if (section.tagName === 'thead') cell.properties.scope = 'col';
        else if (i === 0) {
          cell.tagName = 'th';
          cell.properties.scope = 'row';
        }
      });
    }
  }
}

export function rehypeFigures() {
  return (tree: Root) => {
    let heading = 'Table';
    let tableCount = 0;
    // Ids assigned here (the same function the content gate uses to check quiz sources).
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        heading = toString(node);
        node.properties.id ??= headingId(slugger, heading);
        const id = node.properties.id;
        if (typeof id === 'string' && /^h[23]$/.test(node.tagName)) {
          node.children.push(
            el(
              'a',
              { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section “${heading}”` },
              [{ type: 'text', value: '#' }],
            ),
          );
        }
        return;
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      tableCount += 1;
      rowHeaders(node);
      parent.children[index] = el(
        'section',
        {
          className: ['table-wrap'],
          tabIndex: 0,
          ariaLabel: `Table ${tableCount}: ${heading}`,
        },
        [node],
      );
      return 'skip';
    });
  };
}
