/**
 * remark plugin, right after remark-math: prices are not formulas. remark-math takes any
 * `$…$` pair as inline math, so "costs $5 and $10" would typeset "5 and". Obsidian (like
 * Pandoc) needs the opening `$` followed by a non-space, the closing `$` preceded by one and
 * not followed by a digit; an inline formula that breaks the rule is put back as the text it was.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function remarkMathGuard() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'inlineMath', (node, i, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!parent || i === undefined || start === undefined || end === undefined) return;
      const raw = source.slice(start, end);
      // `$$x$$` inline is display-style inline math: the rule is about single dollars.
      if (raw.startsWith('$$')) return;
      const after = source.charAt(end);
      if (!/^\$\s|\s\$$/.test(raw) && !/\d/.test(after)) return;
      parent.children.splice(i, 1, { type: 'text', value: raw });
    });
  };
}
