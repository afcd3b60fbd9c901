/**
 * remark plugin: `%%comments%%` never reach the page. MDX notes have them cut before MDX reads
 * the file (src/integrations/obsidian.ts); `.md` notes are rendered by Astro's content layer,
 * which no Vite hook sees, so here every node inside a comment is removed and text that a
 * comment starts or ends in is cut at the marker.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { commentRanges } from '../domain/notes/obsidian.ts';

export function remarkComments() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    const ranges = commentRanges(source);
    if (!ranges.length) return;
    const inside = (offset: number) => ranges.some(([s, e]) => offset >= s && offset < e);

    function prune(parent: Parent): void {
      parent.children = parent.children.flatMap((child: Nodes) => {
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        if (start === undefined || end === undefined) return [child];
        if (ranges.some(([s, e]) => start >= s && end <= e)) return [];
        if (child.type === 'text' && ranges.some(([s, e]) => s < end && e > start)) {
          // Only when the text is the source as written can offsets cut it exactly.
          if (source.slice(start, end) !== child.value) {
            // A comment opened in an earlier node closes in this one at its first marker.
            const rest = inside(start) ? child.value.replace(/^[\s\S]*?(?:%%|$)/, '') : child.value;
            child.value = rest.replace(/%%[\s\S]*?(?:%%|$)/g, '');
            return child.value ? [child] : [];
          }
          let value = '';
          for (let i = start; i < end; i += 1) if (!inside(i)) value += source.charAt(i);
          child.value = value;
          return value ? [child] : [];
        }
        if ('children' in child) prune(child as Parent);
        return [child];
      }) as Parent['children'];
    }
    prune(tree);
  };
}
