/**
 * remark plugin: Obsidian's `^block-id` at the end of a paragraph or list item becomes that
 * block's id (a `[[Note#^block-id]]` link lands there); alone on a line after a table, a
 * quote or a list, it names that block. The marker itself is not shown.
 */
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { blockAnchorId } from '../domain/notes/wikilinks.ts';

const TRAILING = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/;

const setId = (node: Nodes, id: string) => {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id: blockAnchorId(id) };
};

export function remarkBlockIds() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, i, parent) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text' || !parent || i === undefined) return;
      const match = TRAILING.exec(last.value);
      if (!match) return;
      const id = match[1] ?? '';
      last.value = last.value.slice(0, match.index);
      const empty = node.children.every((c) => c.type === 'text' && !c.value.trim());
      if (empty) {
        // `^id` on its own line: it names the block before it.
        const before = parent.children[i - 1] as RootContent | undefined;
        parent.children.splice(i, 1);
        if (before) setId(before, id);
        return i;
      }
      // In a list item the id goes on the item, as Obsidian links to the whole item.
      setId(parent.type === 'listItem' && parent.children[0] === node ? parent : node, id);
      return undefined;
    });
  };
}
