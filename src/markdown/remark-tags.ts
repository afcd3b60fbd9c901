/**
 * remark plugin: inline `#tag` and `#nested/tag` become links to the tag's page. The same
 * pattern (src/domain/notes/obsidian.ts) adds them to the note's tags, so the page exists.
 */
import type { PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { INLINE_TAG, tagSlug } from '../domain/notes/obsidian.ts';
import { tagHref } from '../domain/notes/wikilinks.ts';

export function remarkTags() {
  return (tree: Root) => {
    visit(tree, 'text', (node, i, parent) => {
      if (!parent || i === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
      if (!node.value.includes('#')) return;
      const out: PhrasingContent[] = [];
      let at = 0;
      for (const match of node.value.matchAll(INLINE_TAG)) {
        const slug = tagSlug(match[1] ?? '');
        if (!slug) continue;
        if (match.index > at) out.push({ type: 'text', value: node.value.slice(at, match.index) });
        out.push({
          type: 'link',
          url: tagHref(slug),
          data: { hProperties: { className: ['inline-tag'] } },
          children: [{ type: 'text', value: match[0] }],
        });
        at = match.index + match[0].length;
      }
      if (!out.length) return;
      if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(i, 1, ...out);
      return i + out.length;
    });
  };
}
