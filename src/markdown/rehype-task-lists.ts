/**
 * rehype plugin: GFM task lists (`- [ ] item`) render disabled checkboxes with no label, which
 * a screen reader announces as "checkbox, not checked" and nothing more. Each checkbox is named
 * by its item's text.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export function rehypeTaskLists() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li') return;
      const box = node.children.find(
        (c): c is Element =>
          c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox',
      );
      // A loose list puts the checkbox inside the item's first paragraph.
      const inner =
        box ??
        node.children
          .filter((c): c is Element => c.type === 'element' && c.tagName === 'p')[0]
          ?.children.find(
            (c): c is Element =>
              c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox',
          );
      if (!inner) return;
      inner.properties.ariaLabel = toString(node).trim().split('\n')[0]?.trim() || 'Task';
    });
  };
}
