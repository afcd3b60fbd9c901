/**
 * remark plugin: Obsidian's `==highlight==` → `<mark>`. The markers may enclose other inline
 * Markdown (`==a *b* c==`). An opening `==` must touch the next word and a closing one the
 * previous word, so prose such as "x == y" stays as written.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

type Piece = PhrasingContent | { marker: true };

const isMarker = (p: Piece): p is { marker: true } => 'marker' in p;

function split(children: PhrasingContent[]): Piece[] {
  const pieces: Piece[] = [];
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('==')) {
      pieces.push(child);
      continue;
    }
    const parts = child.value.split(/(==)/);
    parts.forEach((part, i) => {
      if (part !== '==') {
        if (part) pieces.push({ type: 'text', value: part } satisfies Text);
        return;
      }
      const before = parts[i - 1] ?? '';
      const after = parts[i + 1] ?? '';
      const canOpen = after !== '' && !/^\s/.test(after);
      const canClose = before !== '' && !/\s$/.test(before);
      // `a==b==c`-like runs inside a word still count; a lone `==` between spaces never does.
      if (canOpen || canClose || (i === 1 && before === '') || (i === parts.length - 2 && after === '')) {
        pieces.push({ marker: true });
      } else pieces.push({ type: 'text', value: part });
    });
  }
  return pieces;
}

const textOf = (p: Piece): string => (!isMarker(p) && p.type === 'text' ? p.value : 'x');

export function remarkHighlight() {
  return (tree: Root) => {
    visit(tree, (node) => {
      const parent = node as Parent;
      if (!('children' in parent) || node.type === 'inlineCode' || node.type === 'code') return;
      const children = parent.children as PhrasingContent[];
      if (!children.some((c) => c.type === 'text' && c.value.includes('=='))) return;
      const pieces = split(children);
      const out: PhrasingContent[] = [];
      for (let i = 0; i < pieces.length; i += 1) {
        const piece = pieces[i] as Piece;
        if (!isMarker(piece)) {
          out.push(piece);
          continue;
        }
        const next = pieces[i + 1];
        const close = pieces.findIndex((p, j) => j > i + 1 && isMarker(p));
        const prev = close > 0 ? pieces[close - 1] : undefined;
        const opens = next !== undefined && !isMarker(next) && !/^\s/.test(textOf(next));
        const closes = prev !== undefined && !isMarker(prev) && !/\s$/.test(textOf(prev));
        if (close < 0 || !opens || !closes) {
          out.push({ type: 'text', value: '==' });
          continue;
        }
        out.push({
          type: 'emphasis',
          data: { hName: 'mark' },
          children: pieces.slice(i + 1, close) as PhrasingContent[],
        } as PhrasingContent);
        i = close;
      }
      // Merge neighbouring text nodes again, so later plugins see whole words.
      const merged: PhrasingContent[] = [];
      for (const c of out) {
        const last = merged.at(-1);
        if (c.type === 'text' && last?.type === 'text') last.value += c.value;
        else merged.push(c);
      }
      parent.children = merged;
    });
  };
}
