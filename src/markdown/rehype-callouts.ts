/**
 * rehype plugin for Obsidian callouts (`> [!tip] Title`, foldable with `-` or `+`).
 * Written here rather than taken from rehype-callouts, which puts `<div>`s inside `<summary>`
 * (invalid HTML) and drops the callout's kind when a custom title is given, leaving an icon
 * as the only cue. Here:
 * - a plain callout is `<div role="note">` named by its title; a foldable one is `<details>`
 *   (opened with `+`), so it toggles with Enter or Space and no JavaScript;
 * - the kind is always written as a word ("Warning"); the icon is decoration (aria-hidden);
 * - colours come from CSS variables that follow the site's light/dark theme; no `style`
 *   attribute (the CSP is strict).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

type Kind =
  | 'note'
  | 'abstract'
  | 'info'
  | 'todo'
  | 'tip'
  | 'success'
  | 'question'
  | 'warning'
  | 'failure'
  | 'danger'
  | 'bug'
  | 'example'
  | 'quote';

/** Obsidian's kinds and their aliases (GitHub's alert names included). */
const ALIASES: Record<string, Kind> = {
  note: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

/** 24×24 stroke icons (after Lucide's shapes). */
const ICONS: Record<Kind, string[]> = {
  note: ['M12 20h9', 'M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z'],
  abstract: [
    'M9 2h6v4H9z',
    'M15 4h3a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h3',
    'M8 12h8M8 16h5',
  ],
  info: ['M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20', 'M12 16v-4', 'M12 8h.01'],
  todo: ['M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20', 'm8 12 3 3 5-6'],
  tip: ['M9 18h6', 'M10 22h4', 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z'],
  success: ['M20 6 9 17l-5-5'],
  question: ['M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20', 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3', 'M12 17h.01'],
  warning: [
    'm21.7 18-8-14a2 2 0 0 0-3.4 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.7-3Z',
    'M12 9v4',
    'M12 17h.01',
  ],
  failure: ['M18 6 6 18', 'm6 6 12 12'],
  danger: ['M13 2 3 14h9l-1 8 10-12h-9l1-8z'],
  bug: [
    'M9 7h6a3 3 0 0 1 3 3v4a6 6 0 0 1-12 0v-4a3 3 0 0 1 3-3z',
    'M12 20v-7',
    'M6 13H2M22 13h-4',
    'm8 2 1.5 1.5M16 2l-1.5 1.5',
  ],
  example: ['M8 6h13M8 12h13M8 18h13', 'M3 6h.01M3 12h.01M3 18h.01'],
  quote: ['M7 7h4v4c0 3-2 5-4 6', 'M15 7h4v4c0 3-2 5-4 6'],
};

const MARKER = /^\[!([\w-]+)\]([+-]?)[ \t]*/;

const el = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = [],
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

const icon = (kind: Kind): Element =>
  el(
    'svg',
    {
      className: ['callout-icon'],
      viewBox: '0 0 24 24',
      width: 20,
      height: 20,
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: '2',
      strokeLinecap: 'round',
      strokeLinejoin: 'round',
      ariaHidden: 'true',
      focusable: 'false',
    },
    ICONS[kind].map((d) => el('path', { d })),
  );

const label = (type: string): string => type.charAt(0).toUpperCase() + type.slice(1).toLowerCase();

let counter = 0;

export function rehypeCallouts() {
  return (tree: Root) => {
    counter = 0;
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'blockquote') return;
      const first = node.children.find((c): c is Element => c.type === 'element');
      const lead = first?.tagName === 'p' ? first.children[0] : undefined;
      if (!first || lead?.type !== 'text') return;
      const match = MARKER.exec(lead.value);
      if (!match) return;
      const type = (match[1] ?? 'note').toLowerCase();
      const kind = ALIASES[type] ?? 'note';
      const fold = match[2];
      // The title runs to the end of the marker's line (inline Markdown included); the rest of
      // that paragraph is the callout's first paragraph.
      lead.value = lead.value.slice(match[0].length);
      const title: ElementContent[] = [];
      const rest: ElementContent[] = [];
      let inTitle = true;
      for (const child of first.children) {
        if (inTitle && child.type === 'text' && child.value.includes('\n')) {
          const cut = child.value.indexOf('\n');
          const head = child.value.slice(0, cut);
          const tail = child.value.slice(cut + 1);
          if (head) title.push({ type: 'text', value: head } satisfies Text);
          if (tail) rest.push({ type: 'text', value: tail } satisfies Text);
          inTitle = false;
        } else if (inTitle && child.type === 'element' && child.tagName === 'br') {
          inTitle = false;
        } else (inTitle ? title : rest).push(child);
      }
      const custom = title.some((c) => c.type !== 'text' || c.value.trim());
      const kindText = label(type);
      counter += 1;
      const titleId = `callout-${counter}`;
      const heading: ElementContent[] = custom
        ? [
            icon(kind),
            el('span', { className: ['callout-kind'] }, [{ type: 'text', value: kindText }]),
            { type: 'text', value: ' ' },
            el('span', { className: ['callout-title-text'] }, title),
          ]
        : [
            icon(kind),
            el('span', { className: ['callout-title-text'] }, [{ type: 'text', value: kindText }]),
          ];
      const body = node.children.filter((c) => c !== first);
      const content: ElementContent[] = [
        ...(rest.some((c) => c.type !== 'text' || c.value.trim()) ? [el('p', {}, rest)] : []),
        ...body,
      ];
      const className = ['callout', `callout-${kind}`];
      // Changed in place, so a callout inside this one is still visited.
      if (fold) {
        node.tagName = 'details';
        node.properties = { className, open: fold === '+', dataCallout: type };
        node.children = [
          el('summary', { className: ['callout-title'] }, heading),
          el('div', { className: ['callout-content'] }, content),
        ];
      } else {
        node.tagName = 'div';
        node.properties = { className, role: 'note', ariaLabelledby: titleId, dataCallout: type };
        node.children = [
          el('p', { className: ['callout-title'], id: titleId }, heading),
          el('div', { className: ['callout-content'] }, content),
        ];
      }
    });
  };
}
